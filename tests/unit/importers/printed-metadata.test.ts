/**
 * What a document prints beats what tools wrote about it, and a section heading is no title: the rules behind the
 * fixtures util-linux-howto-pull-request.txt, httplib2-README.md, encdoc-e.pdf and amsfndoc.pdf
 * (tests/integration/importers/fixtures.test.ts imports those whole).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractBytes } from '../../../src/main/importers/extract'
import { blankDocument } from '../../../src/main/importers/extractors/common'
import {
  finishMetadata,
  readableFileName,
  sectionHeading,
} from '../../../src/main/importers/metadata/finish'
import {
  applyPdfMetadata,
  type PageFragment,
} from '../../../src/main/importers/metadata/pdf-first-page'
import { printedSpelling } from '../../../src/main/importers/metadata/printed-spelling'
import { dateAlone, headMetadata } from '../../../src/main/importers/metadata/text-head'

const FIXTURES = join(__dirname, '../../fixtures/documents')
const limits = { maxFileBytes: 1 << 24, maxZipBytes: 1 << 26, maxZipEntries: 1000 }
const NOW = new Date('2026-12-06T12:00:00Z')

const extract = (file: string) =>
  extractBytes(new Uint8Array(readFileSync(join(FIXTURES, file))), join(FIXTURES, file), limits)

describe('a section heading is not a title', () => {
  it('in the languages of the library, numbered or not, in capitals or not', () => {
    for (const heading of [
      'Introduction',
      'INTRODUCTION',
      '1. Introduction',
      '1 Overview',
      'II. Background',
      'Summary:',
      'Table of Contents',
      'Einleitung',
      'Überblick',
      'Inhaltsverzeichnis',
      'Table des matières',
      'Avant-propos',
      'Introducción',
      'Índice',
      'Introduzione',
      'Sommario',
      'Introdução',
      'Sumário',
      'Inleiding',
      'Samenvatting',
      'Введение',
      'СОДЕРЖАНИЕ',
      '简介',
      '目錄',
      '第1章 概述',
      'はじめに',
      '目次',
    ])
      expect(sectionHeading(heading), heading).toBe(true)
    for (const title of [
      'Introduction to Algorithms',
      'An Overview of the Debian Archive',
      '10 Years of Debian',
      'Dune',
      'Lectern',
      'Einleitung in die Philosophie',
      '数学',
    ])
      expect(sectionHeading(title), title).toBe(false)
  })

  it('a plain text opening with the setext heading "Introduction" is titled by its file name (howto-pull-request.txt)', async () => {
    const doc = await extract('debian/util-linux-howto-pull-request.txt')
    expect(doc.title).toBe('util linux howto pull request')
    expect(doc.provenance.title?.origin).toBe('filename')
  })

  it('Markdown whose first heading is "Introduction" is titled by its file name (httplib2 README.md)', async () => {
    const doc = await extract('debian/httplib2-README.md')
    expect(doc.title).toBe('httplib2-README')
    expect(doc.provenance.title?.origin).toBe('filename')
  })

  it('a real title line above the first section heading stays the title, one word or many', async () => {
    for (const [name, text, title] of [
      [
        'a.txt',
        'Lectern\n=======\n\nIntroduction\n------------\n\nLectern reads documents.\n',
        'Lectern',
      ],
      ['b.md', '# Dune\n\n## Introduction\n\nA novel by Frank Herbert.\n', 'Dune'],
      [
        'c.txt',
        'Einleitung in die Philosophie\n\nVorwort\n\nDies ist ein Buch.\n',
        'Einleitung in die Philosophie',
      ],
    ] as const) {
      const doc = await extractBytes(new TextEncoder().encode(text), `/x/${name}`, limits)
      expect(doc.title).toBe(title)
    }
  })

  it('a title drawn in a box is the title, not the "Description" heading under it (bytefield README)', async () => {
    const text =
      '                 +---------------------------------+\n                 |      THE BYTEFIELD PACKAGE      |\n                 | Scott Pakin, scott+bf@pakin.org |\n                 +---------------------------------+\n\n\nDescription\n-----------\n\nThe bytefield package helps the user create illustrations.\n'
    const doc = await extractBytes(new TextEncoder().encode(text), '/x/README', limits)
    expect(doc.title).toBe('THE BYTEFIELD PACKAGE')
  })

  it('a boxed title that ends "by NAME" is the title and its author (eurosym README)', async () => {
    const text =
      '+------------------------------------------------------+\n| The Euro Symbol Package for LaTeX by Henrik Theiling |\n| Version 1.4                                          |\n+------------------------------------------------------+\n\nHi!\n\nThis is the Euro symbol package I created.\n'
    const doc = await extractBytes(new TextEncoder().encode(text), '/x/README', limits)
    expect(doc.title).toBe('The Euro Symbol Package for LaTeX')
    expect(doc.authors).toEqual(['Henrik Theiling'])
  })

  it('a text whose title line is a section heading is titled by its file name, not its first sentence', async () => {
    // alg's readme.txt: a file line and a licence paragraph, then "Description" underlined.
    const text =
      'File: readme.txt (for the alg package).\n\nCopyright (c) 1995, 1999, 2003 Staffan Ulfberg\n\nDescription\n===========\n\nThis package defines two environments for typesetting algorithms.\n'
    const doc = await extractBytes(new TextEncoder().encode(text), '/x/alg-readme.txt', limits)
    expect(doc.title).toBe('alg-readme')
  })

  it('rules are no words of a title guessed from the first sentence', async () => {
    const text =
      '%%%%%%%%%%%%%%%%\n% This file is part of the MPATTERN package\n%%%%%%%%%%%%%%%%\n\nText.\n'
    const doc = await extractBytes(
      new TextEncoder().encode(text),
      '/x/0123456789abcdef0123.txt',
      limits,
    )
    expect(doc.title).not.toMatch(/%%%/)
  })

  it('an underlined title that reads like a slug is still the title (templates-fenn-en.txt)', async () => {
    const text = 'templates-fenn\n--------------\n\nThis bundle contains templates.\n'
    const doc = await extractBytes(
      new TextEncoder().encode(text),
      '/x/templates-fenn-en.txt',
      limits,
    )
    expect(doc.title).toBe('templates-fenn')
    // AsciiDoc markup over a code fence is no title (git's rev-list-description.txt).
    const fence =
      'List commits that are reachable.\n\nifdef::git-rev-list[]\n-----------------------------------------------------------------------\n$ git rev-list foo bar ^baz\n'
    const other = await extractBytes(
      new TextEncoder().encode(fence),
      '/x/rev-list-description.txt',
      limits,
    )
    expect(other.title).not.toBe('ifdef::git-rev-list[]')
  })

  it('marks set apart round a guessed title are dropped, not the words (translation-array-fr README)', async () => {
    const text =
      '*****************\n*               *\n* * * About the french translations of LaTeX documentations * * *\n*****************\n\nText.\n'
    const doc = await extractBytes(
      new TextEncoder().encode(text),
      '/x/0123456789abcdef0123.txt',
      limits,
    )
    expect(doc.title).toBe('About the french translations of LaTeX documentations')
  })

  it('a person who types "Introduction" as the title keeps it', () => {
    const doc = blankDocument('txt', '/x/a.txt')
    doc.text = 'Introduction\n\nSome words here.'
    doc.title = 'Introduction'
    doc.provenance.title = { origin: 'user', confidence: 1 }
    finishMetadata(doc, 'a', NOW)
    expect(doc.title).toBe('Introduction')
  })

  it('a file name written as a slug reads as words; a name with one dash and a date keep theirs', () => {
    expect(readableFileName('howto-pull-request')).toBe('howto pull request')
    expect(readableFileName('classicthesis-book-xelatex')).toBe('classicthesis book xelatex')
    // One dash may join a name; dashes between digits are a date.
    expect(readableFileName('n-api')).toBe('n-api')
    expect(readableFileName('httplib2-README')).toBe('httplib2-README')
    expect(readableFileName('report-2024-03-01')).toBe('report-2024-03-01')
  })
})

describe('the printed spelling of an ASCII Info value', () => {
  it('encdoc-e.pdf: Info Author "Petr Olsak", page 1 prints "Petr Olšák"', async () => {
    const doc = await extract('texlive/encdoc-e.pdf')
    expect(doc.authors).toEqual(['Petr Olšák'])
    expect(doc.provenance.authors?.detail).toMatch(/spelled as printed/)
  })

  it('takes only the same words in the same order, never another name', () => {
    expect(printedSpelling('Petr Olsak', 'by Petr Olšák, Prague')).toBe('Petr Olšák')
    expect(printedSpelling('PETR OLSAK', 'Petr Olšák', { caseToo: true })).toBe('Petr Olšák')
    expect(printedSpelling('Lukasz Nowak', 'Łukasz Nowak')).toBe('Łukasz Nowak')
    expect(printedSpelling('Petr Olsak', 'Petra Olšáková')).toBeNull()
    expect(printedSpelling('Jan Novak', 'Jan Nováček')).toBeNull()
    expect(printedSpelling('Petr Olsak', 'Petr, Olšák')).toBeNull() // not one name on the page
    expect(printedSpelling('John Smith', 'JOHN SMITH', { caseToo: true })).toBeNull()
    expect(printedSpelling('Petr Olsak', 'Petr Olsak wrote this')).toBeNull() // printed as Info says
    // A value typed with accents of its own is left as typed.
    expect(printedSpelling('Petr Olšak', 'Petr Olšák')).toBeNull()
    // Titles: accents only, not case.
    expect(printedSpelling('Uber die Sprache', 'Über die Sprache')).toBe('Über die Sprache')
    expect(printedSpelling('encTeX', 'EncTeX')).toBeNull()
  })
})

/** A page 1: a title in large type, a byline, then prose in the body size. */
function page(title: string, byline: string): { fragments: PageFragment[]; text: string } {
  const body = Array.from(
    { length: 8 },
    (_, i) => `Line ${i} of the body text of this page goes on.`,
  )
  const fragments: PageFragment[] = [
    { text: title, x: 100, right: 500, y: 700, size: 17 },
    { text: byline, x: 200, right: 300, y: 670, size: 12 },
    ...body.map((text, i) => ({ text, x: 72, right: 520, y: 600 - 12 * i, size: 10 })),
  ]
  return { fragments, text: [title, byline, ...body].join('\n\n') }
}

