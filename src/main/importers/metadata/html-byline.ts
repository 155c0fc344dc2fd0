/**
 * HTML authors and dates beyond the head's meta tags (the title: html-title.ts): DocBook/AsciiDoc author markup
 * (`.author .firstname/.surname`, `#author`), and `rel=author`/`.byline` elements. Read before Readability changes
 * the DOM.
 */
import type { DomDocument } from '../dom'
import { oneLine } from '../normalise'
import { authorList, cleanName, looksLikeName } from './authors'
import { dateInLine } from './text-head'

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

/**
 * A date shown in the page's header markup: DocBook's pubdate (the date the document declares it was published: the
 * surest), then the latest date of a DocBook revision history (the version being read, which APA cites), then
 * releaseinfo, AsciiDoc revdate, `<time>`, datelines.
 */
export function markedDate(
  document: DomDocument,
): { date: string; detail: string; confidence: number } | null {
  const pubdate = document.querySelector('.titlepage .pubdate, .pubdate')
  const published = pubdate ? dateInLine(oneLine(pubdate.textContent ?? '', 200)) : null
  if (published)
    return {
      date: published.date,
      detail: `DocBook pubdate "${oneLine(pubdate?.textContent ?? '', 60)}"`,
      confidence: 0.85,
    }
  const revisions = document.querySelector('.revhistory')
  if (revisions) {
    let latest: string | null = null
    for (const cell of Array.from(revisions.querySelectorAll('td')).slice(0, 200)) {
      const found = dateInLine(oneLine(cell.textContent ?? '', 200))
      if (found && (!latest || found.date > latest)) latest = found.date
    }
    if (latest)
      return { date: latest, detail: 'latest entry of the revision history', confidence: 0.8 }
  }
  const selectors =
    '.releaseinfo, #revdate, .revdate, [itemprop="datePublished"], time[datetime], .dateline, .published, .post-date, .entry-date'
  for (const el of Array.from(document.querySelectorAll(selectors)).slice(0, 20)) {
    const attr = el.getAttribute('datetime') ?? el.getAttribute('content')
    const text = oneLine(el.textContent ?? '', 200)
    const found = (attr ? dateInLine(attr) : null) ?? dateInLine(text)
    if (found) return { date: found.date, detail: `"${text || attr}"`, confidence: 0.75 }
  }
  return null
}
