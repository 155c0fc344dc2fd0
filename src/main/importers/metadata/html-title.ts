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

const fold = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

type Run = { start: number; end: number; parts: number }

/** Where `<title>` prints the heading: its parts [start, end) of the title's parts between separators, or null. */
function titleRun(pageTitle: string, heading: string): Run | null {
  const want = fold(heading)
  if (!want || !pageTitle) return null
  const parts = pageTitle.split(SEPARATORS).map(fold)
  for (let start = 0; start < parts.length; start++)
    for (let end = start + 1; end <= parts.length; end++)
      if (parts.slice(start, end).join(' ') === want) return { start, end, parts: parts.length }
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
 * Node.js API page's `<h2>`): the first `<h1>` if it is one, else the first such heading. The first `<h1>` is the site's when it is not the page's own and `<title>`
 * prints it after the page's part ("Page | Site"), or the site's known name contains it, or it stands in a banner
 * above the page's own heading. In "Page | Site" with the `<h1>` printing "Site" and a heading below it "Page", that
 * heading is the page's.
 */
export function headingTitle(
  pageTitle: string,
  headings: PageHeading[],
  articleHeadings: HeadingMark[],
  siteName: string | null,
): HeadingTitle {
  const h1 = headings.find((h) => h.level === 1) ?? null
  const siteFold = siteName ? fold(siteName) : null
  const siteLike = (h: PageHeading): boolean => siteFold?.includes(fold(h.text)) === true
  const printed = headings.filter(
    (h) => !h.inBanner && !siteLike(h) && titleFromHeading(pageTitle, h.text),
  )
  const h1Run = h1 ? titleRun(pageTitle, h1.text) : null
  const trailing = h1Run !== null && h1Run.start > 0 && h1Run.end === h1Run.parts
  // Below the <h1>, as a page's heading stands below the site's name.
  const lead = trailing
    ? printed.find((h) => {
        const run =
          h1 && headings.indexOf(h) > headings.indexOf(h1) ? titleRun(pageTitle, h.text) : null
        return run?.start === 0 && run.end === h1Run.start
      })
    : undefined
  const own = lead ?? printed.find((h) => h === h1) ?? printed[0] ?? null
  const siteWide =
    h1 !== null && h1 !== own && (trailing || siteLike(h1) || (h1.inBanner && own !== null))
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
