/**
 * Passages ("snippets"): the best few places in a text where the query's words occur, with the words marked by the
 * MARK_START/MARK_END sentinels (never HTML), and the page each passage is on. Matching runs through fold.ts, the
 * index's own tokenizer, so what is marked is exactly what the index matched (accents, case, apostrophes included).
 */

import { MARK_END, MARK_START, type SearchPassage } from '@shared/contract'
import { pageLabelOf, parsePageLabels } from '../text/page-labels'
import { wrapInsideWord } from '../text/scripts'
import { foldsIntoAscii, forEachToken, isWordAt, type Token, tokenize } from './fold'
import type { MarkTerm } from './query-compiler'

/** A matched word or phrase: character offsets into the text, and which query term it was. */
export type Match = { start: number; end: number; mark: number }

export type PassageOptions = {
  /** At most this many passages (default 3). */
  max?: number
  /** Target passage length in characters (default 240). */
  length?: number
  /**
   * Only the first this many characters are scanned (default 2,000,000): a book-length text still answers in a few
   * milliseconds; matches further in are found by the search but not shown as passages.
   */
  scanLimit?: number
}

/**
 * Every occurrence of the marked words and phrases in `text`, in order (overlaps possible: longest first).
 * Two paths with one answer (tests/unit/search/passages.test.ts checks they agree): ASCII words in a text without
 * characters that fold into ASCII are found with `toLowerCase()` + `indexOf` and boundary checks; anything else is
 * tokenized with the index's own rules.
 */
export function findMatches(
  text: string,
  marks: MarkTerm[],
  scanLimit = Number.POSITIVE_INFINITY,
  allowFastPath = true,
): Match[] {
  if (marks.length === 0) return []
  const scanned = scanLimit < text.length ? text.slice(0, scanLimit) : text
  if (
    allowFastPath &&
    marks.every((m) => m.terms.every((t) => /^[a-z0-9]+$/.test(t))) &&
    !foldsIntoAscii(scanned)
  ) {
    return findAsciiMatches(scanned, marks)
  }
  return tokenizeMatches(scanned, marks)
}

/** The next `count` tokens from `start` (fewer at the end of the text). */
function tokensFrom(text: string, start: number, count: number): Token[] {
  let span = 64 * count + 64
  for (;;) {
    const end = Math.min(text.length, start + span)
    const found = tokenize(text.slice(start, end)).slice(0, count)
    const last = found[found.length - 1]
    // A token touching the end of the slice may continue past it: widen and retry.
    if (end === text.length || (found.length === count && last && start + last.end < end)) {
      return found.map((t) => ({ term: t.term, start: t.start + start, end: t.end + start }))
    }
    span *= 4
  }
}

function findAsciiMatches(text: string, marks: MarkTerm[]): Match[] {
  const out: Match[] = []
  const lower = text.toLowerCase()
  marks.forEach((mark, index) => {
    const first = mark.terms[0] ?? ''
    const single = mark.terms.length === 1
    for (let at = lower.indexOf(first); at >= 0; at = lower.indexOf(first, at + 1)) {
      if (isWordAt(text, at - 1, true)) continue // inside a longer word
      const firstEnd = at + first.length
      if (single) {
        if (!mark.prefix) {
          if (!isWordAt(text, firstEnd)) out.push({ start: at, end: firstEnd, mark: index })
        } else {
          let end = firstEnd
          while (isWordAt(text, end)) end++
          out.push({ start: at, end, mark: index })
        }
        continue
      }
      if (isWordAt(text, firstEnd)) continue // the first word of a phrase is a whole word
      const tokens = tokensFrom(text, at, mark.terms.length)
      if (tokens.length < mark.terms.length) continue
      const ok = tokens.every((t, k) => {
        const want = mark.terms[k] ?? ''
        return mark.prefix && k === mark.terms.length - 1
          ? t.term.startsWith(want)
          : t.term === want
      })
      if (ok && tokens[0]?.start === at) {
        out.push({ start: at, end: tokens[tokens.length - 1]?.end ?? firstEnd, mark: index })
      }
    }
  })
  return out.sort((a, b) => a.start - b.start || b.end - a.end)
}

function tokenizeMatches(text: string, marks: MarkTerm[]): Match[] {
  const out: Match[] = []
  let longest = 1
  for (const m of marks) longest = Math.max(longest, m.terms.length)
  // The last `longest` tokens, for phrases.
  const ringTerms: string[] = new Array(longest).fill('')
  const ringStarts = new Int32Array(longest)
  let seen = 0
  // Marks by their last term (exact), and the prefix marks (checked against every token).
  const byLast = new Map<string, number[]>()
  const prefixes: { index: number; last: string }[] = []
  marks.forEach((m, index) => {
    const last = m.terms[m.terms.length - 1] ?? ''
    if (m.prefix) prefixes.push({ index, last })
    else {
      const list = byLast.get(last)
      if (list) list.push(index)
      else byLast.set(last, [index])
    }
  })
  /** Whether mark `index` ends at the token just seen; if so record it. */
  const check = (index: number, end: number): void => {
    const terms = (marks[index] as MarkTerm).terms
    const n = terms.length
    if (n > seen) return
    for (let k = 0; k < n - 1; k++) {
      if (ringTerms[(seen - n + k) % longest] !== terms[k]) return
    }
    out.push({ start: ringStarts[(seen - n) % longest] as number, end, mark: index })
  }
  forEachToken(text, (term, start, end) => {
    const slot = seen % longest
    ringTerms[slot] = term
    ringStarts[slot] = start
    seen++
    const exact = byLast.get(term)
    if (exact !== undefined) for (const index of exact) check(index, end)
    for (let p = 0; p < prefixes.length; p++) {
      const prefix = prefixes[p] as { index: number; last: string }
      if (term.startsWith(prefix.last)) check(prefix.index, end)
    }
  })
  // A phrase ending at the same word as a single term starts earlier: keep offsets in order, longest first.
  return out.sort((a, b) => a.start - b.start || b.end - a.end)
}

