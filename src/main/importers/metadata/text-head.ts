/**
 * Title, authors and date from the top of a document's text, as a reader finds them: e-mail headers (Subject, From,
 * Date), an RFC's header block, underlined or overlined title blocks (reST, AsciiDoc, Setext), centred title lines,
 * press-release mastheads skipped, "Author:"/"Written by" lines, and dated lines ("Last updated …", "version 2.28
 * (2023-02-15)", "Release 2022-06-01", "ratified on March 26th, 2022", a date alone on its line). Copyright years
 * are never taken for a publication date. Only the first HEAD_CHARS characters are read.
 */
import type { PartialDate } from '@shared/contract'
import { dateAtStart } from '../dates'
import { oneLine } from '../normalise'
import { readsAsTitle } from '../text-metadata'
import { cleanName, looksLikeName, splitAuthors } from './authors'
import { type Candidate, candidate } from './provenance'

const HEAD_CHARS = 12 * 1024
const HEAD_LINES = 80

export type HeadMetadata = {
  title: Candidate<string> | null
  authors: Candidate<string[]> | null
  date: Candidate<PartialDate> | null
  /** Where the body starts (after e-mail headers), for the caller's first-sentence fallback. */
  bodyStart: number
}

const HEADER = /^([A-Za-z][A-Za-z-]{1,30}):[ \t]*(.*)$/
const KNOWN_HEADERS =
  /^(?:from|date|subject|to|cc|bcc|message-id|references|in-reply-to|reply-to|sender|organi[sz]ation|newsgroups|abstract|content-type|content-transfer-encoding|mime-version|x-[\w-]+|user-agent|status|lines|keywords)$/i

