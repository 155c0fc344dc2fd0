import { describe, expect, it } from 'vitest'
import { dateAtStart } from '../../../src/main/importers/dates'
import { extractBytes } from '../../../src/main/importers/extract'
import { blankDocument } from '../../../src/main/importers/extractors/common'
import {
  cleanName,
  looksLikeName,
  splitAuthors,
} from '../../../src/main/importers/metadata/authors'
import { finishMetadata, genericTitle } from '../../../src/main/importers/metadata/finish'
import { findIdentifiers, normaliseIsbn } from '../../../src/main/importers/metadata/identifiers'
import {
  firstPageLayout,
  notATitle,
  type PageFragment,
  romanisedName,
  tidyLogos,
} from '../../../src/main/importers/metadata/pdf-first-page'
import { checkDate } from '../../../src/main/importers/metadata/plausible-date'
import { setField } from '../../../src/main/importers/metadata/provenance'
import { dateInLine, headMetadata } from '../../../src/main/importers/metadata/text-head'

const limits = { maxFileBytes: 1 << 24, maxZipBytes: 1 << 26, maxZipEntries: 1000 }
const NOW = new Date('2026-12-06T12:00:00Z')

describe('authors', () => {
  it('keeps names, drops e-mails, roles, footnote marks, logins and tool names', () => {
    expect(splitAuthors('Heiko Oberdiek <oberdiek@uni-freiburg.de>')).toEqual(['Heiko Oberdiek'])
    expect(splitAuthors('David Carlisle and Sebastian Rahtz (deceased)†')).toEqual([
      'David Carlisle',
      'Sebastian Rahtz',
    ])
    expect(splitAuthors('Vinay Sajip <vinay_sajip at red-dove dot com>')).toEqual(['Vinay Sajip'])
    expect(splitAuthors('A.M. Kuchling, Eric S. Raymond')).toEqual([
      'A.M. Kuchling',
      'Eric S. Raymond',
    ])
    expect(splitAuthors('COMP15146')).toEqual([])
    expect(splitAuthors('Microsoft Office User')).toEqual([])
    expect(cleanName('Administrator')).toBeNull()
    expect(cleanName('jsmith')).toBeNull()
  })

  it('leaves a revision note or date of the byline out of the name', () => {
    // The Debian Manifesto's byline (tests/fixtures/documents/debian/manifesto.en.html).
    expect(splitAuthors('Written by Ian A.  Murdock, Revised 01/06/94')).toEqual(['Ian A. Murdock'])
    expect(splitAuthors('Jane Doe, last updated 2003-04-01')).toEqual(['Jane Doe'])
    expect(splitAuthors('Jean Dupont (révisé en 2004)')).toEqual(['Jean Dupont'])
    expect(splitAuthors('Smith, John')).toEqual(['Smith, John'])
  })

  // Real documents from Debian's TeX Live docs (texlive-en.html, tlmgr.html, install-tl.html, ifplatform.pdf).
  it('drops a role word even when a link followed it on the byline', () => {
    expect(splitAuthors('Karl Berry, editor\n    https://tug.org/texlive/ ')).toEqual([
      'Karl Berry',
    ])
  })
  it('a section heading such as "AUTHORS AND COPYRIGHT" is nobody', () => {
    expect(splitAuthors('AUTHORS AND COPYRIGHT')).toEqual([])
    expect(splitAuthors('A.8 Authors')).toEqual([])
    expect(splitAuthors('Credits')).toEqual([])
  })
  it('a phrase starting with "The" is a name only when it names a body (lm-info.pdf\'s subtitle is nobody)', () => {
    expect(looksLikeName('THE TECHNICAL DOCUMENTATION')).toBe(false)
    expect(looksLikeName('The NTS Team')).toBe(true)
    expect(looksLikeName('The LaTeX Project Team')).toBe(true)
    expect(looksLikeName('The White House')).toBe(true)
    expect(looksLikeName('The Guardian')).toBe(true)
    expect(looksLikeName('The Economist')).toBe(true)
  })
  it('"Original code by …" and "Package by …" name the person after "by"', () => {
    expect(splitAuthors('Original code by Johannes Große')).toEqual(['Johannes Große'])
    expect(splitAuthors('Package by Will Robertson')).toEqual(['Will Robertson'])
    expect(splitAuthors('Maintained by Jane Doe')).toEqual(['Jane Doe'])
  })
})