describe('PDF Info against the printed page', () => {
  it('Info typed with accents of its own must match as printed: a misspelt Info title loses to the page (cnbwp-manual-cs.pdf)', () => {
    const printedTitle = 'Návod k použití třídy cnbwp pro psaní Working Papers ČNB'
    const p = page(printedTitle, 'Zdeněk Wagner')
    const doc = blankDocument('pdf', '/x/cnbwp-manual-cs.pdf')
    applyPdfMetadata(
      doc,
      { title: 'Návod k použití třidy cnbwp', author: null, creationDate: null, xmpDate: null },
      p.fragments,
      p.text,
    )
    expect(doc.title).toBe(printedTitle)
  })

  it('ASCII Info names the printed people: cited as printed, each of them (csbulletin.pdf)', () => {
    const p = page('Styl pro Zpravodaj', 'Zdeněk Wagner and Vít Novotný')
    const doc = blankDocument('pdf', '/x/csbulletin.pdf')
    applyPdfMetadata(
      doc,
      { title: null, author: 'Zdenek Wagner, Vit Novotny', creationDate: null, xmpDate: null },
      p.fragments,
      p.text,
    )
    expect(doc.authors).toEqual(['Zdeněk Wagner', 'Vít Novotný'])
  })
})

describe('a byline cut inside its brackets (trial9)', () => {
  it('the zh-tw Debian Reference PDF: "WRITTEN BY Osamu Aoki (青木" over "修)" names Osamu Aoki, not half a bracket', () => {
    // The PDF's first pages as extracted (debian-reference-zh-tw 2.100): DocBook's COLLABORATORS table wraps the cell.
    const text = [
      'Debian 參考手冊',
      '',
      '版權 © 2013-2021 青木修',
      '',
      'COLLABORATORS',
      '',
      'TITLE :',
      '',
      'Debian 參考手冊',
      '',
      'ACTION NAME DATE SIGNATURE',
      '',
      'WRITTEN BY Osamu Aoki (青木',
      '',
      '修)',
      '',
      'February 4, 2023',
    ].join('\n')
    expect(headMetadata(text).authors?.value).toEqual(['Osamu Aoki'])
  })

  it('a byline whose brackets close on its own line keeps them', () => {
    expect(headMetadata('A Title\n\nAuthor: Jane Doe (ed.)\n\nText.').authors?.value).toEqual([
      'Jane Doe',
    ])
  })
})