/** The e-mail/news header block at the very top, if the text starts with one (≥ 2 headers incl. From/Date/Subject). */
export function emailHeaders(
  lines: string[],
): { headers: Map<string, string>; end: number } | null {
  let i = 0
  while (i < lines.length && !lines[i]?.trim()) i++
  const headers = new Map<string, string>()
  let last: string | null = null
  let k = i
  for (; k < lines.length; k++) {
    const line = lines[k] ?? ''
    if (!line.trim()) break
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`)
      continue
    }
    const m = HEADER.exec(line)
    if (!m || !KNOWN_HEADERS.test(m[1] ?? '')) break
    last = (m[1] ?? '').toLowerCase()
    if (!headers.has(last)) headers.set(last, (m[2] ?? '').trim())
  }
  const core = ['from', 'date', 'subject'].filter((h) => headers.has(h)).length
  if (headers.size < 2 || core < 1) return null
  return { headers, end: k }
}

const MONTH_YEAR =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:\d{1,2},?\s+)?\d{4}$/i

/** An RFC / Internet-Draft first page: two-column header block, then a centred title. */
function rfcHead(lines: string[]): Omit<HeadMetadata, 'bodyStart'> | null {
  let i = 0
  while (i < lines.length && !lines[i]?.trim()) i++
  if (
    !/^\s*(?:Network Working Group|Internet Engineering Task Force|Internet-Draft|INTERNET[- ]DRAFT|Request for Comments|IETF)\b/.test(
      lines[i] ?? '',
    )
  )
    return null
  const authors: string[] = []
  let date: PartialDate | null = null
  let k = i
  for (; k < lines.length && lines[k]?.trim(); k++) {
    const cols = (lines[k] ?? '').trim().split(/\s{2,}/)
    const right = cols.length > 1 ? (cols[cols.length - 1] ?? '') : ''
    if (!right) continue
    if (MONTH_YEAR.test(right)) date = dateAtStart(right)?.date ?? date
    else if (/^(?:\p{Lu}\.\s?)+(?:-\p{Lu}\.\s?)*\s*[\p{Lu}][\p{L}'-]+(?:,\s*Ed\.)?$/u.test(right))
      authors.push(right.replace(/,\s*Ed\.$/, ''))
  }
  while (k < lines.length && !lines[k]?.trim()) k++
  const titleLines: string[] = []
  for (; k < lines.length && lines[k]?.trim() && titleLines.length < 3; k++)
    titleLines.push((lines[k] ?? '').trim())
  const title = titleLines.length > 0 ? oneLine(titleLines.join(' '), 300) : null
  return {
    title: title ? candidate(title, 'text', 0.85, 'RFC title line') : null,
    authors: authors.length > 0 ? candidate(authors, 'text', 0.85, 'RFC header') : null,
    date: date ? candidate(date, 'text', 0.9, 'RFC header date') : null,
  }
}

const RULE = /^\s*([=\-*~^#+_])\1{2,}\s*$/

/** A title set off by an underline (and maybe an overline): reST, AsciiDoc, Setext. Returns the line index. */
function underlinedTitle(lines: string[], from: number, to: number): number | null {
  for (let i = from; i < Math.min(to, lines.length - 1); i++) {
    const text = (lines[i] ?? '').trim()
    const under = lines[i + 1] ?? ''
    if (!text || RULE.test(lines[i] ?? '') || !RULE.test(under)) continue
    if (under.trim().length < text.length * 0.6) continue
    if (!readsAsTitle(text) && !/[?]$/.test(text)) continue
    return i
  }
  return null
}

const BOX_EDGE = /^\s*\+[-=]{3,}\+\s*$/
const BOX_ROW = /^\s*\|(.*)\|\s*$/

/**
 * A title drawn in a box at the top ("| THE BYTEFIELD PACKAGE |" between "+----+" edges in bytefield's README): its
 * first row. Returns the row's text and line index.
 */
function boxedTitle(
  lines: string[],
): { title: string; line: number; author: string | null } | null {
  let i = 0
  while (i < lines.length && !lines[i]?.trim()) i++
  if (!BOX_EDGE.test(lines[i] ?? '')) return null
  for (let k = i + 1; k < Math.min(lines.length, i + 8); k++) {
    const row = BOX_ROW.exec(lines[k] ?? '')
    if (!row) return null
    const text = (row[1] ?? '').trim()
    if (!text) continue
    if (!readsAsTitle(text)) return null
    // "The Euro Symbol Package for LaTeX by Henrik Theiling" (eurosym's README): the title, then its author.
    const by = /^(.{3,}?\S)\s+by\s+(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){1,3})$/u.exec(text)
    const author = by ? nameFromLine(by[2] ?? '') : null
    return author && by
      ? { title: oneLine(by[1] ?? '', 300), line: k, author }
      : { title: oneLine(text, 300), line: k, author: null }
  }
  return null
}

/** A date anywhere in the line (the most precise one), with whether a dating keyword precedes it. */
export function dateInLine(line: string): { date: PartialDate; keyword: boolean } | null {
  // Every date has a four-digit year: most lines have none and cost one regex test.
  if (!/\d{4}/.test(line)) return null
  let found: PartialDate | null = null
  let foundAt = -1
  for (let i = 0; i < line.length; i++) {
    if (i > 0 && /[\p{L}\p{N}]/u.test(line[i - 1] ?? '')) continue
    // The tail of a number is no day: "version 2022.1 January 2022" is January 2022, not 1 January (dvips.pdf).
    if (i > 1 && /[.,]/.test(line[i - 1] ?? '') && /\p{N}/u.test(line[i - 2] ?? '')) continue
    if (!/[\p{L}\p{N}]/u.test(line[i] ?? '')) continue
    const hit = dateAtStart(line.slice(i))
    if (!hit || hit.precision === 'year') continue
    if (!found || hit.date.length > found.length) {
      found = hit.date
      foundAt = i
    }
    i += hit.length - 1
  }
  if (!found) return null
  const before = line.slice(0, foundAt)
  const keyword =
    /\b(?:last\s+)?(?:updated|revised|modified|released?|published|dated?|version|ratified|issued|posted|from|v\d[\w.]*|as of)\b.{0,40}$/i.test(
      before,
    ) || /^\s*[([]?\s*$/.test(before)
  return { date: found, keyword }
}

const COPYRIGHT = /(?:copyright|©|\(c\))/i

/** Marks with no letter or digit: brackets, punctuation, symbols ("¡", "*", "†"), spaces. */
const MARKS = /^[\p{P}\p{S}\p{Z}\s]*/u

/**
 * A line that is a date and nothing else but marks before or after it: "January 2002¡" (amsfndoc.pdf, where a stray
 * "<" typed in a TeX OT1 font prints as "¡"), "(12 March 2021)", "— 2003-02-01 —". A day or a month, never a year
 * alone; a line with any other word or number is no date line (a sentence that mentions a date).
 */
export function dateAlone(line: string): PartialDate | null {
  const lead = MARKS.exec(line)?.[0].length ?? 0
  const hit = dateAtStart(line.slice(lead))
  if (!hit || hit.precision === 'year') return null
  const rest = line.slice(lead + hit.length)
  return (MARKS.exec(rest)?.[0].length ?? 0) === rest.length ? hit.date : null
}

/** Dated lines near the top: a keyword line or a date alone on its line; never a copyright line. */
function headDate(lines: string[], from: number, to: number): Candidate<PartialDate> | null {
  let fallback: Candidate<PartialDate> | null = null
  for (let i = from; i < Math.min(to, lines.length); i++) {
    const line = (lines[i] ?? '').trim()
    if (!line || line.length > 160 || COPYRIGHT.test(line)) continue
    const found = dateInLine(line)
    if (!found) continue
    const alone =
      line.replace(/[()[\],.]/g, '').trim().length <= found.date.length + 16 &&
      /^[\s([]*(?:\w+\s+)?[\d\p{L}]/u.test(line) &&
      dateAtStart(line.replace(/^[\s([]+/, '')) !== null
    const lone = alone ? found.date : dateAlone(line)
    if (lone) return candidate(lone, 'text', 0.8, 'date line under the title')
    if (found.keyword && !fallback)
      fallback = candidate(found.date, 'text', 0.75, `"${oneLine(line, 60)}"`)
  }
  return fallback
}

const AUTHOR_LINE =
  /^\s*:?(?:authors?|by|written\s+by|author\(s\)|verfasser|auteurs?)\s*:?\s+(\S.{1,200})$/i
const AUTHOR_LABEL = /^\s*:?(?:authors?|author\(s\))\s*:?\s*$/i

/** "Author: X", ":author: X" (repeatable), "Written by X", or an "author" label with the name on the next line. */
function headAuthors(lines: string[], from: number, to: number): Candidate<string[]> | null {
  const names: string[] = []
  for (let i = from; i < Math.min(to, lines.length); i++) {
    const line = lines[i] ?? ''
    const m = AUTHOR_LINE.exec(line)
    let value = m?.[1] ?? null
    if (!value && AUTHOR_LABEL.test(line)) {
      let k = i + 1
      while (k < lines.length && !lines[k]?.trim() && k < i + 3) k++
      value = lines[k] ?? null
    }
    if (!value) continue
    for (const a of splitAuthors(value)) if (looksLikeName(a) && !names.includes(a)) names.push(a)
  }
  return names.length > 0 ? candidate(names, 'text', 0.8, 'author line') : null
}

const MASTHEAD =
  /^(?:the white house|office of the [\w\s]+|for immediate release|press release|news release|embargoed.*|immediate release|statement|media advisory)$/i

/** The first one- or two-line paragraph that reads as a title, skipping mastheads, notices and date-only blocks. */
function paragraphTitle(
  lines: string[],
  from: number,
  to: number,
): { title: string; line: number } | null {
  let i = from
  const end = Math.min(to, lines.length)
  while (i < end) {
    while (i < end && !lines[i]?.trim()) i++
    const start = i
    const block: string[] = []
    while (i < end && lines[i]?.trim()) block.push((lines[i++] ?? '').trim())
    if (block.length === 0) break
    const rules = block.filter((l) => RULE.test(l))
    const words = block.filter((l) => !RULE.test(l))
    // A masthead or a block of dates and labels: look further.
    if (words.every((l) => MASTHEAD.test(l) || dateInLine(l) !== null || l.length < 4)) continue
    if (words.length > 0 && words.length <= 2 && rules.length === 0) {
      // Joined by oneLine: a wrap inside Chinese/Japanese words gets no space.
      const text = oneLine(words.join('\n'), 300)
      if (words.every((l) => readsAsTitle(l)) && !/^(?:written by|by)\b/i.test(text))
        return { title: text, line: start }
    }
    // A wrapped prose paragraph first (a notice, an abstract): the title, if any, is in a later block.
    if (words.length >= 3) continue
    if (words.length > 0) return null
  }
  return null
}

/** Read the head of a text. */
export function headMetadata(text: string): HeadMetadata {
  const head = text.slice(0, HEAD_CHARS)
  const lines = head.split('\n').slice(0, HEAD_LINES)
  const none: HeadMetadata = { title: null, authors: null, date: null, bodyStart: 0 }
  if (lines.every((l) => !l.trim())) return none

  const mail = emailHeaders(lines)
  if (mail) {
    const h = mail.headers
    const subject = h
      .get('subject')
      ?.replace(/^(?:(?:re|fwd?|aw|sv):\s*)+/i, '')
      .trim()
    const from = h.get('from')
    const dateValue = h.get('date')
    const date = dateValue
      ? (dateAtStart(dateValue.replace(/^[A-Za-z]{3},?\s+/, ''))?.date ?? null)
      : null
    const titleAt = underlinedTitle(lines, mail.end, mail.end + 12)
    const heading = titleAt !== null ? oneLine(lines[titleAt] ?? '', 300) : null
    const authors = splitAuthors(from)
    return {
      title: heading
        ? candidate(heading, 'text', 0.85, 'title under the e-mail headers')
        : subject
          ? candidate(oneLine(subject, 300), 'text', 0.8, 'e-mail Subject: header')
          : null,
      authors: authors.length > 0 ? candidate(authors, 'text', 0.85, 'e-mail From: header') : null,
      date: date ? candidate(date, 'text', 0.9, 'e-mail Date: header') : null,
      bodyStart: lines.slice(0, mail.end).join('\n').length,
    }
  }

  const rfc = rfcHead(lines)
  if (rfc) return { ...rfc, bodyStart: 0 }

  const boxed = boxedTitle(lines)
  const underlined = underlinedTitle(lines, 0, 30)
  const plain = paragraphTitle(lines, 0, 40)
  let title: Candidate<string> | null = null
  let titleLine = 0
  if (boxed) {
    title = candidate(boxed.title, 'text', 0.8, 'title in a box')
    titleLine = boxed.line
  } else if (underlined !== null && (plain === null || underlined <= plain.line + 2)) {
    title = candidate(oneLine(lines[underlined] ?? '', 300), 'text', 0.85, 'underlined title')
    titleLine = underlined
  } else if (plain) {
    const centred = /^\s{6,}\S/.test(lines[plain.line] ?? '')
    title = candidate(
      plain.title,
      'text',
      centred ? 0.8 : 0.65,
      centred ? 'centred title line' : 'first line',
    )
    titleLine = plain.line
  }
  const from = Math.max(0, titleLine - 4)
  return {
    title,
    authors:
      headAuthors(lines, from, titleLine + 20) ??
      (boxed?.author ? candidate([boxed.author], 'text', 0.75, 'name in the title box') : null),
    date: headDate(lines, 0, titleLine + 24),
    bodyStart: 0,
  }
}

/** A single name from a "Written by" style line, for callers that have one line. */
export const nameFromLine = (line: string): string | null => {
  const n = cleanName(line)
  return n && looksLikeName(n) ? n : null
}
