/**
 * The one folding and tokenizing rule of Lectern search, identical to the FTS5 index's
 * `unicode61 remove_diacritics 2` (the table is measured from SQLite, see tools/gen-unicode61-table.ts).
 * The query parser, the passage highlighter and find-in-document all tokenize through here, so "Café", "cafe" and
 * "CAFÉ" are one term everywhere, and an apostrophe (' or ’) splits words exactly as it does in the index.
 */

import {
  foldCodePoint,
  REMOVED as removed,
  SEPARATOR as separator,
  bmp as sharedBmp,
} from './code-points'
import { searchBmp, startsArabic, stripArabicPrefix } from './script-folds'
import {
  isBigramClass,
  needsSplitting,
  ScriptClass,
  scriptClass,
  splitToken,
  wrapInsideWord,
} from './scripts'

// Module-local copies for the per-character loops: where modules are loaded one by one (tsx, vitest), an imported
// binding is read through a getter at every use, which made tokenizing (and so every search's passages) slower.
const bmp = sharedBmp
// The search's folding (unicode61's plus Greek and Arabic-script folds, script-folds.ts) for characters beyond ASCII.
const search = searchBmp
const REMOVED = removed
const SEPARATOR = separator

export { foldCodePoint }

/** One indexed word: its folded form and where it sits in the original text (UTF-16 offsets, end exclusive). */
export type Token = { term: string; start: number; end: number }

/**
 * Split text into folded terms with their offsets, exactly as the FTS5 index does (forEachToken streams them).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  forEachToken(text, (term, start, end) => {
    out.push({ term, start, end })
  })
  return out
}

/**
 * Streaming form of tokenize: no array, no Token objects. Pure-ASCII words (most of most texts) are sliced from the
 * input instead of being rebuilt code point by code point, which keeps this at ~150 MB/s.
 */
export function forEachToken(
  text: string,
  onToken: (term: string, start: number, end: number) => void,
): void {
  const length = text.length
  let codes: number[] | null = null // folded code points, once the current word has left ASCII
  let done = '' // folded text of a very long word flushed from `codes`, so fromCodePoint's argument list stays small
  let upper = false
  let special = false // the word holds a character of a script without spaces or a width form (scripts.ts)
  let start = -1
  let i = 0
  const emit = (end: number) => {
    if (special) splitToken(text, start, end, onToken)
    else if (codes) {
      let term = done + String.fromCodePoint(...codes)
      if (startsArabic(term)) term = stripArabicPrefix(term, text, start, end)
      if (term.length > 0) onToken(term, start, end)
    } else {
      const word = text.slice(start, end)
      onToken(upper ? word.toLowerCase() : word, start, end)
    }
    codes = null
    done = ''
    upper = false
    special = false
    start = -1
  }
  while (i < length) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) {
      const folded = bmp[unit] ?? SEPARATOR
      if (folded === SEPARATOR) {
        if (start >= 0) {
          // A hard line wrap inside a Chinese, Japanese or Thai word is not a word break (scripts.ts).
          const after = special ? wrapInsideWord(text, i) : -1
          if (after > 0) {
            i = after
            continue
          }
          emit(i)
        }
      } else {
        if (start < 0) start = i
        if (codes) codes.push(folded)
        else if (folded !== unit) upper = true
      }
      i++
      continue
    }
    let cp = unit
    let width = 1
    if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)
        width = 2
      }
    }
    // A lone surrogate is not text.
    let folded =
      cp < 0x10000
        ? cp >= 0xd800 && cp < 0xe000
          ? SEPARATOR
          : (search[cp] ?? SEPARATOR)
        : foldCodePoint(cp)
    // unicode61 splits Thai, Lao, Khmer and Myanmar words at their vowel and tone marks: keep them inside the word
    // (scripts.ts drops them from the term, as it does accents).
    if (folded === SEPARATOR && start >= 0 && scriptClass(cp) === ScriptClass.Words)
      folded = REMOVED
    if (folded === SEPARATOR) {
      if (start >= 0) emit(i)
    } else {
      if (start < 0) start = i
      if (!special && needsSplitting(cp)) special = true
      if (!codes) {
        codes = []
        for (let k = start; k < i; k++) codes.push(bmp[text.charCodeAt(k)] ?? 0)
      }
      if (folded !== REMOVED) codes.push(folded)
      if (codes.length > 4096) {
        done += String.fromCodePoint(...codes)
        codes = []
      }
    }
    i += width
  }
  if (start >= 0) emit(length)
}

