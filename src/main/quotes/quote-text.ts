import { createRequire } from 'node:module'
import type { DiffSegment } from '@shared/contract'
import type * as Diff from 'diff'
import { hasSpecial, wordSegmenter } from '../text/scripts'
/**
 * How a quote's words are shown, exported and compared. The stored `exact` is the source's characters between the
 * quote's offsets (so offsets and selectors stay exact); a plain-text file's hard line breaks and indentation are
 * layout, not words, so they are shown and exported as one space. Paragraph breaks are kept.
 */

/** Whitespace inside a paragraph → one space; paragraph breaks (blank lines) → one blank line; trimmed. */
export function displayQuoteText(exact: string): string {
  return exact
    .split(/\n[ \t\r\f\v\u00a0]*\n\s*/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
}

/**
 * What compare and "find the same statement elsewhere" look at by default: the displayed words with typographic
 * quotes and apostrophes folded to straight ones, so ’ and ' or “ and " are never reported as a difference.
 */
export function comparableQuoteText(exact: string): string {
  return foldQuoteMarks(displayQuoteText(exact))
}

/** Typographic quote marks → straight ones, one character for one (positions stay the same). */
export function foldQuoteMarks(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
}

/**
 * Where a passage found for `quote` really ends: a word alignment stops at the last word, dropping the sentence's
 * closing punctuation ("…Debian GNU/Linux" for a quote ending "…Debian GNU/Linux."). When the quote ends a sentence
 * and the source's sentence ends right there too, the passage takes its own closing marks with it.
 */
export function extendToSentenceEnd(text: string, end: number, quote: string): number {
  if (!/[.!?\u2026]$/.test(quote.trimEnd())) return end
  const match = /^[.!?\u2026]+/.exec(text.slice(end, end + 4))
  return match ? end + match[0].length : end
}

let jsdiffModule: typeof Diff | null = null
/** jsdiff, loaded on first use: listing quotes (every search) should not load it, only a changed source does. */
const jsdiff = (): typeof Diff => {
  jsdiffModule ??= createRequire(__filename)('diff') as typeof Diff
  return jsdiffModule
}

/** Word-level segments turning `from` into `to` (jsdiff), adjacent ones of a kind merged: the "source changed" view. */
/** A letter of a script other than Latin (jsdiff's word characters are Latin only). */
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u

export function wordSegments(
  from: string,
  to: string,
  diffWords: typeof Diff.diffWords = jsdiff().diffWords,
): DiffSegment[] {
  const segments: DiffSegment[] = []
  // Chinese, Japanese and Thai have no spaces: their words come from ICU's dictionary (Intl.Segmenter), so changing
  // one character of 加强关系 marks the word 加强, not the whole clause. jsdiff's own word splitting knows only Latin
  // letters: in Arabic, Cyrillic, Greek, Hebrew, Devanagari or Hangul every letter was a word of its own, so a changed
  // ending marked single letters inside words ("задаваемы[е→й]") and Arabic words were cut apart (trial 8). Texts
  // with such letters take ICU's words too; Latin-only texts keep jsdiff's splitting.
  const options =
    hasSpecial(from) || hasSpecial(to) || NON_LATIN_LETTER.test(from) || NON_LATIN_LETTER.test(to)
      ? { intlSegmenter: wordSegmenter() }
      : {}
  for (const change of diffWords(from, to, options)) {
    const kind: DiffSegment['kind'] = change.added ? 'added' : change.removed ? 'removed' : 'same'
    const last = segments[segments.length - 1]
    if (last && last.kind === kind) last.text += change.value
    else segments.push({ text: change.value, kind })
  }
  return segments
}