/** 1-based page holding `offset`, from the page start offsets (page n starts at pageStarts[n-1]). */
export function pageAt(pageStarts: readonly number[] | null, offset: number): number | null {
  if (!pageStarts || pageStarts.length === 0) return null
  let lo = 0
  let hi = pageStarts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((pageStarts[mid] ?? 0) <= offset) lo = mid
    else hi = mid - 1
  }
  return lo + 1
}

/** The sentinels themselves must never come from document text, and passages read as one line. */
function clean(text: string): string {
  // A hard wrap inside a Chinese or Japanese word is layout: shown without a space (scripts.ts).
  return text
    .replace(/[\uE000\uE001]/g, '')
    .replace(/\s+/g, (ws: string, at: number, all: string) =>
      wrapInsideWord(all, at, true) === at + ws.length ? '' : ' ',
    )
}

/** Cut `text` to [from, to), widened to word boundaries, with the matches inside marked. */
export function markedSlice(text: string, from: number, to: number, matches: Match[]): string {
  let start = from
  let end = to
  if (start > 0) {
    const space = text.lastIndexOf(' ', start)
    if (space >= 0 && start - space < 20) start = space + 1
  }
  if (end < text.length) {
    const space = text.indexOf(' ', end)
    if (space >= 0 && space - end < 20) end = space
  }
  let out = start > 0 ? '…' : ''
  let at = start
  for (const m of matches) {
    if (m.start < at || m.end > end) continue
    out += clean(text.slice(at, m.start))
    out += MARK_START + clean(text.slice(m.start, m.end)) + MARK_END
    at = m.end
  }
  out += clean(text.slice(at, end))
  if (end < text.length) out += '…'
  return out.trim()
}

/**
 * Up to `max` passages, best first: windows holding the most distinct query terms, then the most matches. A text with
 * no match in it (the hit came from its title or author) gets its opening as the one passage, unmarked.
 */
export function bestPassages(
  text: string,
  marks: MarkTerm[],
  pageStarts: readonly number[] | null,
  options: PassageOptions = {},
  pageLabels: readonly (string | null)[] | null = null,
): SearchPassage[] {
  const max = options.max ?? 3
  const length = options.length ?? 240
  const matches = findMatches(text, marks, options.scanLimit ?? 2_000_000)
  if (matches.length === 0) {
    if (text.length === 0) return []
    const page = pageAt(pageStarts, 0)
    return [
      {
        text: markedSlice(text, 0, Math.min(text.length, length), []),
        page,
        pageLabel: pageLabelOf(pageLabels, page),
      },
    ]
  }
  // A window starts a little before each match; it holds a set of distinct query terms and a number of matches.
  type Window = { from: number; to: number; marks: Set<number>; count: number; first: number }
  const windows: Window[] = []
  let j = 0
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as Match
    const from = Math.max(0, m.start - Math.floor(length / 4))
    const to = Math.min(text.length, from + length)
    if (j < i) j = i
    while (j + 1 < matches.length && (matches[j + 1] as Match).end <= to) j++
    const marksIn = new Set<number>()
    for (let k = i; k <= j; k++) marksIn.add((matches[k] as Match).mark)
    windows.push({ from, to, marks: marksIn, count: j - i + 1, first: m.start })
  }
  // Greedy: each next passage is the one adding the most terms not shown yet, then the most terms, then matches.
  const chosen: Window[] = []
  const shown = new Set<number>()
  while (chosen.length < max) {
    let best: Window | null = null
    let bestScore = -1
    for (const w of windows) {
      if (chosen.some((c) => w.from < c.to && c.from < w.to)) continue
      let fresh = 0
      for (const mark of w.marks) if (!shown.has(mark)) fresh++
      const score = fresh * 10_000 + w.marks.size * 100 + Math.min(w.count, 99)
      if (score > bestScore) {
        best = w
        bestScore = score
      }
    }
    if (!best) break
    chosen.push(best)
    for (const mark of best.marks) shown.add(mark)
  }
  return chosen.map((w) => {
    // The matched words the slice shows (markedSlice marks those ending inside the window).
    let last = w.first
    for (const m of matches) if (m.start >= w.first && m.end <= w.to) last = Math.max(last, m.end)
    const page = pageAt(pageStarts, w.first)
    return {
      text: markedSlice(text, w.from, w.to, matches),
      page,
      pageLabel: pageLabelOf(pageLabels, page),
      start: w.first,
      end: last,
    }
  })
}

/** Mark every match in a short text (a quote or a note) without cutting it; null when nothing matches. */
export function markWhole(text: string, marks: MarkTerm[]): string | null {
  const matches = findMatches(text, marks)
  if (matches.length === 0) return null
  return markedSlice(text, 0, text.length, matches)
}