/**
 * The terms of a query word or phrase. A Han or kana run is indexed as bigrams plus its last character alone
 * (scripts.ts); a query's last run may continue in the document, so its lone last character is dropped after
 * bigrams, and a one-character run becomes a prefix (`史` finds the bigrams 史X and a final 史).
 */
export function queryTerms(text: string): { terms: string[]; openEnd: boolean } {
  const found = tokenize(text)
  const last = found[found.length - 1]
  const before = found[found.length - 2]
  let openEnd = false
  if (last && last.term.length <= 2 && [...last.term].length === 1) {
    const cp = last.term.codePointAt(0) ?? 0
    if (isBigramClass(scriptClass(cp))) {
      if (before && before.end === last.end) found.pop()
      else openEnd = true
    }
  }
  return { terms: found.map((t) => t.term), openEnd }
}

/** The folded terms of a string, in order. */
export function terms(text: string): string[] {
  const out: string[] = []
  forEachToken(text, (term) => {
    out.push(term)
  })
  return out
}

/** Fold a string the index's way but keep its non-token characters (for comparing tag names, languages…). */
export function foldLoose(text: string): string {
  return terms(text).join(' ')
}

/** Whether the code point at `i` (or the surrogate pair ending/starting there) is part of a word for the index. */
export function isWordAt(text: string, i: number, backwards = false): boolean {
  if (i < 0 || i >= text.length) return false
  let cp = text.charCodeAt(i)
  if (cp < 0x80) return (bmp[cp] ?? SEPARATOR) !== SEPARATOR
  if (backwards && cp >= 0xdc00 && cp < 0xe000 && i > 0) {
    const high = text.charCodeAt(i - 1)
    if (high >= 0xd800 && high < 0xdc00) cp = 0x10000 + ((high - 0xd800) << 10) + (cp - 0xdc00)
  } else if (!backwards && cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1)
    if (low >= 0xdc00 && low < 0xe000) cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00)
  }
  if (cp >= 0xd800 && cp < 0xe000) return false
  return (cp < 0x10000 ? (searchBmp[cp] ?? SEPARATOR) : foldCodePoint(cp)) !== SEPARATOR
}

/** 1 for BMP characters beyond ASCII that fold into ASCII or vanish; built on first use (~65k lookups). */
let intoAscii: Uint8Array | null = null

function intoAsciiTable(): Uint8Array {
  if (intoAscii) return intoAscii
  const table = new Uint8Array(0x10000)
  table.fill(1, 0xd800, 0xe000) // surrogates: astral text takes the careful path
  table.fill(1, 0xff01, 0xff5f) // full-width ASCII (ＡＢＣ１２３) is searched as ASCII (scripts.ts)
  // Lower-case the BMP in blocks of 256 (one call each); a block holding a character whose lower case is longer
  // (İ → i̇) is checked one character at a time.
  for (let base = 0x80; base < 0x10000; base += 256) {
    const end = Math.min(0x10000, base + 256)
    let block = ''
    for (let cp = base; cp < end; cp++)
      block += cp >= 0xd800 && cp < 0xe000 ? ' ' : String.fromCharCode(cp)
    const lowerBlock = block.toLowerCase()
    const aligned = lowerBlock.length === block.length
    for (let cp = base; cp < end; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue
      const folded = search[cp] ?? SEPARATOR
      let lowerIsAscii: boolean
      if (aligned) lowerIsAscii = lowerBlock.charCodeAt(cp - base) < 0x80
      else {
        const lower = String.fromCharCode(cp).toLowerCase()
        lowerIsAscii = lower.length !== 1 || lower.charCodeAt(0) < 0x80
      }
      if (folded === REMOVED || (folded >= 0 && folded < 0x80) || lowerIsAscii) table[cp] = 1
    }
  }
  intoAscii = table
  return table
}

/**
 * Whether `text` holds a character beyond ASCII that folds into ASCII or vanishes (é, Å, İ, combining accents, the
 * Kelvin sign, anything astral). A text free of them can be searched for ASCII words with `toLowerCase()` + `indexOf`
 * (passages.ts does: ~10× faster than tokenizing), since every ASCII letter of the folded text is then an ASCII letter
 * of the original at the same offset.
 */
export function foldsIntoAscii(text: string): boolean {
  const table = intoAsciiTable()
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x80 && table[c] === 1) return true
  }
  return false
}
