/**
 * Snowball stemming per language, so `change` also finds "changes", "changed" and "changing" (issue #14).
 *
 * Library chosen by measurement (2026-12, 300,000 words of the White House corpus, English, median of 3, 2 shared
 * cores): snowball-stemmers 0.6.0 (ISC, plain JavaScript, the Snowball project's algorithms, 24 languages) 0.9 M
 * words/s; multilingual-stemmer 2.1.1 (Snowball 3.1 in WebAssembly, 34 languages) 2.2 M words/s but ESM only and
 * declares Node ≥ 22 (we run on Node 20); both give the same stems on the words checked (English, German, French,
 * Spanish, Russian). Each language's stems are memoised here (a text repeats its words), so the stemmer's own speed
 * matters little: snowball-stemmers it is.
 *
 * How stems are used (src/main/search/stems.ts): the index keeps exact forms only. Each document's words are stemmed
 * with its own language's stemmer and the pairs (word, stem) whose stem differs from the word are kept in
 * `search_stems` (migration 0130). A query word is stemmed with every language's stemmer and becomes an OR of the
 * forms that share its stem, so the FTS index, bm25, passages and highlights work on the words the documents really
 * print. A document whose language has no stemmer (Chinese, Japanese, Thai, unknown) adds no pairs.
 */
import { newStemmer, type Stemmer } from 'snowball-stemmers'
import { terms } from './fold'
import { hasSpecial } from './scripts'

/** ISO 639-1 code → Snowball algorithm (every algorithm snowball-stemmers ships except the old `porter`). */
const ALGORITHMS: Readonly<Record<string, string>> = {
  ar: 'arabic',
  hy: 'armenian',
  eu: 'basque',
  ca: 'catalan',
  cs: 'czech',
  da: 'danish',
  nl: 'dutch',
  en: 'english',
  fi: 'finnish',
  fr: 'french',
  de: 'german',
  hu: 'hungarian',
  it: 'italian',
  ga: 'irish',
  no: 'norwegian',
  nb: 'norwegian',
  nn: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  es: 'spanish',
  sl: 'slovene',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
}

/** The languages stems are kept under: one code per algorithm (nb and nn are stored as no). */
export const STEM_LANGUAGES: readonly string[] = [...new Set(Object.values(ALGORITHMS))].map(
  (algorithm) => Object.keys(ALGORITHMS).find((code) => ALGORITHMS[code] === algorithm) ?? '',
)

/** The code stems of a document in `language` (a BCP 47 tag such as `en-GB`) are kept under; null: no stemmer. */
export function stemLanguage(language: string | null | undefined): string | null {
  if (!language) return null
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? ''
  const algorithm = ALGORITHMS[primary]
  if (!algorithm) return null
  return STEM_LANGUAGES.find((code) => ALGORITHMS[code] === algorithm) ?? null
}

/** Memoised stems: each entry maps a lower-case word to its folded stem (null when the stem is not one term). */
const MEMO_LIMIT = 200_000
const stemmers = new Map<string, { stemmer: Stemmer; memo: Map<string, string | null> }>()

function stemmerFor(lang: string): { stemmer: Stemmer; memo: Map<string, string | null> } {
  let entry = stemmers.get(lang)
  if (!entry) {
    entry = { stemmer: newStemmer(ALGORITHMS[lang] ?? 'english'), memo: new Map() }
    stemmers.set(lang, entry)
  }
  return entry
}

/**
 * The folded stem of one word (as written, any case) in a language kept by stemLanguage; null when the word is not
 * stemmed (digits, scripts without spaces) or its stem does not fold to exactly one search term.
 */
export function stemWord(lang: string, word: string): string | null {
  const { stemmer, memo } = stemmerFor(lang)
  const lower = word.toLowerCase()
  const known = memo.get(lower)
  if (known !== undefined) return known
  let result: string | null = null
  if (lower.length >= 3 && !/\d/.test(lower) && !hasSpecial(lower)) {
    const found = terms(stemmer.stem(lower))
    result = found.length === 1 ? (found[0] ?? null) : null
  }
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(lower, result)
  return result
}

/**
 * The (stem, word) pairs of texts in `language` whose stem differs from the word: what search_stems keeps for one
 * document. Words are stemmed as written (lower-cased, accents kept: the Russian stemmer needs й, the French one é),
 * then the stem is folded like the index folds words. Each pair is returned once per call, as the same array every
 * call returns for it (until the memo is cleared), so a writer can remember which pairs it already stored by identity.
 */
