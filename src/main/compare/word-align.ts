/**
 * Best-matching passage of a text for a quote, by semi-global alignment over WORDS: each distinct (case- and
 * diacritic-folded) word becomes one symbol, and approx-string-match (Myers' bit-parallel edit distance) finds the
 * span of the text with the fewest word insertions, deletions and substitutions against the quote. Word-level
 * alignment is what catches a misquote: "you have a President who is fighting for you" still aligns with "your
 * President … is fighting every single day for you".
 */
import approxSearch from 'approx-string-match'

type Token = { word: string; start: number; end: number }

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu

/** Lower-case, strip diacritics, unify apostrophes: the folding FTS5's `remove_diacritics 2` also does. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/’/g, "'")
}

/** Words of `text` with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(WORD)) {
    tokens.push({ word: foldWord(m[0]), start: m.index, end: m.index + m[0].length })
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
export function alignWords(
  text: string,
  quote: string,
  maxErrorRate = 0.5,
  max = 5,
): Alignment[] {
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
