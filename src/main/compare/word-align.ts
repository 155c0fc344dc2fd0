/**
 * Candidate passages of a text for a quote, at word level (case- and diacritic-folded words):
 * - `alignWords`: semi-global alignment, each distinct word one symbol, approx-string-match (Myers' bit-parallel edit
 *   distance) finds the spans with the fewest word insertions, deletions and substitutions;
 * - `densestWindows`: the windows sharing the most words with the quote, whatever their order, which also catches
 *   a reworded misquote ("you have a President who is fighting for you" vs "your President … is fighting every
 *   single day for you") that edit distance ranks too far away.
 * The caller scores both kinds with jsdiff and keeps the best.
 */
import approxSearch from 'approx-string-match'
import { forEachToken } from '../text/fold'
import { hasSpecial } from '../text/scripts'

type Token = { word: string; start: number; end: number }

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu

/** Lower-case, strip diacritics, unify apostrophes: the folding FTS5's `remove_diacritics 2` also does. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'")
}

/** Words of `text` with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(WORD)) {
    if (hasSpecial(m[0])) {
      // A run of Chinese or Japanese is one regex "word": use the search index's terms for it (bigrams, scripts.ts).
      forEachToken(m[0], (term, start, end) => {
        tokens.push({ word: term, start: m.index + start, end: m.index + end })
      })
    } else tokens.push({ word: foldWord(m[0]), start: m.index, end: m.index + m[0].length })
  }
  return tokens
}

/** Symbols from U+0100 up, skipping the surrogate range, so every distinct word is one UTF-16 unit. */
function symbolFor(index: number): string {
  const code = 0x100 + index
  return String.fromCharCode(code < 0xd800 ? code : code + 0x800)
}
const MAX_SYMBOLS = 0xffff - 0x100 - 0x800

export type Alignment = { start: number; end: number; wordErrors: number; quoteWords: number }

/**
 * The spans of `text` that best align with `quote` at word level (at most `maxErrorRate` of the quote's words
 * wrong), best first, at most `max`. Offsets are character offsets into `text`.
 */
export function alignWords(text: string, quote: string, maxErrorRate = 0.5, max = 5): Alignment[] {
  const quoteTokens = tokenize(quote)
  if (quoteTokens.length === 0) return []
  const textTokens = tokenize(text)
  if (textTokens.length === 0) return []
  const symbols = new Map<string, string>()
  const encode = (t: Token): string => {
    let s = symbols.get(t.word)
    if (s === undefined) {
      // More distinct words than symbols (a huge text): the rest share one symbol and never match a quote word.
      s = symbols.size < MAX_SYMBOLS ? symbolFor(symbols.size) : '\uffff'
      symbols.set(t.word, s)
    }
    return s
  }
  const pattern = quoteTokens.map(encode).join('')
  const haystack = textTokens.map(encode).join('')
  const maxErrors = Math.floor(quoteTokens.length * maxErrorRate)
  const matches = approxSearch(haystack, pattern, maxErrors)
  matches.sort((a, b) => a.errors - b.errors || a.start - b.start)
  const seen = new Set<string>()
  const out: Alignment[] = []
  for (const m of matches) {
    if (m.end <= m.start) continue
    const first = textTokens[m.start]
    const last = textTokens[m.end - 1]
    if (!first || !last) continue
    const key = `${first.start}:${last.end}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({
      start: first.start,
      end: last.end,
      wordErrors: m.errors,
      quoteWords: quoteTokens.length,
    })
    if (out.length >= max) break
  }
  return out
}

/**
 * The `max` non-overlapping windows of about 1.5× the quote's length that share the most words with it (counted as
 * multisets), each trimmed to its first and last shared word. Linear in the text's length.
 */
export function densestWindows(text: string, quote: string, max = 3): Alignment[] {
  const quoteTokens = tokenize(quote)
  const m = quoteTokens.length
  if (m === 0) return []
  const textTokens = tokenize(text)
  const need = new Map<string, number>()
  for (const t of quoteTokens) need.set(t.word, (need.get(t.word) ?? 0) + 1)
  const width = Math.max(m + 2, Math.ceil(m * 1.5))
  const have = new Map<string, number>()
  let hits = 0
  const windows: { from: number; to: number; hits: number }[] = []
  for (let i = 0; i < textTokens.length; i++) {
    const w = (textTokens[i] as Token).word
    const c = (have.get(w) ?? 0) + 1
    have.set(w, c)
    if (c <= (need.get(w) ?? 0)) hits++
    if (i >= width) {
      const old = (textTokens[i - width] as Token).word
      const oc = have.get(old) ?? 0
      if (oc <= (need.get(old) ?? 0)) hits--
      have.set(old, oc - 1)
    }
    if (hits > 0) windows.push({ from: Math.max(0, i - width + 1), to: i, hits })
  }
  windows.sort((a, b) => b.hits - a.hits || a.from - b.from)
  // Trim each good window to the words that count: drop unneeded words and surplus repeats at both ends.
  const best = windows[0]?.hits ?? 0
  const trimmed: { from: number; to: number; hits: number }[] = []
  for (const win of windows.slice(0, 400)) {
    if (win.hits < best - 1) break
    const counts = new Map<string, number>()
    for (let i = win.from; i <= win.to; i++) {
      const w = (textTokens[i] as Token).word
      counts.set(w, (counts.get(w) ?? 0) + 1)
    }
    let { from, to } = win
    const surplus = (i: number): boolean => {
      const w = (textTokens[i] as Token).word
      return (counts.get(w) ?? 0) > (need.get(w) ?? 0)
    }
    while (from < to && surplus(from)) {
      const w = (textTokens[from] as Token).word
      counts.set(w, (counts.get(w) ?? 0) - 1)
      from++
    }
    while (to > from && surplus(to)) {
      const w = (textTokens[to] as Token).word
      counts.set(w, (counts.get(w) ?? 0) - 1)
      to--
    }
    trimmed.push({ from, to, hits: win.hits })
  }
  trimmed.sort((a, b) => b.hits - a.hits || a.to - a.from - (b.to - b.from) || a.from - b.from)
  const out: Alignment[] = []
  const taken: [number, number][] = []
  for (const { from, to, hits } of trimmed) {
    if (out.length >= max) break
    if (taken.some(([a, b]) => from <= b && to >= a)) continue
    taken.push([from, to])
    out.push({
      start: (textTokens[from] as Token).start,
      end: (textTokens[to] as Token).end,
      wordErrors: m - hits,
      quoteWords: m,
    })
  }
  return out
}
