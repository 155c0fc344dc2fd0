/**
 * Which heading is the page's own title. A `<title>` is often "Page | Site", and a documentation site prints its own
 * name as the first `<h1>` of every page, in a banner above the content ("Node.js v20.20.2 documentation" on every
 * Node.js API page, whose own heading "Query string" is an `<h2>` in the content). Such a site-wide heading must not
 * be taken for the page's title: the title is the part of `<title>` that the article's own heading prints.
 */
import type { DomDocument, DomElement } from '../dom'
import type { HeadingMark } from '../html-to-text'
import { oneLine } from '../normalise'

const SEPARATORS = /\s+[|–—·•:»-]\s+/

/** How far into the article's text its own title heading may sit (after a notice or a source link at most). */
const TOP_OF_TEXT = 1500

const fold = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** Where `<title>` prints the heading: parts [start, end) of its parts between separators, or null. */
function titleRun(pageTitle: string, heading: string): { start: number; end: number } | null {
  const want = fold(heading)
  if (!want || !pageTitle) return null
  const parts = pageTitle.split(SEPARATORS).map(fold)
  if (parts.join(' ') === want) return { start: 0, end: parts.length }
  for (let start = 0; start < parts.length; start++)
    for (let end = start + 1; end <= parts.length; end++)
      if (parts.slice(start, end).join(' ') === want) return { start, end }
  return null
}

/**
 * The heading, when `<title>` prints it whole: the whole title, or a run of its parts between separators ("hmac —
 * Keyed-Hashing for Message Authentication — Python 3.11.2 documentation" for the heading "hmac — Keyed-Hashing for
 * Message Authentication").
 */
export function titleFromHeading(pageTitle: string, heading: string): string | null {
  const h = oneLine(heading, 500).replace(/¶$/, '').trim()
  return h && titleRun(pageTitle, h) ? h : null
}

export type PageHeading = { text: string; level: number; inBanner: boolean }

/** How many of the document's first headings may be the page's own title. */
const LOOKED_AT = 20

/**
 * A page-level banner: a `<header>` (or role=banner) that is not an article's or the main content's own header, as
 * WordPress's `<article><header class="entry-header"><h1>` is.
 */
function inBanner(el: DomElement): boolean {
  let banner = false
  for (let at = el.parentElement; at; at = at.parentElement) {
    const tag = at.localName
    const role = at.getAttribute('role')
    if (tag === 'article' || tag === 'main' || role === 'main' || role === 'article') return false
    if (tag === 'header' || role === 'banner') banner = true
  }
  return banner
}

/** The document's first headings (h1–h3, in document order), read before Readability changes the DOM. */
export function pageHeadings(document: DomDocument): PageHeading[] {
  const found: PageHeading[] = []
  for (const el of Array.from(document.querySelectorAll('h1, h2, h3'))) {
    const text = oneLine(el.textContent ?? '', 500)
    if (text) found.push({ text, level: Number(el.localName.slice(1)), inBanner: inBanner(el) })
    if (found.length >= LOOKED_AT) break
  }
  return found
}

export type HeadingTitle = {
  /** The page's own heading, as `<title>` prints it, if any. */
  title: string | null
  /** The first `<h1>` when it is the site's name rather than the page's (not the title, but the site). */
  siteHeading: string | null
  /** The heading to fall back on: the article's first, unless the document's first `<h1>` is the page's. */
  firstHeading: string | null
  /** The page's own heading when the article lost it (to be put back at its head), with its level. */
  missing: { text: string; level: number } | null
}

/**
 * The page's own heading is a heading outside a page banner, not the site's known name, that `<title>` prints (a
 * Node.js API page's `<h2>`), the one at the head of `<title>` first; failing that, the first `<h1>` if `<title>`
 * prints it. The first `<h1>` is the site's when it is not the
 * page's own and `<title>` prints it after the page's part ("Page | Site"), or the site's known name contains it, or
 * it stands in a banner above the page's own heading.
 */
export function headingTitle(
  pageTitle: string,
  headings: PageHeading[],
  articleHeadings: HeadingMark[],
  siteName: string | null,
): HeadingTitle {
  const h1 = headings.find((h) => h.level === 1) ?? null
  const siteFold = siteName ? fold(siteName) : null
  const siteLike = (h: PageHeading): boolean => siteFold !== null && siteFold.includes(fold(h.text))
  // Headings <title> prints, outside banners and not the site's name; the one printed first in <title> wins.
  const printed = headings.filter(
    (h) => !h.inBanner && !siteLike(h) && titleFromHeading(pageTitle, h.text),
  )
  const own = printed.find((h) => titleRun(pageTitle, h.text)?.start === 0) ?? printed[0] ?? null
  const h1Fold = h1 ? fold(h1.text) : ''
  const run = h1 ? titleRun(pageTitle, h1.text) : null
  const siteWide =
    h1 !== null &&
    h1 !== own &&
    ((run !== null && run.start > 0) || siteLike(h1) || (h1.inBanner && own !== null))
  const chosen = own ?? (h1 && !siteWide && titleFromHeading(pageTitle, h1.text) ? h1 : null)
  const title = chosen ? titleFromHeading(pageTitle, chosen.text) : null
  const kept = chosen && articleHeadings.some((h) => fold(h.title) === fold(chosen.text))
  return {
    title,
    siteHeading: siteWide && h1 ? h1.text : null,
    firstHeading: siteWide || !h1 ? (articleHeadings[0]?.title ?? null) : h1.text,
    missing: chosen && title && !kept ? { text: title, level: chosen.level } : null,
  }
}
