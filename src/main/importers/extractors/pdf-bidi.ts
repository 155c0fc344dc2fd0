/**
 * Right-to-left lines of a PDF in reading (logical) order. A PDF prints glyphs where they go, so a line of Arabic,
 * Persian or Hebrew comes out of the page left to right: its words, its Latin runs and its brackets in the order they
 * are printed (visual order). pdf.js reorders each text item on its own, which is right for a line set as one item
 * but not for one split into several (at every Latin run, at every word): the words came out backwards and Latin runs
 * moved. Here a whole line, in visual order, goes through the Unicode Bidirectional Algorithm (bidi-js) as poppler
 * does: right-to-left runs are reversed, Latin words and numbers inside them keep their order, and brackets printed
 * mirrored (")" opening a right-to-left parenthesis) are mirrored back.
 */

import bidiFactory from 'bidi-js'

const bidi = bidiFactory()

/** A character of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko…, their presentation forms). */
const RTL_CHAR = /[\u0590-\u08ff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}\ufb1d-\ufdff\ufe70-\ufeff]/u
const RTL_STRONG =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u
const LETTER = /\p{L}/u
const ORNATE = /[\ufd3e\ufd3f]/u

export const hasRtl = (text: string): boolean => RTL_CHAR.test(text)

/** Letters of right-to-left scripts minus other letters: positive where right-to-left text dominates. */
function rtlBalance(text: string): number {
  let balance = 0
  for (const ch of text) {
    if (RTL_STRONG.test(ch)) balance++
    else if (LETTER.test(ch)) balance--
  }
  return balance
}

/**
 * Whether a page is set right to left: right-to-left letters outnumber the others on it (an English page quoting a
 * Hebrew line is not; a Persian page quoting \usepackage is).
 */
export function isRtlPage(lines: readonly string[]): boolean {
  if (!lines.some(hasRtl)) return false // most pages: no letter-by-letter count
  let balance = 0
  for (const line of lines) balance += rtlBalance(line)
  return balance > 0
}

/**
 * A line printed left to right (visual order) in reading order. A line that mixes scripts takes its page's direction
 * (the visual order alone cannot tell "שלום hello" in a Hebrew paragraph from "hello שלום" in an English one); a line
 * of right-to-left letters (seven in ten, or more) is read right to left, unless it starts with a number in European digits at its
 * left on a page set left to right (a code listing's line number). Ornate parentheses around a verse number stay as
 * printed: Unicode mirrors them only since version 14, and text is written with them unmirrored. Lines without right-to-left letters are returned as they are. Reversed by
 * code point, which puts marks printed before their letter back after it.
 */
export function logicalLine(visual: string, rtlPage: boolean): string {
  if (!hasRtl(visual)) return visual
  // Mostly right-to-left letters (cjhebrew prints final letters with glyphs read as "M", "Z"): a right-to-left line.
  let rtlLetters = 0
  let letters = 0
  for (const ch of visual) {
    if (RTL_STRONG.test(ch)) rtlLetters++
    if (LETTER.test(ch)) letters++
  }
  const rtlOnly = rtlLetters >= 0.7 * letters
  // European digits: a listing's line number (a verse number at the left of an Arabic line is in Arabic digits).
  const numbered = /^[^\p{L}\p{N}]*[0-9]/u.test(visual)
  const base = rtlPage || (rtlOnly && !numbered) ? 'rtl' : 'ltr'
  const text = base === 'rtl' ? isolateLatinWords(visual) : visual
  const { levels } = bidi.getEmbeddingLevels(text, base)
  // Units to reorder: code points. Not grapheme clusters: a right-to-left letter's points and harakat are printed
  // before it (to its left), by TeX as by HarfBuzz, so reversing puts them back after their letter.
  const units: { text: string; level: number }[] = []
  let index = 0
  for (const segment of text) {
    const at = index
    index += segment.length
    if (segment === LRI || segment === PDI) continue
    const level = levels[at] ?? 0
    // Not the ornate parentheses around a verse number: mirrored only since Unicode 14, printed and written unmirrored.
    const mirrored =
      level % 2 === 1 && !ORNATE.test(segment) ? bidi.getMirroredCharacter(segment) : null
    units.push({ text: mirrored ?? segment, level })
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or above.
  let highest = 0
  let lowestOdd = Number.POSITIVE_INFINITY
  for (const u of units) {
    highest = Math.max(highest, u.level)
    if (u.level % 2 === 1) lowestOdd = Math.min(lowestOdd, u.level)
  }
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < units.length; i++) {
      if ((units[i]?.level ?? 0) < level) continue
      let j = i
      while (j + 1 < units.length && (units[j + 1]?.level ?? 0) >= level) j++
      reverse(units, i, j)
      i = j
    }
  }
  // Composed (NFC): a hamza printed over its alef reads as the letter one types, "أ". Arabic presentation forms
  // as their letters, once in reading order (a lam-alef glyph is two letters, lam first).
  return unfoldArabicForms(
    units
      .map((u) => u.text)
      .join('')
      .normalize('NFC'),
  )
}

