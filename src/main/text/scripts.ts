/**
 * Words in scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), and full-width and
 * half-width forms. FTS5's unicode61 tokenizer sees a whole run of Han or kana as ONE word ("ニューヨークの歴史" is
 * one token), so neither `ニューヨーク` nor `歴史` can be found. fold.ts splits such tokens here, and the index is fed
 * the same split through the SQL function `lectern_search_text` (searchText below), so index and query agree.
 *
 * How a run is split, decided by measurement on the real texts in tests/fixtures/documents/debian (Debian's project
 * history in Japanese, 90 kB; Debian Reference's introduction in Chinese, 33 kB), 200 sampled words each:
 * - Intl.Segmenter words (ICU dictionary): recall against a brute-force substring scan 48.9 % (ja) and 95.4 % (zh).
 *   ICU splits a word differently in context ("ディストリビューション" alone: ディス|トリ|ビュ|ー|ション; inside a
 *   sentence often otherwise) and keeps compounds whole (日本語 hides 日本), so a word the reader sees is not found.
 * - FTS5's trigram tokenizer: a query shorter than 3 characters matches nothing, and most Chinese and Japanese words
 *   are 2 characters (歴史, 中国, 项目): unusable alone.
 * - Overlapping bigrams (what Lucene's CJKAnalyzer and Xapian do for CJK), plus the last character of each run alone
 *   so a one-character query finds it as a prefix: recall 100 % by construction (any substring of a run is a phrase
 *   of its bigrams), precision 100 % against a substring scan. Chosen for Han, Hiragana and Katakana. Index cost:
 *   one token per character instead of one per word (tests/integration/search/cjk-recall.test.ts prints the sizes).
 * - Thai, Lao, Khmer and Myanmar are alphabets whose readers search whole words: Intl.Segmenter words there.
 * - Hangul is written with spaces, but between phrases (eojeol), not words: a noun carries its particles and endings
 *   ("데비안은", "데비안의", "패키지를"), so unicode61 found "데비안" only where it stood alone (trial 8: 2 of the 9
 *   "데비안" a Debian FAQ page prints). Overlapping bigrams, as for Han (and as Lucene's CJKAnalyzer does for Hangul),
 *   find a word inside its phrase. Unlike Han, a line wrap between two Hangul syllables is a space, so Hangul is its
 *   own class: split like Han, but not a script "without spaces" for joining lines or counting words (hasSpecial).
 * Segmentation runs only in the main process (index and queries); the renderer never segments on its own.
 */
import { foldCodePoint } from './code-points'
import {
  foldsFurther,
  hasInvisibleInWords,
  searchBmp,
  startsArabic,
  stripArabicPrefix,
} from './script-folds'

/**
 * How a code point is split: 0 like any other letter, 1 bigrams (Han, kana), 2 dictionary words (Thai…), 3 bigrams
 * in a script written with spaces (Hangul).
 */
export enum ScriptClass {
  Other = 0,
  Bigram = 1,
  Words = 2,
  Hangul = 3,
}

/** Whether a class is indexed as overlapping bigrams (Han, kana, Hangul). */
export const isBigramClass = (cls: ScriptClass): boolean =>
  cls === ScriptClass.Bigram || cls === ScriptClass.Hangul

export function scriptClass(cp: number): ScriptClass {
  if (cp < 0x0e00) return ScriptClass.Other
  if (cp <= 0x0eff) return ScriptClass.Words // Thai, Lao
  if (cp >= 0x1000 && cp <= 0x109f) return ScriptClass.Words // Myanmar
  if (cp >= 0x1100 && cp <= 0x11ff) return ScriptClass.Hangul // Hangul Jamo
  if (cp >= 0x1780 && cp <= 0x17ff) return ScriptClass.Words // Khmer
  if (cp < 0x2e80) return ScriptClass.Other
  if (cp <= 0x2fdf) return ScriptClass.Bigram // CJK and Kangxi radicals
  if (cp >= 0x3005 && cp <= 0x3007) return ScriptClass.Bigram // 々 〆 〇
  if (cp >= 0x3021 && cp <= 0x3029) return ScriptClass.Bigram // Hangzhou numerals
  if (cp >= 0x3031 && cp <= 0x3035) return ScriptClass.Bigram // kana repeat marks
  if (cp >= 0x3038 && cp <= 0x303c) return ScriptClass.Bigram
  if (cp >= 0x3040 && cp <= 0x30ff) return ScriptClass.Bigram // Hiragana, Katakana (ー included)
  if (cp >= 0x3131 && cp <= 0x318e) return ScriptClass.Hangul // Hangul compatibility Jamo
  if (cp >= 0x31f0 && cp <= 0x31ff) return ScriptClass.Bigram // Katakana phonetic extensions
  if (cp >= 0x3400 && cp <= 0x4dbf) return ScriptClass.Bigram // Han extension A
  if (cp >= 0x4e00 && cp <= 0x9fff) return ScriptClass.Bigram // Han
  if (cp >= 0xa960 && cp <= 0xa97f) return ScriptClass.Hangul // Hangul Jamo extended-A
  if (cp >= 0xac00 && cp <= 0xd7a3) return ScriptClass.Hangul // Hangul syllables
  if (cp >= 0xd7b0 && cp <= 0xd7ff) return ScriptClass.Hangul // Hangul Jamo extended-B
  if (cp >= 0xf900 && cp <= 0xfaff) return ScriptClass.Bigram // Han compatibility
  if (cp >= 0xff66 && cp <= 0xff9f) return ScriptClass.Bigram // half-width katakana
  if (cp >= 0x20000 && cp <= 0x3ffff) return ScriptClass.Bigram // Han extensions B–H
  return ScriptClass.Other
}