describe('a printed date with a stray mark beside it', () => {
  it('amsfndoc.pdf: page 1 prints "January 2002¡" (a "<" typed in an OT1 font)', async () => {
    const doc = await extract('texlive/amsfndoc.pdf')
    expect(doc.publishedAt).toBe('2002-01')
    expect(doc.provenance.publishedAt?.detail).toBe('first page, a date line at the top')
  })

  it('a date alone but for marks is a date line; a date in words or numbers is not', () => {
    expect(dateAlone('January 2002¡')).toBe('2002-01')
    expect(dateAlone('¡January 2002')).toBe('2002-01')
    expect(dateAlone('* 12 March 2021 †')).toBe('2021-03-12')
    expect(dateAlone('(2003-02-01)')).toBe('2003-02-01')
    expect(dateAlone('January 2002¡ Standard distributions of TeX')).toBeNull()
    expect(dateAlone('In January 2002 we moved')).toBeNull()
    expect(dateAlone('January 2002 2')).toBeNull()
    expect(dateAlone('2002')).toBeNull()
    expect(dateAlone('© 2002')).toBeNull()
  })

  it('the same in plain text: "¡January 2002" under a title', () => {
    expect(headMetadata('A Manual\n\n¡January 2002\n\nText here.').date?.value).toBe('2002-01')
    expect(headMetadata('A Manual\n\nWe met in January 2002¡\n\nText here.').date).toBeNull()
  })
})