describe('PDF page 1 titles', () => {
  it('a section heading or a figure label in the largest type is not the title (amsfndoc.pdf, transistor.pdf)', () => {
    expect(notATitle('Contents of this document')).toBe(true)
    expect(notATitle('Table of Contents')).toBe(true)
    expect(notATitle('R R a')).toBe(true)
    expect(notATitle("User's Guide to AMSFonts")).toBe(false)
    expect(notATitle('10 Years of Debian')).toBe(false)
    expect(notATitle('数学')).toBe(false)
  })

  it('a name in Hanja with its romanisation in capitals, surname first, is the person (tug2003-slides.pdf)', () => {
    expect(romanisedName('趙CHO, 珍JIN 煥HWAN')).toBe('Jin Hwan Cho')
    expect(romanisedName('趙 CHO, 珍 JIN 煥 HWAN')).toBe('Jin Hwan Cho')
    expect(romanisedName('CHO, JIN HWAN')).toBeNull() // capitals alone: no sign the comma inverts a name
    expect(romanisedName('Korean TEX Users Group')).toBeNull()
    expect(romanisedName('数学, 物理')).toBeNull()
  })

  it('the LaTeX logo as pdf.js spells it, numbered too ("The LATEX3 Project" in hyperref-doc.pdf)', () => {
    expect(tidyLogos('The L ATEX3 Project')).toBe('The LaTeX3 Project')
    expect(tidyLogos('The L A TEX Project Team∗')).toBe('The LaTeX Project Team')
    expect(tidyLogos('LATEXT')).toBe('LATEXT')
  })
})

describe('dates', () => {
  it('rejects software epochs, future dates and fresh conversion stamps from file properties', () => {
    expect(checkDate('1601-01-01', true, NOW).ok).toBe(false)
    expect(checkDate('2031-05-01', false, NOW).ok).toBe(false)
    expect(checkDate('2026-12-06', true, NOW).ok).toBe(false)
    expect(checkDate('2026-12-06', false, NOW).ok).toBe(true)
    expect(checkDate('1994-01-06', true, NOW).ok).toBe(true)
  })

  it('finds dates stated in lines, with or without a keyword', () => {
    // Debian's dvips.pdf, page 1: "for version 2022.1 January 2022".
    expect(dateInLine('for version 2022.1 January 2022')?.date).toBe('2022-01')
    expect(dateInLine('Release 3.1 March 2020')?.date).toBe('2020-03')
    expect(dateInLine('Berlin, 1 March 2020')?.date).toBe('2020-03-01')
    expect(dateInLine('version: 2.28 (2023-02-15)')).toMatchObject({
      date: '2023-02-15',
      keyword: true,
    })
    expect(dateInLine('Last updated 2022-03-19')?.date).toBe('2022-03-19')
    expect(dateInLine('Version 1.9 ratified on March 26th, 2022.')?.date).toBe('2022-03-26')
    expect(dateInLine('Since 1992 or so')).toBeNull()
  })
})

describe('the head of a text', () => {
  it('an e-mail: title under the headers, From: as authors, Date: as the date (time zone never moves the day)', () => {
    const head = headMetadata(
      'Date: Fri, 19 Dec 2008 00:45:19 -0800\nFrom: Linus Torvalds <torvalds@linux-foundation.org>\nSubject: Re: Odd merge\n\nHow to revert\n=============\n\nText.',
    )
    expect(head.title?.value).toBe('How to revert')
    expect(head.authors?.value).toEqual(['Linus Torvalds'])
    expect(head.date).toMatchObject({ value: '2008-12-19', origin: 'text' })
  })

  it('an RFC: the header block is not the title', () => {
    const rfc = [
      'Network Working Group                                        S. Pfeiffer',
      'Request for Comments: 3533                                         CSIRO',
      'Category: Informational                                         May 2003',
      '',
      '',
      '          The Ogg Encapsulation Format Version 0',
      '',
      'Status of this Memo',
    ].join('\n')
    const head = headMetadata(rfc)
    expect(head.title?.value).toBe('The Ogg Encapsulation Format Version 0')
    expect(head.authors?.value).toEqual(['S. Pfeiffer'])
    expect(head.date?.value).toBe('2003-05')
  })

  it('a press-release masthead is skipped; the title is the line after it', () => {
    const head = headMetadata(
      'The White House\nOffice of the Press Secretary\nFor Immediate Release\nOctober 8, 2010\n\nRemarks by the President at a Signing\n\nTHE PRESIDENT: Hello.',
    )
    expect(head.title?.value).toBe('Remarks by the President at a Signing')
    expect(head.date?.value).toBe('2010-10-08')
  })

  it('a copyright year is never a publication date', () => {
    expect(
      headMetadata('A Manual\n\nCopyright (C) 1998-2023 Someone\n\nText here.').date,
    ).toBeNull()
  })
})