/** Whether a code point needs more than unicode61: a script without spaces, or a full-/half-width form. */
export function needsSplitting(cp: number): boolean {
  return (cp >= 0xff01 && cp <= 0xff5e) || scriptClass(cp) !== ScriptClass.Other
}

/** A quick test for a whole string: most texts have none of these characters and are indexed as they are. */
const SPECIAL =
  /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e\uff66-\uff9f]|[\ud840-\ud8bf][\udc00-\udfff]/

/** Whether a text holds a script written without spaces, or a width form (Hangul is written with spaces: no). */
export function hasSpecial(text: string): boolean {
  return SPECIAL.test(text)
}

const HANGUL = /[\u1100-\u11ff\u3131-\u318e\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff]/

/**
 * Whether the search index is fed a text's terms rather than the text: hasSpecial, invisible characters inside words
 * (soft hyphens…), Hangul (bigrams too), or Greek and Arabic-script characters folded beyond unicode61
 * (script-folds.ts). Two scans, not one
 * regex with every range: V8 ran the merged class 3-4x slower over English text (trial 8, White House remarks).
 */
export function indexSplits(text: string): boolean {
  if (SPECIAL.test(text)) return true
  if (hasInvisibleInWords(text)) return true
  if (!HANGUL_GREEK_ARABIC.test(text)) return false
  return HANGUL.test(text) || foldsFurther(text)
}

/**
 * Hangul plus the Greek and Arabic blocks (script-folds.ts) in one class: as fast as HANGUL alone over English text,
 * where a third scan cost the index feed +70 % (tokenizer-scripts bench, White House remarks).
 */
const HANGUL_GREEK_ARABIC =
  /[\u0370-\u03ff\u0600-\u06ff\u1100-\u11ff\u1f00-\u1fff\u3131-\u318e\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff]/

/** The folded form of one code point for search: full-width ASCII as ASCII, then the index's folding. */
function foldOne(cp: number): string {
  const base = cp >= 0xff01 && cp <= 0xff5e ? cp - 0xfee0 : cp
  const folded = base < 0x10000 ? (searchBmp[base] ?? -1) : foldCodePoint(base)
  return folded < 0 ? '' : String.fromCodePoint(folded)
}

/**
 * Thai, Lao, Khmer and Myanmar vowel and tone marks are letters of the word, not accents: "จัด" (arrange) and "จุด"
 * (point), "แจง" and "แจ้ง" are different words, and dropping the marks made a search for one find the other (12 %
 * of hits on APT's Thai messages, tests/integration/search/thai-search.test.ts). unicode61 treats these marks as
 * separators, so each is indexed as a private-use stand-in (a token character to unicode61), in index and query
 * alike; displayTerm maps them back. U+E100–E1FF: Thai and Lao; U+E200–E29F: Myanmar; U+E300–E37F: Khmer.
 */
const MARK_STAND_INS: readonly [number, number, number][] = [
  [0x0e00, 0x0eff, 0xe100],
  [0x1000, 0x109f, 0xe200],
  [0x1780, 0x17ff, 0xe300],
]

function foldWordsScript(cp: number): string {
  const folded = foldOne(cp)
  if (folded !== '') return folded
  for (const [from, to, base] of MARK_STAND_INS) {
    if (cp >= from && cp <= to) return String.fromCharCode(base + cp - from)
  }
  return ''
}

/** A search term as text a person can read (a "did you mean" word): stand-ins back to the marks they stand for. */
export function displayTerm(term: string): string {
  return term.replace(/[\ue100-\ue37f]/g, (ch) => {
    const code = ch.charCodeAt(0)
    for (const [from, to, base] of MARK_STAND_INS) {
      if (code >= base && code <= base + (to - from)) return String.fromCharCode(from + code - base)
    }
    return ch
  })
}

type Unit = { text: string; start: number; end: number; cls: ScriptClass }

let words: Intl.Segmenter | null = null

/**
 * Split one unicode61 token (`text.slice(start, end)`, which holds at least one special character) into search terms
 * with offsets in the original text. Runs of other letters stay one term; Han and kana runs become overlapping
 * bigrams plus the run's last character alone; Thai-like runs become dictionary words.
 */
