/**
 * Pure helpers that describe where a passage sits in a document's plain text: the W3C TextQuoteSelector context,
 * the page (from the importer's `page_starts`) and the paragraph number used as a citation locator.
 */

/** Characters of context kept either side of a quote (W3C TextQuoteSelector prefix/suffix). */
export const CONTEXT_CHARS = 32

export type TextQuote = { exact: string; prefix: string; suffix: string }

/** The TextQuoteSelector of `text[start, end)`. Offsets must already be valid. */
export function quoteSelector(text: string, start: number, end: number): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  }
}

/** A run of blank lines: what separates paragraphs in the stored plain text. */
const PARAGRAPH_BREAK = /\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+/g

/**
 * 1-based number of the paragraph containing `offset`, paragraphs being separated by blank lines. Leading blank
 * lines do not start a paragraph, and a run of several blank lines counts once.
 */
export function paragraphAt(text: string, offset: number): number {
  const firstContent = text.search(/\S/)
  if (firstContent < 0 || offset <= firstContent) return 1
  let paragraph = 1
  PARAGRAPH_BREAK.lastIndex = 0
  for (let m = PARAGRAPH_BREAK.exec(text); m !== null; m = PARAGRAPH_BREAK.exec(text)) {
    const breakEnd = m.index + m[0].length
    if (breakEnd > offset) break
    if (m.index > firstContent && breakEnd < text.length) paragraph++
  }
  return paragraph
}

/** 1-based page containing `offset`, or null when the document has no pages. Page n starts at pageStarts[n-1]. */
export function pageAt(pageStarts: readonly number[] | null, offset: number): number | null {
  if (!pageStarts || pageStarts.length === 0) return null
  let lo = 0
  let hi = pageStarts.length - 1
  let found = 0
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((pageStarts[mid] ?? 0) <= offset) {
      found = mid
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return found + 1
}

/** Every start offset of `needle` in `text` (non-overlapping scan is not wanted: quotes may overlap). */
export function occurrences(text: string, needle: string, max = 10_000): number[] {
  const found: number[] = []
  if (needle.length === 0) return found
  for (
    let i = text.indexOf(needle);
    i >= 0 && found.length < max;
    i = text.indexOf(needle, i + 1)
  ) {
    found.push(i)
  }
  return found
}

/** The occurrence nearest `hint` (ties: the earlier one); the first when there is no hint. */
export function nearest(candidates: readonly number[], hint: number | null): number | undefined {
  if (candidates.length === 0) return undefined
  if (hint === null) return candidates[0]
  let best = candidates[0] as number
  for (const c of candidates) if (Math.abs(c - hint) < Math.abs(best - hint)) best = c
  return best
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Find `passage` in `text` allowing any run of whitespace to stand for any other (a selection copied from the
 * reader may have spaces where the text has a line break). Returns [start, end) ranges, at most `max`.
 */
export function whitespaceTolerantMatches(
  text: string,
  passage: string,
  max = 1_000,
): [number, number][] {
  const words = passage.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return []
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'g')
  const ranges: [number, number][] = []
  for (let m = pattern.exec(text); m !== null && ranges.length < max; m = pattern.exec(text)) {
    ranges.push([m.index, m.index + m[0].length])
    pattern.lastIndex = m.index + 1
  }
  return ranges
}
