import { describe, expect, it } from 'vitest'
import { HOSTILE_HTML } from '../../../scripts/gen-hostile-fixtures'
import { parseHtmlDocument } from '../../../src/main/importers/dom'
import { extractHtml, stripSiteSuffix } from '../../../src/main/importers/extractors/html'
import {
  declaredCharset,
  htmlMetadata,
  splitByline,
} from '../../../src/main/importers/html-metadata'
import { htmlToText } from '../../../src/main/importers/html-to-text'
import { flattenHtml, nestingDepth } from '../../../src/main/importers/nesting'
import { sanitizeHtml } from '../../../src/main/importers/sanitize'

const limits = { maxFileBytes: 1e8, maxZipBytes: 1e8, maxZipEntries: 1000 }
const extract = (html: string, path = 'page.html') =>
  extractHtml({ bytes: Buffer.from(html, 'utf8'), path, limits })

/** Anything in sanitized HTML that could run script or load a remote resource. */
const DANGEROUS = [
  /<script/i,
  /\son\w+=/i,
  /javascript:/i,
  /<iframe/i,
  /<meta/i,
  /<base/i,
  /<link/i,
  /<style/i,
  /style=/i,
  /srcset/i,
  /<svg/i,
  /<math/i,
  /<object/i,
  /<embed/i,
  /<form/i,
  /formaction/i,
  /poster=/i,
  /url\(/i,
  /\ssrc="?https?:/i,
  /data:text\/html/i,
]

describe('sanitizeHtml', () => {
  it('keeps the table spans, list numbering and direction that lay the page out (values no URL rule applies to)', async () => {
    // DocBook's note: the icon cell spans two rows; without rowspan the note's text slid under the icon.
    const clean = await sanitizeHtml(
      '<table summary="Note"><tr><td rowspan="2"><img alt="[注意]" src="images/note.png"></td><th>注意</th></tr>' +
        '<tr><td colspan="1" headers="h1">text</td></tr></table><ol start="5" reversed><li>five</li></ol>' +
        '<p dir="rtl" lang="ar">نص</p><time datetime="2023-02-04">4 Feb</time><a href="javascript:alert(1)" dir="ltr">x</a>',
    )
    expect(clean).toContain('<td rowspan="2">')
    expect(clean).toContain('<td colspan="1" headers="h1">')
    expect(clean).toContain('<ol start="5" reversed="">')
    expect(clean).toContain('<p dir="rtl" lang="ar">')
    expect(clean).toContain('<time datetime="2023-02-04">')
    expect(clean).not.toContain('javascript:')
  })

  it('leaves nothing that runs or loads, keeps the prose', async () => {
    const clean = await sanitizeHtml(HOSTILE_HTML)
    for (const pattern of DANGEROUS) expect(clean, String(pattern)).not.toMatch(pattern)
    expect(clean).toContain('This paragraph about inert content must survive sanitizing intact.')
    expect(clean).toContain('data-blocked-src="https://evil.example/track.gif"')
  })

  it('keeps http(s) and mailto links (made noopener), keeps app-doc media, drops relative media', async () => {
    const clean = await sanitizeHtml(
      '<a href="https://example.org" target="_blank">x</a><a href="mailto:a@b.c">m</a><img src="app-doc:7/cover.png" alt="cover"><img src="/local.png">',
    )
    expect(clean).toContain('<a href="https://example.org" rel="noopener noreferrer">x</a>')
    expect(clean).toContain('href="mailto:a@b.c"')
    expect(clean).toContain('src="app-doc:7/cover.png"')
    expect(clean).not.toContain('/local.png') // relative URLs match no allowed scheme: removed outright
    expect(clean).not.toContain('target=')
  })
})

describe('htmlToText', () => {
  it('leaves ruby readings and their fallback brackets out of the text', () => {
    const { text } = htmlToText(
      '<p>一人の<ruby>下人<rp>（</rp><rt>げにん</rt><rp>）</rp></ruby>が、<ruby>羅生門<rt>らしょうもん</rt></ruby>の下で<ruby><rb>漢</rb><rt>かん</rt><rb>字</rb><rt>じ</rt></ruby></p>',
    )
    expect(text).toBe('一人の下人が、羅生門の下で漢字')
  })

  it('separates blocks by blank lines and list items by newlines, collapses spaces, keeps <pre>', () => {
    const { text, headings, ids } = htmlToText(
      '<h1 id="t">Title &amp; more</h1><p>Hello   <b>world</b>,\n this is it.</p><ul><li>one</li><li>two</li></ul><pre>a  b\n  c</pre><p>end<br>line</p>',
    )
    expect(text).toBe(
      'Title & more\n\nHello world, this is it.\n\none\ntwo\n\na  b\n  c\n\nend\nline',
    )
    expect(headings).toEqual([{ level: 1, title: 'Title & more', offset: 0 }])
    expect(ids.get('t')).toBe(0)
  })

  it('drops script, style and template contents', () => {
    expect(
      htmlToText(
        '<p>a</p><script>var x = 1</script><style>p{}</style><template><p>t</p></template><p>b</p>',
      ).text,
    ).toBe('a\n\nb')
  })
})

describe('deep nesting', () => {
  it('measures depth linearly and stops at the limit', () => {
    const deep = `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`
    const started = performance.now()
    expect(nestingDepth(deep, 500)).toBe(501)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(nestingDepth('<div><p>a<p>b<p>c</div>', 500)).toBe(1) // unclosed <p> is not depth
  })

  it('imports a page of 100,000 nested divs as flat paragraphs, with a warning, without a stack overflow', async () => {
    const html = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(100_000)}<p>Bottom text.</p>${'</div>'.repeat(100_000)}</body></html>`
    const doc = await extract(html)
    expect(doc.text).toContain('Bottom text.')
    expect(doc.title).toBe('Deep')
    expect(doc.warnings.join(' ')).toMatch(/nested more than 500 levels/)
    expect(flattenHtml('<div><p>a</p><script>x</script><p>b</p></div>')).toBe(
      '<br><br>a<br><br>b<br><br>',
    )
  })
})

describe('html metadata', () => {
  it('reads citation_*, Dublin Core, OpenGraph, JSON-LD, canonical and language', () => {
    const doc = parseHtmlDocument(`<!DOCTYPE html><html lang="en_GB"><head>
      <meta name="citation_title" content="On the Origin of Tests">
      <meta name="citation_author" content="Ada Lovelace"><meta name="citation_author" content="Charles Babbage">
      <meta name="citation_publication_date" content="2019/03/07">
      <meta name="citation_journal_title" content="Journal of Examples">
      <meta name="citation_doi" content="10.1234/example.5678">
      <meta property="og:site_name" content="Example Press">
      <link rel="canonical" href="https://example.org/articles/origin">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"ScholarlyArticle","headline":"ignored, citation_title wins"}]}</script>
      </head><body></body></html>`)
    expect(htmlMetadata(doc)).toMatchObject({
      title: 'On the Origin of Tests',
      authors: ['Ada Lovelace', 'Charles Babbage'],
      publishedAt: '2019-03-07',
      containerTitle: 'Journal of Examples',
      doi: '10.1234/example.5678',
      siteName: 'Example Press',
      url: 'https://example.org/articles/origin',
      language: 'en-GB',
      citationType: 'article-journal',
    })
  })

  it('takes the language declared on the element holding most of the text when <html> declares none', () => {
    // DocBook's HTML (the Debian Handbook): `lang` only on the chapter's div, and command listings in English.
    const chapter = `<div xml:lang="ja-JP" class="appendix" lang="ja-JP"><h1>付録 A 派生ディストリビューション</h1>
      <p>多くの Linux ディストリビューションは Debian の派生物です。</p><pre>apt install ubuntu-keyring debian-archive-keyring</pre></div>`
    const page = (body: string) =>
      parseHtmlDocument(
        `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>${body}</body></html>`,
      )
    expect(
      htmlMetadata(page(`<div class="navheader">Debian 管理者ハンドブック</div>${chapter}`))
        .language,
    ).toBe('ja-JP')
    // The deepest element holding most of the text wins over a wrapper in another language.
    expect(htmlMetadata(page(`<div lang="en">${chapter}</div>`)).language).toBe('ja-JP')
    // A quotation in another language is not the page's language.
    expect(
      htmlMetadata(
        page(`<p>${'A page in English about railways. '.repeat(4)}</p><q lang="zh">铁路</q>`),
      ).language,
    ).toBeNull()
    // <html lang> still wins.
    expect(
      htmlMetadata(parseHtmlDocument(`<html lang="fr"><body>${chapter}</body></html>`)).language,
    ).toBe('fr')
  })

  it('falls back to JSON-LD NewsArticle and <time>', () => {
    const doc =
      parseHtmlDocument(`<html><head><script type="application/ld+json">[{"@type":"NewsArticle","headline":"Rail deal signed","author":[{"@type":"Person","name":"Jane Doe"}],"publisher":{"@type":"Organization","name":"Daily Example"}}]</script></head>
      <body><time datetime="2025-04-24T09:00:00Z">Thursday</time></body></html>`)
    expect(htmlMetadata(doc)).toMatchObject({
      title: 'Rail deal signed',
      authors: ['Jane Doe'],
      publishedAt: '2025-04-24',
      siteName: 'Daily Example',
      citationType: 'article-newspaper',
    })
  })

  it('splits bylines and reads declared charsets', () => {
    expect(splitByline('By Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe'])
    expect(splitByline('by the editorial board of a long newspaper name here today')).toEqual([
      'the editorial board of a long newspaper name here today',
    ])
    expect(
      declaredCharset(
        Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
      ),
    ).toBe('windows-1252')
    expect(declaredCharset(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><html>'))).toBe(
      'ISO-8859-1',
    )
  })

  it('honours a declared legacy charset', async () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from('</title></head><body><article><p>Le caf'),
      Buffer.from([0xe9]),
      Buffer.from(
        ' co\u00fbte cher, disait-on \u00e0 Paris, et tout le monde le savait bien.</p></article></body></html>',
        'latin1',
      ),
    ])
    const doc = await extractHtml({ bytes: html, path: 'cafe.html', limits })
    expect(doc.title).toBe('Café')
    expect(doc.text).toContain('Le café coûte cher')
  })
})

describe('extractHtml', () => {
  it('ignores a hostile <base href>, so in-page anchors stay in the page', async () => {
    const prose =
      'Plain prose about anchors that Readability should keep as the article body. '.repeat(8)
    const page = `<html><head><base href="https://evil.example/"><title>Anchors</title></head><body><article>
      <h1>Anchors</h1><p>${prose}</p><p><a href="#section">Jump to the section</a></p>
      <h2 id="section">Section</h2><p>${prose}</p></article></body></html>`
    const doc = await extract(page)
    expect(doc.html).toContain('href="#section"')
    expect(doc.html).not.toContain('evil.example')
  })
})

describe('titles as the page prints them', () => {
  const body = `<body><article><h2>1 What is libffi?</h2>${'<p>Compilers for high level languages generate code that follow certain conventions.</p>'.repeat(6)}</article></body>`
  it('keeps a <title> whole when its colon sits inside brackets (a real Texinfo page, not a "Site: Title" pair)', async () => {
    // Debian's libffi8 manual, Introduction.html: Readability's colon rule cut this to
    // "the portable foreign function interface library)", a title the page never shows.
    const doc = await extract(
      `<html><head><title>Introduction (libffi: the portable foreign function interface library)</title></head>${body}</html>`,
    )
    expect(doc.title).toBe('Introduction (libffi: the portable foreign function interface library)')
  })
  it('keeps the head of a man page\'s <title> (pod2html: "tlmgr - the native TeX Live Manager")', async () => {
    const doc = await extract(
      `<html><head><title>tlmgr - the native TeX Live Manager</title></head>${body}</html>`,
    )
    expect(doc.title).toBe('tlmgr - the native TeX Live Manager')
  })
  it('still cuts a trailing site name Readability recognises', async () => {
    const doc = await extract(
      `<html><head><title>Kenya and China sign rail deal | Daily Example</title></head>${body}</html>`,
    )
    expect(doc.title).toBe('Kenya and China sign rail deal')
  })
  it('cuts a known site name off a <title> without rewriting the separators left inside it', () => {
    expect(stripSiteSuffix('Railway | Kenya — China talks | Example News', 'Example News')).toBe(
      'Railway | Kenya — China talks',
    )
    expect(stripSiteSuffix('Example News · Railway | Kenya — China talks', 'Example News')).toBe(
      'Railway | Kenya — China talks',
    )
    expect(stripSiteSuffix('Railway | Kenya', null)).toBe('Railway | Kenya')
  })
})

describe('documentation permalinks', () => {
  it('drops Sphinx "¶" heading marks from the text and display HTML of a real Python HOWTO, keeping the headings', async () => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const bytes = readFileSync(
      join(__dirname, '..', '..', 'fixtures', 'documents', 'python', 'sorting-howto.html'),
    )
    const source = bytes.toString('utf8')
    expect(source).toContain('title="Permalink to this heading">¶</a>')
    const doc = await extractHtml({ bytes, path: 'sorting.html', limits })
    expect(doc.text).toContain('Sorting Basics')
    expect(doc.text).toContain('Key Functions')
    expect(doc.text).not.toContain('¶')
    expect(doc.html).not.toContain('¶')
  })
  it('drops any same-page mark link in a heading (Node.js API docs: a.mark "#"), never a link with words', async () => {
    const html = `<html><head><title>Query string | Node.js v20.20.2 Documentation</title></head><body>
      <h2>Query string<span><a class="mark" href="#query-string" id="query-string">#</a></span></h2>
      <p>The querystring module provides utilities for parsing URL query strings.</p>
      <h3><code>querystring.decode()</code><span><a class="mark" href="#querystringdecode">#</a></span></h3>
      <p>An alias of <code>querystring.parse()</code>.</p>
      <h3>See <a href="#encode">encode</a></h3>
      <p><a href="#tags">#</a> tags outside headings stay as printed.</p>
    </body></html>`
    const doc = await extractHtml({
      bytes: new TextEncoder().encode(html),
      path: 'qs.html',
      limits,
    })
    expect(doc.text).not.toMatch(/Query string\s*#/)
    expect(doc.text).toContain('querystring.decode()')
    expect(doc.text).not.toMatch(/decode\(\)\s*#/)
    expect(doc.text).toContain('See encode')
    expect(doc.text).toMatch(/#\s*tags outside headings/)
    // Only the paragraph's own "#" link is left in the display HTML.
    expect(doc.html?.match(/>#</g)).toHaveLength(1)
  })
})

describe("a page's own title and heading, not the site's", () => {
  const fixture = async (file: string) => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const bytes = readFileSync(join(__dirname, '..', '..', 'fixtures', 'documents', file))
    return { source: bytes.toString('utf8'), doc: await extractHtml({ bytes, path: file, limits }) }
  }
  const prose =
    '<p>Compilers for high level languages generate code that follow certain conventions.</p>'.repeat(
      6,
    )

  it('titles a Node.js API page by its own heading, not the site-wide <h1> in the banner', async () => {
    const { source, doc } = await fixture('nodejs/querystring.html')
    expect(source).toContain('<title>Query string | Node.js v18.20.4 Documentation</title>')
    expect(source).toContain('<h1>Node.js v18.20.4 documentation</h1>')
    expect(doc.title).toBe('Query string')
    expect(doc.provenance.title?.detail).toBe('<title> matching the heading')
    expect(doc.source).toBe('Node.js v18.20.4 documentation')
  })

  it("keeps the page's own first heading in the text, as a heading (Readability drops what repeats the title)", async () => {
    const { doc } = await fixture('nodejs/querystring.html')
    expect(doc.text).toMatch(
      /^Query string\n\nStability: 2 - Stable\n\nThe node:querystring module/,
    )
    expect(doc.html).toMatch(/<h2>Query string(<span><\/span>)?<\/h2>/)
    expect(doc.toc?.[0]).toMatchObject({ title: 'Query string', offset: 0 })
    // The site's banner is not the page's text.
    expect(doc.text).not.toContain('Node.js v18.20.4 documentation')
  })

  it("keeps a Node.js v20 page's stability note (Readability dropped it as a link-heavy div)", async () => {
    const { source, doc } = await fixture('nodejs/querystring-v20.html')
    expect(source).toContain(
      '<div class="api_stability api_stability_2"><a href="documentation.html#stability-index">Stability: 2</a> - Stable</div>',
    )
    expect(doc.text).toMatch(
      /^Query string\n\nStability: 2 - Stable\n\nSource Code: lib\/querystring\.js\n\n/,
    )
  })

  it('reads an AsciiDoc manual page whole: its NAME line, synopsis and description, not the options list alone', async () => {
    const { source, doc } = await fixture('debian/git-annotate.html')
    expect(source).toContain('<body class="manpage">')
    // Readability dropped <div id="header"> (NAME) as chrome and picked the OPTIONS list: the text began at "-b".
    expect(doc.text).toMatch(
      /^git-annotate\(1\) Manual Page\n\nNAME\n\ngit-annotate - Annotate file lines with commit information\n\nSYNOPSIS\n/,
    )
    expect(doc.text).toContain('git annotate [<options>] [<rev-opts>] [<rev>] [--] <file>')
    expect(doc.text).toMatch(/DESCRIPTION\n\nAnnotates each line in the given file/)
    expect(doc.text).toContain('Show blank SHA-1 for boundary commits.')
    expect(doc.text).toMatch(/SEE ALSO\n\ngit-blame\(1\)/)
    // The footer ("Last updated …") is the site's, not the page's.
    expect(doc.text).not.toContain('Last updated')
    expect(doc.title).toBe('git-annotate(1)')
    expect(doc.toc?.map((entry) => entry.title).slice(0, 4)).toEqual([
      'git-annotate(1) Manual Page',
      'NAME',
      'SYNOPSIS',
      'DESCRIPTION',
    ])
  })

  it('keeps the section heading printed right above the subsection Readability starts at (DocBook, zh-cn)', async () => {
    const { doc } = await fixture('debian/debian-reference-ch01-notes.zh-cn.html')
    // Readability picked section 1.1.1 and left out its sibling title page, "1.1. 控制台基础" (levels went 1 → 3).
    // The chapter heading as printed (no-break spaces), its opening paragraphs, then 1.1 and 1.1.1.
    expect(doc.text).toMatch(/^第\s1\s章\sGNU\/Linux 教程\n\n我认为学习一个计算机系统/)
    expect(doc.text).toMatch(/\n\n1\.1\.\s控制台基础\n\n1\.1\.1\.\sshell 提示符\n/)
    expect(doc.html?.match(/<h[1-6]/g)?.slice(0, 3)).toEqual(['<h1', '<h2', '<h3'])
    expect(doc.text.match(/控制台基础/g)).toHaveLength(1)
  })

  it("puts back a DocBook chapter heading Readability scored as empty (Debian New Maintainers' Guide)", async () => {
    const { doc } = await fixture('debian/maint-guide-first.en.html')
    expect(doc.title).toBe('Chapter 2. First steps')
    expect(doc.text).toMatch(/^Chapter\s2\.\sFirst steps\n\n/)
    expect(doc.text.match(/Chapter\s2\.\sFirst steps/g)).toHaveLength(1)
  })

  it('keeps every DocBook section heading Readability dropped with its `<div class="titlepage">`, and the outline', async () => {
    const { source, doc } = await fixture('debian/maint-guide-first.en.html')
    expect(source).toContain('<div class="titlepage">')
    const sections = [
      '2.1. Debian package building workflow',
      '2.2. Choose your program',
      '2.6. Package name and version',
      '2.8. Initial non-native Debian package',
    ]
    // DocBook prints a no-break space after the number ("2.1.&#160;Debian"); the text keeps it.
    const nbsp = (s: string) => s.replace(/\u00a0/g, ' ')
    for (const heading of sections) {
      expect(nbsp(doc.text)).toContain(`\n\n${heading}\n\n`)
      expect(doc.toc?.map((t) => nbsp(t.title))).toContain(heading)
    }
    expect(doc.text).toContain(
      "Let's start by creating a package of your own (or, even better, adopting an existing one).",
    )
  })

  it('cuts the site off a Sphinx <title> whose heading holds the separator itself (Python docs)', async () => {
    const { doc } = await fixture('python/hmac.html')
    expect(doc.title).toBe('hmac — Keyed-Hashing for Message Authentication')
    expect(doc.text).toMatch(
      /^hmac — Keyed-Hashing for Message Authentication\n\nSource code: Lib\/hmac\.py/,
    )
  })

  it("keeps a page's own <h1> in a page-level <header> as its title", async () => {
    const doc = await extract(
      `<html><head><title>Notes on railway gauges | Example Blog</title></head><body><header><h1>Notes on railway gauges</h1></header><main>${prose}</main></body></html>`,
    )
    expect(doc.title).toBe('Notes on railway gauges')
    expect(doc.text).toMatch(/^Notes on railway gauges\n\nCompilers/)
  })

  it("keeps an article's <h1> in its own header (WordPress .entry-header) as title and text", async () => {
    const doc = await extract(
      `<html><head><title>Notes on railway gauges – Example Blog</title></head><body><header class="site-header"><p>Example Blog</p></header><article><header class="entry-header"><h1>Notes on railway gauges</h1></header><div class="entry-content">${prose}</div></article></body></html>`,
    )
    expect(doc.title).toBe('Notes on railway gauges')
    expect(doc.text).toMatch(/^Notes on railway gauges\n\nCompilers/)
  })

  it('takes a "Page | Site" page\'s <h1> below the site\'s name (not in a banner) as its title', async () => {
    const doc = await extract(
      `<html><head><title>Railway deal signed | Daily Example</title></head><body><div class="top"><h1>Daily Example</h1></div><div class="story"><h2>Railway deal signed</h2>${prose}</div></body></html>`,
    )
    expect(doc.title).toBe('Railway deal signed')
    expect(doc.source).toBe('Daily Example')
  })

  it('keeps the <h1> as the title of a "Site | Page" page whose site name is an <h2> above it', async () => {
    const doc = await extract(
      `<html><head><title>Daily Example | Railway deal signed</title></head><body><div class="top"><h2>Daily Example</h2></div><div class="story"><h1>Railway deal signed</h1>${prose}</div></body></html>`,
    )
    expect(doc.title).toBe('Railway deal signed')
    expect(doc.text).toMatch(/^Railway deal signed\n\nCompilers/)
  })

  it("does not take a site's <h1> named by og:site_name for the title, nor put it in the text", async () => {
    const doc = await extract(
      `<html><head><title>Railway deal signed | Daily Example</title><meta property="og:site_name" content="Daily Example"></head><body><div class="top"><h1>Daily Example</h1></div><div class="story"><h2>Railway deal signed</h2>${prose}</div></body></html>`,
    )
    expect(doc.title).toBe('Railway deal signed')
    expect(doc.text).toMatch(/^Railway deal signed\n\nCompilers/)
    expect(doc.text).not.toContain('Daily Example')
  })
})

describe('DocBook pages read whole, less their navigation (trial9)', () => {
  const fixture = async (file: string) => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const bytes = readFileSync(join(__dirname, '..', '..', 'fixtures', 'documents', file))
    return extractHtml({ bytes, path: file, limits })
  }

  it('keeps a section whose text is mostly one link (Debian FAQ, Japanese: "1.4. Debian は GNU/Linux だけ?")', async () => {
    const doc = await fixture('debian/debian-faq-basic-defs.ja.html')
    // Readability removed this <div class="section"> as link-heavy: the heading and its four paragraphs.
    expect(doc.text).toMatch(/\n1\.4\.\sDebian は GNU\/Linux だけ\?\n/)
    expect(doc.text).toContain('Hurd は GNU Mach マイクロカーネル上で動作するサーバ群です。')
    expect(doc.text).toContain('1.5.')
    expect(doc.title).toBe('第1章 定義と概要')
    // The navigation above and below the chapter and its table of contents stay out.
    expect(doc.text).not.toMatch(/^目次$/m)
    expect(doc.text.match(/1\.4\.\sDebian は GNU\/Linux だけ\?/g)).toHaveLength(1)
  })

  it("keeps the FAQ's feedback and availability sections (Korean) and a chapter's footnotes (maint-guide)", async () => {
    const faq = await fixture('debian/debian-faq-faqinfo.ko.html')
    expect(faq.text).toMatch(/\n16\.2\.\s피드백\n/)
    expect(faq.text).toContain('이 문서 최신 버전은 https://www.debian.org/doc/FAQ/.')
    const guide = await fixture('debian/maint-guide-first.en.html')
    expect(guide.text).toContain('[13] You can automate this by using dh-autoreconf package.')
    // The notice under the chapter heading that the guide has been replaced.
    expect(guide.text).toMatch(
      /^Chapter\s2\.\sFirst steps\n\nThe rewrite of this tutorial document/,
    )
    // The navigation footer's previous and next chapters are the book's, not this chapter's text.
    expect(guide.text).not.toContain('Getting started The Right Way')
    expect(guide.text).not.toMatch(/Chapter\s3\.\sModifying the source/)
  })
})

describe('pages a new-user trial found losing text', () => {
  // As TeX Live's readmes print them (texlive-base /usr/share/doc/texlive-base/readme-html.dir).
  const russian =
    'Дистрибутив TeX Live предлагает полную систему TeX для ряда платформ, включая варианты GNU, UNIX, MacOSX, Windows. В него входят программы для редактирования, вёрстки, просмотра и печати документов в формате TeX на множестве языков, а также большая коллекция макросов и шрифтов.'
  const chinese =
    'TeX Live 软件发行版为 Unix, Macintosh, Windows 和其他多种平台提供了一套完整的 TeX 系统。它包含了编辑、排版、预览和打印各种语言下 TeX 文档的各类程序，以及 TeX 宏与字体库的庞大集合。这个发行版还包含了大量 TeX 相关的文档，有面向整个系统的，也有针对具体某个软件包的。'

  it('a page saved as a fragment (no <html>, no <body>) imports its text', async () => {
    const doc = await extract(
      `<h1 id="welcome">TeX Live へようこそ</h1>\n<p>TeX Live ディストリビューションは，GNU 系やその他 UNIX, macOS, Windows 等のプラットフォームを対象に，完全な TeX システムを提供するものです．これには，多くの言語の TeX 文書を編集，組版，プレビュー，印刷するためのプログラムと，たくさんの TeX マクロとフォントライブラリのコレクションとが含まれています．</p>\n<p>このディストリビューションには，TeX 全般について解説する文書とともに，同梱する各ソフトウェアやパッケージのドキュメントも含まれています．</p>`,
      'readme.ja.html',
    )
    expect(doc.text).toContain('完全な TeX システムを提供するものです')
    expect(doc.title).toBe('TeX Live へようこそ')
  })

  it.each([
    ['Добро пожаловать в систему TeX Live', russian],
    ['欢迎来到 TeX Live', chinese],
  ])(
    'keeps the heading "%s" that only shares "TeX Live" with the <title>',
    async (heading, body) => {
      const doc = await extract(
        `<html><head><title>TeX Live</title></head><body><h2>${heading}</h2><p>${body}</p><p>${body}</p><h3>Установка</h3><p>${body}</p></body></html>`,
      )
      expect(doc.text.startsWith(`${heading}\n\n`)).toBe(true)
    },
  )
})