export function splitToken(
  text: string,
  start: number,
  end: number,
  onToken: (term: string, start: number, end: number) => void,
): void {
  const units: Unit[] = []
  let i = start
  while (i < end) {
    const cp = text.codePointAt(i) ?? 0
    const width = cp > 0xffff ? 2 : 1
    let cls = scriptClass(cp)
    let folded: string
    let unitEnd = i + width
    if (cp >= 0xff66 && cp <= 0xff9d) {
      // Half-width katakana: NFKC gives the full-width letter, composed with a following (semi-)voiced mark.
      const next = unitEnd < end ? text.charCodeAt(unitEnd) : 0
      const marked = next === 0xff9e || next === 0xff9f
      const nfkc = (text.slice(i, unitEnd) + (marked ? text[unitEnd] : '')).normalize('NFKC')
      if (marked) unitEnd++
      folded = ''
      for (const ch of nfkc) folded += foldOne(ch.codePointAt(0) ?? 0)
    } else if (cp === 0xff9e || cp === 0xff9f) {
      folded = '' // a stray voiced mark: a diacritic, dropped like unicode61 drops combining marks
      cls = ScriptClass.Other
    } else {
      folded = foldOne(cp)
    }
    if (folded === '') {
      // A removed character (a combining mark) belongs to the unit before it.
      const last = units[units.length - 1]
      if (last) last.end = unitEnd
    } else {
      units.push({ text: folded, start: i, end: unitEnd, cls })
    }
    i = unitEnd
  }
  let k = 0
  while (k < units.length) {
    const first = units[k] as Unit
    let j = k + 1
    while (j < units.length && (units[j] as Unit).cls === first.cls) j++
    if (isBigramClass(first.cls)) {
      for (let b = k; b + 1 < j; b++) {
        const u = units[b] as Unit
        const v = units[b + 1] as Unit
        onToken(u.text + v.text, u.start, v.end)
      }
      const last = units[j - 1] as Unit
      onToken(last.text, last.start, last.end)
    } else if (first.cls === ScriptClass.Words) {
      const runStart = first.start
      const runEnd = (units[j - 1] as Unit).end
      words ??= new Intl.Segmenter('th', { granularity: 'word' })
      for (const seg of words.segment(text.slice(runStart, runEnd))) {
        let term = ''
        for (const ch of seg.segment) term += foldWordsScript(ch.codePointAt(0) ?? 0)
        if (term !== '')
          onToken(term, runStart + seg.index, runStart + seg.index + seg.segment.length)
      }
    } else {
      let term = ''
      for (let u = k; u < j; u++) term += (units[u] as Unit).text
      if (startsArabic(term))
        term = stripArabicPrefix(term, text, first.start, (units[j - 1] as Unit).end)
      onToken(term, first.start, (units[j - 1] as Unit).end)
    }
    k = j
  }
}

/** Letters of scripts written without spaces, and (with `punctuation`) CJK punctuation and full-width forms. */
function noSpace(cp: number, punctuation: boolean): boolean {
  const cls = scriptClass(cp)
  if (cls !== ScriptClass.Other && cls !== ScriptClass.Hangul) return true
  return punctuation && ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff65))
}

/** Whether the code point ending just before `i` / starting at `i` is written without spaces around it. */
function noSpaceBefore(text: string, i: number, punctuation: boolean): boolean {
  if (i <= 0) return false
  let cp = text.charCodeAt(i - 1)
  if (cp >= 0xdc00 && cp < 0xe000 && i >= 2) cp = text.codePointAt(i - 2) ?? cp
  return noSpace(cp, punctuation)
}

function noSpaceAt(text: string, i: number, punctuation: boolean): boolean {
  return i < text.length && noSpace(text.codePointAt(i) ?? 0, punctuation)
}

/**
 * When the whitespace starting at `i` is a hard line wrap (holds one line break, no blank line) between two
 * characters of scripts written without spaces, the index after it; else -1. Such text is wrapped anywhere
 * ("ディストリビューシ⏎ョン"): the wrap is layout, not a word break, so search reads through it while the stored text
 * keeps it. `punctuation`: also between CJK punctuation ("里面⏎。"), for display and joining lines.
 */
export function wrapInsideWord(text: string, i: number, punctuation = false): number {
  if (!noSpaceBefore(text, i, punctuation)) return -1
  let j = i
  let breaks = 0
  while (j < text.length) {
    const c = text.charCodeAt(j)
    if (c === 10) breaks++
    else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xa0 && c !== 0x3000) break
    j++
  }
  return breaks === 1 && noSpaceAt(text, j, punctuation) ? j : -1
}

/** Whether joining two wrapped lines needs no space: both sides are written without spaces (CJK, Thai…). */
export function joinsWithoutSpace(before: string, after: string): boolean {
  return noSpaceBefore(before, before.length, true) && noSpaceAt(after, 0, true)
}

let dictionaryWords: Intl.Segmenter | null = null
/** ICU's dictionary word segmenter (one per process; its dictionaries cover Chinese, Japanese and Thai alike). */
export const wordSegmenter = (): Intl.Segmenter => {
  dictionaryWords ??= new Intl.Segmenter('zh', { granularity: 'word' })
  return dictionaryWords
}