/** Arabic presentation forms (contextual glyphs and ligatures, U+FB50–FDFF and U+FE70–FEFC). */
const ARABIC_FORMS = /[\ufb50-\ufdff\ufe70-\ufefc]/gu

/**
 * Arabic presentation forms as the letters they show: "ﺑﺴﻢ اﻟﻠﻪ" (the glyphs some PDFs map their text to: XePersian,
 * arabi) is "بسم الله" on screen, and a search, a quote and a citation need the letters a reader types. Latin
 * ligatures are unfolded the same way (pdf-glyphs.ts). Only these code points: NFKC on the whole line would also
 * change "²" or full-width forms the page prints.
 */
export function unfoldArabicForms(text: string): string {
  return text.replace(ARABIC_FORMS, (form) => form.normalize('NFKC'))
}

const LRI = '\u2066'
const PDI = '\u2069'
/** Punctuation that belongs to the sentence around a word rather than to the word (kept out of its isolate). */
const SENTENCE_PUNCTUATION = /[\s.,;:!?"'“”‘’«»()[\]،؛؟]/u
const LATIN_WORD = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u

/**
 * In a right-to-left line, each printed run of Latin (Greek, Cyrillic) words becomes one left-to-right isolate, so it
 * reads as printed: "(BibTeX Style)" keeps its two words in order, "\\usepackage{verbatim}" its backslash in front
 * (the algorithm alone would put the space between two Latin words, and symbols at their edges, on the
 * right-to-left side). Words without letters (numbers, dashes) between Latin words join the run; sentence
 * punctuation at its ends stays outside.
 */
function isolateLatinWords(visual: string): string {
  const tokens = visual.split(/(\s+)/u)
  const latin = (t: string): boolean => !hasRtl(t) && LATIN_WORD.test(t)
  const neutral = (t: string): boolean => !hasRtl(t) && !/\p{L}/u.test(t)
  let out = ''
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string
    if (!latin(token)) {
      out += token
      continue
    }
    // The run: from this Latin word to the last Latin word reached through spaces and words without letters.
    let last = i
    for (let j = i + 1; j < tokens.length; j++) {
      const t = tokens[j] as string
      if (latin(t)) last = j
      else if (!(/^\s+$/u.test(t) || neutral(t))) break
    }
    const run = tokens.slice(i, last + 1).join('')
    // Brackets that pair inside the run belong to it ("\\subpart[note]."): only the period stays outside.
    const paired = balanced(run)
    const outside = (ch: string): boolean =>
      SENTENCE_PUNCTUATION.test(ch) && !(paired && BRACKETS.test(ch))
    let from = 0
    let to = run.length
    while (from < to && outside(run[from] as string)) from++
    while (to > from && outside(run[to - 1] as string)) to--
    out += `${run.slice(0, from)}${LRI}${run.slice(from, to)}${PDI}${run.slice(to)}`
    i = last
  }
  return out
}

const BRACKETS = /[()[\]]/u
const count = (text: string, ch: string): number => text.split(ch).length - 1
/** Each of its brackets has its partner: "(BibTeX Style)", "\\subpart[note]" (not "note)"). */
const balanced = (text: string): boolean =>
  BRACKETS.test(text) &&
  count(text, '(') === count(text, ')') &&
  count(text, '[') === count(text, ']')

function reverse<T>(items: T[], from: number, to: number): void {
  for (let i = from, j = to; i < j; i++, j--) [items[i], items[j]] = [items[j] as T, items[i] as T]
}