describe('dates and bylines the head prints', () => {
  it('a labelled latest revision beats an earlier date, on its line or the next (APA: the version read)', () => {
    const hyph =
      'The hyph-utf8 package\n\nMain description:\n\nJune 2011 Latest editorial change:\n\n16 Mars 2018\n\nAbstract:'
    expect(headMetadata(hyph).date).toMatchObject({ value: '2018-03-16', origin: 'text' })
    expect(
      headMetadata('A Guide\n\nMay 2001\n\nLast updated: 2005-06-07\n\nText.').date?.value,
    ).toBe('2005-06-07')
    expect(headMetadata('Ein Leitfaden\n\nStand: 12. März 2020\n\nText.').date?.value).toBe(
      '2020-03-12',
    )
    expect(headMetadata('手引き\n\n最終更新日：2021年4月1日\n\n本文。').date?.value).toBe(
      '2021-04-01',
    )
  })

  it("a version's date, also inside a long paragraph; never a licence's version", () => {
    const long = `本 Debian リファレンス (第2.100版) (2023-02-04 11:59:01 UTC) は${'システム'.repeat(60)}`
    expect(headMetadata(`Debian リファレンス\n\n${long}`).date?.value).toBe('2023-02-04')
    expect(
      headMetadata('Guide\n\nCeci est la version "12.18", publiée le "2023-03-06", du guide.').date
        ?.value,
    ).toBe('2023-03-06')
    expect(
      headMetadata(
        'A Manual\n\nDistributed under the GNU General Public License version 2.0 (June 1991).\n\nText.',
      ).date,
    ).toBeNull()
  })

  it('a changelog entry, a requirement or another file\'s version is no version of this document; "Date:" beats them', () => {
    expect(
      headMetadata('kdgdocs\n\n *** v0.1 - 2011/03/10 ***\n\n *** v0.5 - 2011/07/19 ***').date,
    ).toBeNull()
    expect(
      headMetadata(
        'Readme file for the package "ua-classes".  Date: 1997/03/08\n\nAMS-LaTeX       version 1.2, October 1996 or later',
      ).date?.value,
    ).toBe('1997-03-08')
    expect(
      headMetadata('urcls\n\n urcls 2019/01/31 v2.1\n\nFiles\n\nURbeamer.cls v2.0(2017/04/05)').date
        ?.value,
    ).toBe('2019-01-31')
  })

  it("a list of revisions gives its latest (amsldoc.pdf); a reference's access date and a diary entry are no date or title", () => {
    expect(
      headMetadata(
        "User's Guide for the amsmath Package\n\n1999-12-13 (revised 2002-02-25, 2016-11-14, 2018-04-05, 2019-10-14, 2020-02-18)\n\nText.",
      ).date?.value,
    ).toBe('2020-02-18')
    expect(
      headMetadata('Leaflet\n\n14. Jan. 2019. URL: http://mirrors.ctan.org/macros/latex').date,
    ).toBeNull()
    expect(
      headMetadata(
        '2023 年 1 月 1 日 星期日 晴 ⸺ 公寓\n\n在文中出现的日期：2022-12-25\n\n体育 一些关于体育赛事的事情\n',
      ).title?.value,
    ).not.toBe('体育 一些关于体育赛事的事情') // jwjournal-demo-cn.pdf: the third entry's tag line
  })

  it('a line of prose opening with a date in another language is no dateline', () => {
    expect(
      headMetadata(
        'Dedicado a Ian Murdock\n======================\n\ndiciembre de 2015 en su casa de San Francisco.',
      ).date,
    ).toBeNull()
    expect(
      headMetadata(
        'Lenny\n=====\n\n2008年12月26日 Thiemo Seufer が、痛ましい交通事故で亡くなりました。',
      ).date,
    ).toBeNull()
  })

  it("month names of the library's languages and CJK dates parse; a word that is no month does not", () => {
    expect(dateAtStart('16 Mars 2018')?.date).toBe('2018-03-16')
    expect(dateAtStart('16. März 2018')?.date).toBe('2018-03-16')
    expect(dateAtStart('1er avril 2020')?.date).toBe('2020-04-01')
    expect(dateAtStart('16 de marzo de 2018')?.date).toBe('2018-03-16')
    expect(dateAtStart('juin 2011')?.date).toBe('2011-06')
    expect(dateAtStart('2023年2月4日')?.date).toBe('2023-02-04')
    expect(dateAtStart('Maybe 2020')).toBeNull()
    expect(dateAtStart('Marco 2020')).toBeNull() // a name, not a month
  })

  it('maintainers name the authors only when no author line does; contributors never', () => {
    const hyph =
      'The hyph-utf8 package\n\nMaintainers of the hyph-utf8 package and collectors of patterns:\n\n• Mojca Miklavec, Arthur Reutenauer\n\n• With contributions by Khaled Hosny, Élie Roux'
    expect(headMetadata(hyph).authors).toMatchObject({
      value: ['Mojca Miklavec', 'Arthur Reutenauer'],
      detail: 'maintainers line',
    })
    const verse = 'The verse package\n\nAuthor: Peter Wilson\nMaintainer: Will Robertson\n\nText.'
    expect(headMetadata(verse).authors?.value).toEqual(['Peter Wilson'])
    expect(headMetadata('手引き\n\n作者：青木 修\n\n本文。').authors?.value).toEqual(['青木 修'])
  })

  it('a name and e-mail under the title is the byline; a copyright line or a sentence is not', () => {
    const fr =
      'Guide de référence pour Debian\n******************************\n\nÉquipe du guide de référence pour Debian <developers-\nreference@packages.debian.org>\n\n* Copyright © 2019 - 2023 Holger Levsen'
    expect(headMetadata(fr).authors?.value).toEqual(['Équipe du guide de référence pour Debian'])
    expect(
      headMetadata('A Tool\n======\n\nCopyright 2020 Jane Doe <jane@example.org>\n\nText.').authors,
    ).toBeNull()
    expect(
      headMetadata('A Tool\n======\n\nsend your bug reports to <bugs@example.org>\n\nText.')
        .authors,
    ).toBeNull()
    // reST field lists under a Python HOWTO's title: an editor and a directive, not bylines.
    expect(
      headMetadata(
        "What's New In Python 3.7\n************************\n\n:Editor: Elvis Pranskevichus <elvis@magic.io>\n",
      ).authors,
    ).toBeNull()
    expect(
      headMetadata('IDLE\n====\n\n.. moduleauthor:: Guido van Rossum <guido@python.org>\n').authors,
    ).toBeNull()
    // A package's control fields printed as an example (the Debian Administrator's Handbook).
    expect(
      headMetadata(
        'Meta-information\n\nPackage: apt\nVersion: 2.2.4\nMaintainer: APT Development Team <deity@lists.debian.org>\nDepends: adduser\n',
      ).authors,
    ).toBeNull()
    // A sentence wrapped onto a line starting "maintained by" names an earlier package's maintainer.
    expect(
      headMetadata(
        'seuthesix\n\nNote: based on the package seuthesis\nmaintained by Xu Yuan (email: x@y.cn), now unusable',
      ).authors,
    ).toBeNull()
  })
})

