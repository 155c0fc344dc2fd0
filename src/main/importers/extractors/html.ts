/**
 * HTML pages: the declared charset honoured, metadata from the head (html-metadata.ts), the article body through
 * Mozilla Readability on a linkedom DOM, display HTML sanitized with DOMPurify (sanitize.ts) and plain text derived
 * from that sanitized HTML. Pages nested deeper than MAX_DEPTH skip Readability (its cost grows with depth and a
 * DOM that deep overflows the stack) and are imported as flat paragraphs with a warning.
 */
import { Readability } from '@mozilla/readability'
import { parseDate } from '../dates'
import { decodeText } from '../decode'
import { parseHtmlDocument } from '../dom'
import { ImportError } from '../errors'
import { declaredCharset, htmlMetadata, normaliseLanguage, splitByline } from '../html-metadata'
import { htmlToText } from '../html-to-text'
import { splitAuthors } from '../metadata/authors'
import { markedAuthors, markedDate } from '../metadata/html-byline'
import { headingTitle, pageHeadings } from '../metadata/html-title'
import { type Candidate, candidate, setBest } from '../metadata/provenance'
import { flattenHtml, MAX_DEPTH, nestingDepth } from '../nesting'
import { oneLine } from '../normalise'
import { sanitizeHtml } from '../sanitize'
import { textMetadata } from '../text-metadata'
import type { ExtractedDocument } from '../types'
import { blankDocument, type Extractor, guessCitationType } from './common'

const TITLE_SEPARATORS = /\s+[|–—·•:-]\s+/

/**
 * Documentation generators put a permalink mark in every heading (Sphinx and MkDocs `a.headerlink` "¶", Docusaurus
 * `a.hash-link` "#", Node.js's API docs `a.mark` "#", and many more under other names): page furniture shown on hover,
 * never part of the text. So any link to a place on the same page inside a heading goes, besides the known classes,
 * but only a link whose whole text is such a mark, so no word of the document can go with it.
 */
const PERMALINKS = 'a.headerlink, a.hash-link, :is(h1, h2, h3, h4, h5, h6) a[href^="#"]'

