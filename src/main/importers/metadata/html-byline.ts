/**
 * HTML title and authors beyond the head's meta tags: a `<title>` whose one part is the page's heading ("Regular
 * Expression HOWTO — Python 3.11.2 documentation" → the heading), DocBook/AsciiDoc author markup
 * (`.author .firstname/.surname`, `#author`), and `rel=author`/`.byline` elements. Read before Readability changes
 * the DOM.
 */
import type { DomDocument } from '../dom'
import { oneLine } from '../normalise'
import { authorList, cleanName, looksLikeName } from './authors'
import { dateInLine } from './text-head'

const SEPARATORS = /\s+[|–—·•:»-]\s+/

/** The part of `<title>` that is the page's first heading, when the title is "heading | site". */
export function titleFromHeading(pageTitle: string, heading: string): string | null {
  const h = oneLine(heading, 500).replace(/¶$/, '').trim()
  if (!h || !pageTitle) return null
  const fold = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  if (fold(pageTitle) === fold(h)) return h
  const parts = pageTitle.split(SEPARATORS)
  return parts.length > 1 && parts.some((p) => fold(p) === fold(h)) ? h : null
}

/** Authors marked up as such in the body (DocBook, AsciiDoc, bylines). */
export function markedAuthors(document: DomDocument): string[] {
  const names: string[] = []
  for (const el of Array.from(
    document.querySelectorAll('.author, .editor, .corpauthor, #author'),
  )) {
    const first = el.querySelector('.firstname')?.textContent ?? ''
    const last = el.querySelector('.surname')?.textContent ?? ''
    const raw =
      first || last
        ? `${first} ${last}`
        : (el.querySelector('.othername, h3')?.textContent ?? el.textContent ?? '')
    const name = cleanName(raw)
    if (name && looksLikeName(name) && !names.includes(name)) names.push(name)
    if (names.length >= 12) break
  }
  if (names.length > 0) return names
  const byline = Array.from(
    document.querySelectorAll('[rel="author"], .byline, [itemprop="author"]'),
  )
    .map((el) => el.textContent ?? '')
    .slice(0, 6)
  return authorList(byline).filter(looksLikeName)
}

/** A date shown in the page's header markup (DocBook pubdate/releaseinfo, AsciiDoc revdate, `<time>`, datelines). */
export function markedDate(document: DomDocument): { date: string; detail: string } | null {
  const selectors =
    '.pubdate, .releaseinfo, #revdate, .revdate, [itemprop="datePublished"], time[datetime], .dateline, .published, .post-date, .entry-date'
  for (const el of Array.from(document.querySelectorAll(selectors)).slice(0, 20)) {
    const attr = el.getAttribute('datetime') ?? el.getAttribute('content')
    const text = oneLine(el.textContent ?? '', 200)
    const found = (attr ? dateInLine(attr) : null) ?? dateInLine(text)
    if (found) return { date: found.date, detail: `"${text || attr}"` }
  }
  return null
}