const HEAD_DE =
  'Debian-Referenz\n\n                             Osamu Aoki\n\nCopyright © 2013-2021 Osamu Aoki\n\n    Diese Debian-Referenz (version 2.100) (2023-02-04 11:59:01 UTC)\n    wurde geschrieben, um für die Zeit nach der Installation einen\n    groben Überblick über das Debian-System in Form eines\n    Benutzerhandbuchs zu bieten. Sie behandelt viele Aspekte der\n    Systemadministration mittels Shell-Befehlsbeispielen für einfache\n    Benutzer.\n\nZusammenfassung\n\nDieses Buch ist frei; Sie dürfen es unter den Bedingungen der GNU\nGeneral Public License in jeder Version, die verträglich mit den\nDebian Richtlinien für Freie Software (DFSG) ist, weiterverteilen und\n/oder verändern.\n\n---------------------------------------------------------------------\n\nInhaltsverzeichnis\n'

describe('bad input', () => {
  it("a section heading near the top of the text is not taken over a PDF's Info title (amsfndoc.pdf)", () => {
    // amsfndoc.pdf's text as extracted: a date, a paragraph, then its contents. Info says the real title but page 1
    // does not print it, so Info is weighed at 0.6: the heading's 0.65 ("first line") used to win.
    const doc = blankDocument('pdf', '/x/amsfndoc.pdf')
    setField(doc, 'title', "User's Guide to AMSFonts Version 2.2d", {
      origin: 'embedded',
      confidence: 0.6,
      detail: 'PDF Info Title',
    })
    doc.text = [
      'January 2002¡ Standard distributions of TEX ordinarily come with all the fonts specified in plain.tex, and they may also come with a number of additional fonts intended for use with LATEX.',
      '',
      'Contents of this document',
      '',
      '1. Contents of the AMSFonts collection . . . . . . 1',
    ].join('\n')
    finishMetadata(doc, 'amsfndoc', NOW)
    expect(doc.title).toBe("User's Guide to AMSFonts Version 2.2d")
  })

  it('a title that is one compound of capitalised words is no slug ("Debian-Referenz", the German Debian Reference)', async () => {
    expect(genericTitle('Debian-Referenz')).toBe(false)
    expect(genericTitle('developers-reference')).toBe(true)
    expect(genericTitle('Baden-Württemberg-Atlas')).toBe(false)
    expect(genericTitle('my-Notes')).toBe(true)
    // The head of debian-reference.de.txt (debian-reference-de 2.100) as printed: the title was its file name.
    const head = HEAD_DE
    const file = await extractBytes(Buffer.from(head, 'utf8'), '/x/debian-reference.de.txt', {
      maxFileBytes: 1e8,
      maxZipBytes: 1e8,
      maxZipEntries: 1000,
    })
    expect(file.title).toBe('Debian-Referenz')
  })

  it('a chapter title printed with no-break spaces is the line its <title> prints (DocBook: "第 1 章 定义和概览")', () => {
    // The Debian FAQ's chapter page: <title> with plain spaces, the <h1> with no-break spaces. A "chapter N" title is
    // kept only when the text opens with it; the file name took its place (trial9).
    const doc = blankDocument('html', '/x/basic-defs.zh-cn.html')
    setField(doc, 'title', '第 1 章 定义和概览', {
      origin: 'embedded',
      confidence: 0.88,
      detail: '<title> matching the heading',
    })
    doc.text =
      '第\u00a01\u00a0章\u00a0定义和概览\n\n1.1.\u00a0本 FAQ 文档是什么？\n\n本文档提供了关于 Debian 发行版的常见问题。'
    finishMetadata(doc, 'basic-defs.zh-cn', NOW)
    expect(doc.title).toBe('第 1 章 定义和概览')
  })

  it('a dense two-column first page (60,000 pieces) is laid out in well under a second, not n² (seconds)', () => {
    // Two columns of short pieces meeting at the middle, 40 to a row: every left piece is near the gutter, so the
    // search for rows that cross it visits each of them. Before the fix: ~1.9 s at 30,000 pieces, ~7 s at 60,000.
    const fragments: PageFragment[] = []
    for (let i = 0; i < 60_000; i++) {
      const x = i % 2 === 0 ? 250 + (i % 7) : 302
      fragments.push({ text: `word${i}`, x, right: x + 48, y: 800 - Math.floor(i / 40), size: 10 })
    }
    const started = performance.now()
    const layout = firstPageLayout(fragments)
    expect(performance.now() - started).toBeLessThan(3000)
    expect(layout).toBeDefined()
  })

  it('an "Untitled" embedded title and a hash file name never give an empty title', async () => {
    const doc = blankDocument('txt', '/x/0123456789abcdef0123456789abcdef.txt')
    setField(doc, 'title', 'Untitled', { origin: 'embedded', confidence: 0.9 })
    doc.text = ''
    finishMetadata(doc, '0123456789abcdef0123456789abcdef', NOW)
    expect(doc.title).toBe('Untitled')
    expect(doc.provenance.title?.origin).toBe('guessed')
    expect(genericTitle('developers-reference')).toBe(true)
  })

  it('a short or dashed title the page both declares and prints first is kept (Node.js "OS", "V8", "Node-API")', async () => {
    const page = (name: string) =>
      new TextEncoder().encode(
        `<html><head><title>${name} | Node.js v18.20.4 Documentation</title></head><body><header><h1>Node.js v18.20.4 documentation</h1></header><div role="main"><h2>${name}</h2>${'<p>The module provides operating system-related utility methods and properties for programs.</p>'.repeat(5)}</div></body></html>`,
      )
    for (const name of ['OS', 'V8', 'Node-API']) {
      const file = await extractBytes(page(name), `/api/${name.toLowerCase()}.html`, limits)
      expect(file.title).toBe(name)
    }
    // The same shapes stay refused when only declared: a drawing's labels, a slug.
    expect(genericTitle('R R a')).toBe(true)
    expect(genericTitle('developers-reference')).toBe(true)
    const labels = blankDocument('txt', '/x/plan.txt')
    setField(labels, 'title', 'R R a', { origin: 'embedded', confidence: 0.9 })
    labels.text =
      'The plan of the station shows the platforms and the tracks between them in detail.\n'
    finishMetadata(labels, 'plan', NOW)
    expect(labels.title).not.toBe('R R a')
  })

  it('a copyright notice heading a file is not its title (GNU MPFR README, found by a new-user trial)', async () => {
    const readme = new TextEncoder().encode(
      'Copyright 2000-2023 Free Software Foundation, Inc.\nContributed by the AriC and Caramba projects, INRIA.\n\nThis file is part of the GNU MPFR Library.\n\nThe GNU MPFR Library is free software; you can redistribute it and/or modify\nit under the terms of the GNU Lesser General Public License.\n',
    )
    const file = await extractBytes(readme, '/usr/share/doc/libmpfr6/README', limits)
    expect(file.title).not.toMatch(/copyright/i)
    expect(genericTitle('© 2021 The Authors')).toBe(true)
    expect(genericTitle('Copyright (C) 1999 Free Software Foundation')).toBe(true)
    expect(genericTitle('Copyright law in the digital age')).toBe(false)
  })

  it('a text with no title line keeps its first sentence whole and marks it guessed', async () => {
    const sentence =
      'The minister said on Tuesday that the new railway line between the port and the capital would open next year, two years later than planned'
    const file = await extractBytes(
      new TextEncoder().encode(`${sentence}. Officials gave no reason for the delay.\n`),
      '/tmp/news.txt',
      limits,
    )
    expect(file.title).toBe(sentence)
    expect(file.provenance.title).toMatchObject({ origin: 'guessed' })
  })

  it('a user correction is never overwritten by a machine value', () => {
    const doc = blankDocument('txt', '/x/a.txt')
    setField(doc, 'title', 'My title', { origin: 'user', confidence: 1 })
    expect(setField(doc, 'title', 'Other', { origin: 'text', confidence: 0.9 })).toBe(false)
    expect(doc.title).toBe('My title')
  })
})

describe('identifiers', () => {
  it('finds DOIs, valid ISBNs, arXiv ids and ISSNs; rejects bad checksums', () => {
    const ids = findIdentifiers(
      'See doi:10.1000/XYZ123. ISBN 978-0-306-40615-7, ISBN 978-0-306-40615-8 (bad), arXiv:2101.00001v2, ISSN 0378-5955 https://example.org/a',
    )
    expect(ids).toEqual([
      { type: 'doi', value: '10.1000/xyz123' },
      { type: 'isbn', value: '9780306406157' },
      { type: 'arxiv', value: '2101.00001v2' },
      { type: 'issn', value: '0378-5955' },
      { type: 'url', value: 'https://example.org/a' },
    ])
    expect(normaliseIsbn('0-306-40615-2')).toBe('0306406152')
  })
})