export function stemPairs(language: string | null, texts: readonly (string | null)[]): string[][] {
  const lang = stemLanguage(language)
  if (!lang) return []
  const memo = pairMemo(lang)
  // One memo lookup per word: a word or pair already met in this call carries this call's stamp (profiled: a
  // per-call Set of words and one of pairs cost more than the stemming itself on the import's main thread).
  const stamp = ++calls
  const pairs: string[][] = []
  for (const text of texts) {
    if (!text) continue
    forEachWord(text, (word) => {
      let entry = memo.words.get(word)
      if (entry === undefined) {
        if (memo.words.size >= MEMO_LIMIT) {
          memo.words.clear()
          memo.pairs.clear()
        }
        entry = { stamp: 0, pair: pairOf(lang, word, memo.pairs) }
        memo.words.set(word, entry)
      }
      if (entry.stamp === stamp) return
      entry.stamp = stamp
      const pair = entry.pair
      // Two spellings of one word ("Change", "change") share their pair: returned once.
      if (pair === null || pair.stamp === stamp) return
      pair.stamp = stamp
      pairs.push(pair.value)
    })
  }
  return pairs
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u
/** Per BMP code unit: 0 not known yet, 1 a letter or mark, 2 neither (filled as met). */
const letterOrMark = new Uint8Array(0x10000)

/**
 * Each word of `text` as `text.match(/[\p{L}\p{M}]{3,}/gu)` lists them (runs of at least 3 letters or marks, counted
 * in code points), without the regex and its array: the import workers stem every document, and the match was about
 * half of stemPairs' time (measured 2026-12-06 on the White House .txt files).
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  let start = -1
  let points = 0
  const length = text.length
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i)
    let inWord: boolean
    let width = 1
    if (c < 128) inWord = (c | 32) >= 97 && (c | 32) <= 122
    else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < length &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      width = 2
      inWord = LETTER_OR_MARK.test(String.fromCodePoint(text.codePointAt(i) as number))
    } else {
      let known = letterOrMark[c] as number
      if (known === 0) {
        known = LETTER_OR_MARK.test(String.fromCharCode(c)) ? 1 : 2
        letterOrMark[c] = known
      }
      inWord = known === 1
    }
    if (inWord) {
      if (start < 0) {
        start = i
        points = 0
      }
      points++
    } else if (start >= 0) {
      if (points >= 3) visit(text.slice(start, i))
      start = -1
    }
    i += width - 1
  }
  if (start >= 0 && points >= 3) visit(text.slice(start))
}

let calls = 0
type PairEntry = { stamp: number; value: string[] }
type PairMemo = {
  /** Word as written → its pair (null: none). */
  words: Map<string, { stamp: number; pair: PairEntry | null }>
  /** Stem and folded word → their pair, so every spelling of a word shares one. */
  pairs: Map<string, PairEntry>
}
/** Memoised pairs per word as written, per language: most words recur. */
const pairMemos = new Map<string, PairMemo>()
function pairMemo(lang: string): PairMemo {
  let memo = pairMemos.get(lang)
  if (!memo) {
    memo = { words: new Map(), pairs: new Map() }
    pairMemos.set(lang, memo)
  }
  return memo
}

function pairOf(lang: string, word: string, pairs: Map<string, PairEntry>): PairEntry | null {
  const stem = stemWord(lang, word)
  if (stem === null) return null
  // Lower-case ASCII is its own folded form; anything else goes through the index's folding.
  const folded = /^[a-z]+$/.test(word) ? [word] : terms(word)
  // A word the index splits (it holds a character outside its token set) is not one term: no pair.
  if (folded.length !== 1) return null
  const term = folded[0] ?? ''
  if (term === stem) return null
  const key = `${stem}\u0000${term}`
  let pair = pairs.get(key)
  if (!pair) {
    pair = { stamp: 0, value: [stem, term] }
    pairs.set(key, pair)
  }
  return pair
}

/**
 * The stems a query word may have: for every language, its stem as typed and as folded (someone typing `novyi` or
 * `election` for "новый" or "élection" gets the stem of the folded form). Deduplicated (language, stem) pairs.
 */
export function queryStems(typed: string, term: string): { lang: string; stem: string }[] {
  const out = new Map<string, { lang: string; stem: string }>()
  for (const lang of STEM_LANGUAGES) {
    for (const word of typed === term ? [term] : [typed, term]) {
      const stem = stemWord(lang, word)
      if (stem !== null) out.set(`${lang}\u0000${stem}`, { lang, stem })
    }
  }
  return [...out.values()]
}