function removePermalinkMarks(document: ReturnType<typeof parseHtmlDocument>): void {
  for (const link of Array.from(document.querySelectorAll(PERMALINKS))) {
    if (/^\s*[¶#§🔗]?\s*$/u.test(link.textContent ?? '')) link.remove()
  }
}

export function stripSiteSuffix(title: string, site: string | null): string {
  if (!site) return title
  const separators = [...title.matchAll(new RegExp(TITLE_SEPARATORS, 'g'))]
  const first = separators[0]
  const last = separators[separators.length - 1]
  if (!first || !last) return title
  const siteName = site.toLowerCase()
  // Cut at the separator itself, so the separators left inside the title stay as printed.
  const tail = title
    .slice(last.index + last[0].length)
    .trim()
    .toLowerCase()
  if (tail && siteName.includes(tail)) return title.slice(0, last.index).trim()
  const head = title.slice(0, first.index).trim().toLowerCase()
  if (head && siteName.includes(head)) return title.slice(first.index + first[0].length).trim()
  return title
}

/**
 * DocBook wraps every heading in `<div class="titlepage"><div><div><h2>`, and Readability's clean-up removes a div
 * whose text sits in no paragraph-like element: every section heading of a DocBook page (Debian Reference, FAQ,
 * New Maintainers' Guide) vanished from the text. A wrapper whose whole content is one heading gives way to it.
 */
function unwrapHeadingBlocks(document: ReturnType<typeof parseHtmlDocument>): void {
  for (const heading of Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    let wrapper = heading
    for (let up = heading.parentElement; up && up.localName === 'div'; up = up.parentElement) {
      if (up.children.length !== 1 || up.textContent?.trim() !== heading.textContent?.trim()) break
      wrapper = up
    }
    if (wrapper !== heading) wrapper.replaceWith(heading)
  }
}

/**
 * An AsciiDoc manual page (`<body class="manpage">`: git's ~190 pages, and any project built with AsciiDoc) is all
 * article: the heading and NAME section in `<div id="header">`, then SYNOPSIS, DESCRIPTION, OPTIONS… in
 * `<div id="content">`. Readability got it wrong both ways: it drops an element whose id says "header" as page
 * chrome (every page lost "git-column - Display data in columns"), and on half the pages it picked the OPTIONS list
 * alone, so the text began at "-b Show blank SHA-1…" with the synopsis and description gone. Such a page is taken
 * whole (header, then content; not the footer), as it prints. Null for any other page.
 */
function manpageArticle(document: ReturnType<typeof parseHtmlDocument>): string | null {
  if (!document.querySelector('body.manpage')) return null
  const content = document.querySelector('#content')
  if (!content?.textContent?.trim()) return null
  const header = document.querySelector('#header')
  return (header && !header.querySelector('#content') ? header.innerHTML : '') + content.innerHTML
}

/** DocBook's navigation: the links above and below a chunked page, and the lists of what the book holds. */
const DOCBOOK_CHROME =
  'div.navheader, div.navfooter, div.toc, div.list-of-tables, div.list-of-figures, div.list-of-examples'

/**
 * A page made by the DocBook XSL stylesheets (Debian Reference, the Debian FAQ, maint-guide, bzip2's manual) is all
 * document but for its navigation, so it is taken whole, less that navigation. Readability's clean-up removed a
 * `<div class="section">` whose text was a fifth link text or more, and with it whole sections: "9.6.10. 固態硬碟最佳化"
 * (one link, one sentence), the FAQ's "1.4. Debian は GNU/Linux だけ?" and "7.15. 我应该如何创建自己的 Debian 软件包？",
 * footnotes ("[3] vim-pathogen 也很流行。"): words the page prints that a reader never saw or found. Null for any other
 * page, and for a DocBook page with nothing left.
 */
function docbookArticle(document: ReturnType<typeof parseHtmlDocument>): string | null {
  const generator = document.querySelector('meta[name="generator"]')?.getAttribute('content') ?? ''
  if (!/^DocBook XSL/i.test(generator.trim())) return null
  const body = document.querySelector('body')
  if (!body) return null
  const copy = body.cloneNode(true)
  for (const chrome of Array.from(copy.querySelectorAll(DOCBOOK_CHROME))) chrome.remove()
  return copy.textContent?.trim() ? copy.innerHTML : null
}

/**
 * Node.js API pages print a stability note under each heading ("Stability: 0 - Deprecated: Use buf.subarray
 * instead."), a `<div class="api_stability">` whose first words are a link. Readability removes a div with that
 * much link text as navigation, so the text lost every note (13 of 13 on the Buffer page): a reader citing the API
 * could not see that a method is deprecated. The note is a paragraph and goes in as one.
 */
function keepStabilityNotes(document: ReturnType<typeof parseHtmlDocument>): void {
  for (const note of Array.from(document.querySelectorAll('div.api_stability'))) {
    const paragraph = document.createElement('p')
    paragraph.innerHTML = note.innerHTML
    note.replaceWith(paragraph)
  }
}

/**
 * DocBook's XHTML marks link targets with empty anchors written `<a id="idm12"/>`. Read as HTML, that tag does not
 * close: the anchor takes in what follows it, up to its parent's end, and Readability scores all that text as link
 * text and removes it. debian-reference's title page lost its legal notice this way, the paragraph that prints the
 * edition and its date ("(第2.100版) (2023-02-04 11:59:01 UTC)"). An anchor without `href` is no link: what it took
 * in goes back after it.
 */
function releaseTargetAnchors(document: ReturnType<typeof parseHtmlDocument>): void {
  for (const anchor of Array.from(
    document.querySelectorAll('a[id]:not([href]), a[name]:not([href])'),
  )) {
    const held = Array.from(anchor.childNodes)
    if (held.length === 0) continue
    const target = document.createElement('a')
    for (const name of ['id', 'name']) {
      const value = anchor.getAttribute(name)
      if (value !== null) target.setAttribute(name, value)
    }
    anchor.replaceWith(target, ...held)
  }
}

/**
 * Readability takes an element whose class says "author" for the article's byline and removes it from the text.
 * On a DocBook title page that element is the printed byline under the title ("Osamu Aoki (青木 修)"): it stays in
 * the text (the authors were read from it before, by markedAuthors).
 */
function keepTitlePageBylines(document: ReturnType<typeof parseHtmlDocument>): void {
  // An author's e-mail link ("<joy-mg@debian.org>" in maint-guide) made the byline mostly link text, which
  // Readability removes as navigation: the address stays as the words it prints.
  for (const link of Array.from(document.querySelectorAll('.titlepage [class*="author"] a[href]')))
    link.replaceWith(...Array.from(link.childNodes))
  for (const el of Array.from(document.querySelectorAll('.titlepage [class*="author"]')))
    el.setAttribute('class', (el.getAttribute('class') ?? '').replace(/author/gi, 'name'))
}

/** What a DocBook title page prints besides its heading: bylines, edition, dates, notices, abstract. */
const FRONT_MATTER =
  '.author, .authorgroup, .corpauthor, .editor, .releaseinfo, .pubdate, .date, .copyright, .legalnotice, .abstract, .revhistory'

/**
 * The title page of a DocBook book or article (`div.titlepage` holding more than its heading), kept whole when
 * Readability leaves it out: bzip2's one-page manual went straight from its title to "1. Introduction", without its
 * author, "Version 1.0.8 of 13 July 2019" and legal notice. `dropped` says whether an article's HTML lost all of
 * the title page's front matter (then the title page goes back at the head, its heading with it).
 */
function docbookTitlePage(
  document: ReturnType<typeof parseHtmlDocument>,
): { html: string; dropped: (article: string) => boolean } | null {
  const page = document.querySelector('div.titlepage')
  if (!page) return null
  const probes = Array.from(page.querySelectorAll(FRONT_MATTER))
    .map((el) => squash(el.textContent ?? '').slice(0, 60))
    .filter((t) => t.length >= 4)
  if (probes.length === 0) return null
  const html = page.outerHTML
  return {
    html,
    dropped: (article) => {
      const text = squash(htmlToText(article).text)
      return !probes.some((p) => text.includes(p))
    },
  }
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()

/** Blocks that carry text, in document order: what lies between two headings. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, pre, li, dt, dd, td, th, blockquote, figcaption'

/**
 * The section headings that lead into the article, put back at its head. Readability keeps the block it scores
 * best and only those siblings that score well; a heading's block scores nothing, so an article that starts at a
 * subsection loses the section heading printed right above it: DocBook's chapter page went from the chapter's
 * title straight to "1.1.1. shell 提示符", without "1.1. 控制台基础" (axe: heading levels 1 → 3). Only headings
 * with no text between them and the article's first heading come back, each of a higher rank than the one after
 * it, and never a level-1 heading (the page's title is put back by the title rule below).
 */
function withLeadingHeadings(source: string, article: string): string {
  // Cheap test first (every imported page passes here): the article opens with a heading below level 1.
  if (!/^\s*(?:<(?!h[1-6][\s>])[a-z][^>]*>\s*)*<h[2-6][\s>]/i.test(article)) return article
  const opening = parseHtmlDocument(article).querySelector(BLOCKS)
  const openingText = squash(opening?.textContent ?? '')
  if (!opening || !/^h[2-6]$/.test(opening.localName) || !openingText) return article
  const blocks = Array.from(parseHtmlDocument(source).querySelectorAll(BLOCKS))
  const at = blocks.findIndex(
    (b) => b.localName === opening.localName && squash(b.textContent ?? '') === openingText,
  )
  if (at <= 0) return article
  const lead: string[] = []
  let rank = Number(opening.localName.slice(1))
  for (let i = at - 1; i >= 0; i--) {
    const block = blocks[i] as (typeof blocks)[number]
    const text = squash(block.textContent ?? '')
    if (!text) continue
    const level = Number(/^h([1-6])$/.exec(block.localName)?.[1] ?? 0)
    if (level < 2 || level >= rank) break
    lead.unshift(`<h${level}>${escapeText(text)}</h${level}>`)
    rank = level
  }
  return lead.join('') + article
}

const PAIRS: Record<string, string> = {
  ')': '(',
  ']': '[',
  '}': '{',
  '”': '“',
  '»': '«',
  '」': '「',
  '）': '（',
}
const OPENERS = new Set(Object.values(PAIRS))

/**
 * Readability shortens a <title> by its separators (": ", " | ", " - "), guessing which part is the site's name.
 * Its cut is a title the page shows only when it keeps the head of the <title> ("Title | Site") and leaves no
 * bracket or quote unmatched. Its other cuts drop words of the title itself: "tlmgr - the native TeX Live Manager"
 * (a pod2html man page) lost "tlmgr", and "Introduction (libffi: the portable … library)" became "the portable …
 * library)". A site name at the head is cut by stripSiteSuffix, which knows the site's name.
 */
export function isWholeCut(cut: string, pageTitle: string): boolean {
  if (pageTitle && !pageTitle.startsWith(cut.trim())) return false
  const open: string[] = []
  for (const ch of cut) {
    if (OPENERS.has(ch)) open.push(ch)
    else if (PAIRS[ch] && open.pop() !== PAIRS[ch]) return false
  }
  return open.length === 0
}

const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Whether the text's first line is this heading (whitespace and case aside). */
function opensWithHeading(text: string, heading: string): boolean {
  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase()
  const start = text.length - text.trimStart().length
  const end = text.indexOf('\n', start)
  return squash(text.slice(start, end < 0 ? undefined : end)) === squash(heading)
}

/**
 * Readability drops the first heading that repeats the page's title, comparing words split on `\W`: every letter
 * outside ASCII is a separator there, so "Добро пожаловать в систему TeX Live" or "欢迎来到 TeX Live" were the words
 * "tex live", "the same" as the title "TeX Live", and the heading vanished from the text (TeX Live's Russian and
 * Chinese readmes, found by a new-user trial). Words are letters and digits of every script; ASCII splits as before.
 */
function unicodeWords(reader: Readability): void {
  const own = reader as unknown as { REGEXPS: Record<string, RegExp> }
  own.REGEXPS = { ...own.REGEXPS, tokenize: /[^\p{L}\p{M}\p{N}_]+/gu }
}

export const extractHtml: Extractor = async ({ bytes, path }) => {
  const doc: ExtractedDocument = blankDocument('html', path)
  doc.citationType = 'webpage'
  const { text: source } = decodeText(bytes, declaredCharset(bytes))
  if (source.trim().length === 0) throw new ImportError('no text: the page is empty')

  const depth = nestingDepth(source, MAX_DEPTH)
  if (depth > MAX_DEPTH) {
    const flat = flattenHtml(source)
    doc.html = await sanitizeHtml(flat)
    doc.text = htmlToText(doc.html).text
    doc.warnings.push(
      `the page is nested more than ${MAX_DEPTH} levels deep; imported as plain paragraphs without its layout`,
    )
    const titleMatch = /<title\b[^>]*>([\s\S]{0,1000}?)<\/title>/i.exec(source)
    const fromTitle = titleMatch?.[1] ? oneLine(htmlToText(titleMatch[1]).text) : ''
    doc.title = fromTitle || (textMetadata(doc.text).title ?? doc.title)
    if (!doc.text.trim()) throw new ImportError('no readable text in the page')
    return doc
  }

  const document = parseHtmlDocument(source)
  removePermalinkMarks(document)
  const headings = pageHeadings(document)
  const meta = htmlMetadata(document)
  const pageTitle = oneLine(document.title ?? '', 500)
  const bodyAuthors = markedAuthors(document)
  const shownDate = markedDate(document)

  // A saved page's <base href> would make Readability resolve every relative link against it (a hostile one turns
  // `#section` into `https://evil.example/#section`); an offline copy has no base, so drop it first.
  for (const base of Array.from(document.querySelectorAll('base'))) base.remove()
  // A whole-tree walk, so only for pages written with self-closing anchors (DocBook's XHTML).
  if (/<a\s[^<>]*\/>/i.test(source)) releaseTargetAnchors(document)
  if (source.includes('titlepage')) keepTitlePageBylines(document)
  unwrapHeadingBlocks(document)
  // A whole-tree walk, so only for pages that hold such a note (every imported HTML file passes here).
  if (source.includes('api_stability')) keepStabilityNotes(document)
  // Pages taken whole (less their navigation) rather than as Readability picks them.
  const whole = manpageArticle(document) ?? docbookArticle(document)
  const titlePage = source.includes('titlepage') ? docbookTitlePage(document) : null
  const reader = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    {
      keepClasses: false,
      charThreshold: 200,
    },
  )
  unicodeWords(reader)
  const article = reader.parse()
  let dirty = whole ?? article?.content ?? ''
  if (!whole && (!article || !(article.textContent ?? '').trim())) {
    // Readability found no article (short pages, lists): keep the whole body rather than nothing.
    dirty = parseHtmlDocument(source).body?.innerHTML ?? source
    doc.warnings.push('no article body recognised; the whole page was kept')
  }
  if (!whole && article) dirty = withLeadingHeadings(source, dirty)
  if (titlePage && !whole && titlePage.dropped(dirty)) dirty = titlePage.html + dirty
  doc.html = await sanitizeHtml(dirty)
  let converted = htmlToText(doc.html)
  if (!converted.text.trim()) throw new ImportError('no readable text in the page')

  const namedSite = meta.siteName ?? (article?.siteName ? oneLine(article.siteName, 200) : null)
  const fromHeadings = headingTitle(pageTitle, headings, converted.headings, namedSite)
  const missing = fromHeadings.missing
  if (missing && !opensWithHeading(converted.text, missing.text)) {
    // Readability drops the page's own heading: the first h1/h2 that repeats the title (a reader view prints the
    // title above the text; turning that off changes which block it picks, and lost whole pages of libxslt's
    // manual), DocBook's `<div class="titlepage">` (scored as empty, its `<a id>` as a link), a Node.js page's
    // `<h2>` beside the block it picked. The text is what the page prints: the heading goes back at its head.
    doc.html = `<h${missing.level}>${escapeText(missing.text)}</h${missing.level}>${doc.html}`
    converted = htmlToText(doc.html)
  }
  doc.text = converted.text
  const site = namedSite ?? fromHeadings.siteHeading
  const withoutSite = pageTitle ? stripSiteSuffix(pageTitle, site) : ''
  const titles: (Candidate<string> | null)[] = [
    meta.title ? candidate(meta.title, 'embedded', 0.9, 'meta title') : null,
    fromHeadings.title
      ? candidate(fromHeadings.title, 'embedded', 0.88, '<title> matching the heading')
      : null,
    // A site name known (from the head, or a site-wide heading) and cut off: surer than Readability's guess.
    withoutSite && withoutSite !== pageTitle
      ? candidate(withoutSite, 'embedded', 0.75, '<title> without the site name')
      : null,
    article?.title && isWholeCut(oneLine(article.title, 500), pageTitle)
      ? candidate(oneLine(article.title, 500), 'embedded', 0.7, 'page title')
      : null,
    withoutSite ? candidate(withoutSite, 'embedded', 0.7, '<title>') : null,
    fromHeadings.firstHeading
      ? candidate(oneLine(fromHeadings.firstHeading, 500), 'text', 0.6, 'first heading')
      : null,
  ]
  setBest(doc, 'title', titles)
  setBest(
    doc,
    'authors',
    [
      meta.authors.length > 0
        ? candidate(
            meta.authors.flatMap((a) => splitAuthors(a)),
            'embedded',
            0.85,
            'meta author',
          )
        : null,
      bodyAuthors.length > 0 ? candidate(bodyAuthors, 'text', 0.8, 'author markup') : null,
      article?.byline
        ? candidate(
            splitByline(article.byline).flatMap((a) => splitAuthors(a)),
            'text',
            0.6,
            'byline',
          )
        : null,
    ],
    (a) => a.length > 0,
  )
  const articleDate = parseDate(article?.publishedTime)
  const textDate = textMetadata(doc.text).publishedAt
  setBest(doc, 'publishedAt', [
    meta.publishedAt ? candidate(meta.publishedAt, 'embedded', 0.85, 'meta date') : null,
    articleDate ? candidate(articleDate, 'embedded', 0.8, 'article date') : null,
    shownDate ? candidate(shownDate.date, 'text', shownDate.confidence, shownDate.detail) : null,
    textDate ? candidate(textDate, 'text', 0.6, 'date line') : null,
  ])
  doc.source = site
  doc.publisher = meta.publisher
  doc.containerTitle = meta.containerTitle
  doc.doi = meta.doi
  doc.url = meta.url
  doc.language = meta.language ?? normaliseLanguage(article?.lang)
  doc.citationType = guessCitationType(doc.title, meta.citationType ?? 'webpage')
  if (converted.headings.length >= 3)
    doc.toc = converted.headings.map((h) => ({ title: h.title, level: h.level, offset: h.offset }))
  return doc
}
