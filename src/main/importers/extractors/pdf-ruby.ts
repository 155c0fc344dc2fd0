/**
 * Ruby (振り仮名) in PDFs, horizontal and vertical: the small kana printed beside a word to give its reading, on
 * their own baseline (above the word in horizontal text, to its right in vertical text, which pdf-vertical.ts has
 * turned into a line by then). Read as text, the readings were interleaved with the words they gloss ("君くん子し
 * は"), so a phrase was never found whole. The reading is a gloss, not the text: like a copy from a Japanese reader
 * app, and like the HTML, EPUB and DOCX importers (which skip <rt>), it is left out and the base text kept whole.
 *
 * Leaving the reading out is not enough for the line it sat on:
 * - pdf.js ends a line wherever the baseline changes, so its line-break items stand between each reading and its
 *   word; with the reading gone they cut the base line into pieces at every glossed word, and a page of ruby
 *   (pxrubrica's test-toc.pdf) was read as a two-column page, half lines out of order.
 * - a reading longer than its word spreads the word's characters apart ("国 会" under "こくくわい"); the gap became a
 *   space no reader sees as one, and "国会" was not found.
 */

/** The part of a positioned run this module needs (pdf.ts's Run). `eol`: pdf.js ended a line after it. */
export type RubyRun = {
  str: string
  x: number
  y: number
  width: number
  size: number
  eol?: boolean
  /** Set on a word readings were printed over: the readings' type size (the room they took above its line). */
  ruby?: number
}

/** Readings: kana only (with the long-vowel mark and middle dot). */
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s]+$/u
/** A word readings are printed beside: holds kanji (or kana: readings over katakana loanwords exist too). */
const GLOSSED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
/** Ruby is set at about half the base size (JIS X 4051: 1/2); anything above this share is no reading. */
const RUBY_SHARE = 0.65
/** Pages with more runs than this are not searched for ruby (a quadratic pass). */
const MAX_RUNS = 20_000

/**
 * The runs without ruby: a kana-only run in type at most RUBY_SHARE of a run it lies beside, on a baseline between
 * 0.4 and 1.5 of that run's size above it (in turned coordinates for vertical text), overlapping it along the line.
 * The word it glosses keeps the readings' size (`ruby`: pdf.ts allows for the room they took above its line). The
 * line breaks and spaces pdf.js put beside a dropped reading go with it when the text on both sides shares a
 * baseline (the reading was all that left the line); the gaps a reading spread into its word are closed.
 */
export function withoutRuby<R extends RubyRun>(runs: R[]): R[] {
  if (runs.length > MAX_RUNS) return runs
  const candidates = runs.filter((r) => KANA_ONLY.test(r.str) && r.str.trim() !== '')
  if (candidates.length === 0) return runs
  const bases = runs.filter((r) => GLOSSED.test(r.str))
  const ruby = new Set<R>()
  // Each glossed word and the size of its readings.
  const glossed = new Map<R, number>()
  for (const r of candidates) {
    // The word it glosses: of the words below it, the one it overlaps most (a reading wider than its word
    // overhangs the word before).
    let word: R | undefined
    let most = 0
    for (const b of bases) {
      if (b === r || r.size > RUBY_SHARE * b.size) continue
      const rise = r.y - b.y
      if (rise < 0.4 * b.size || rise > 1.5 * b.size) continue
      const overlap = Math.min(r.x + r.width, b.x + b.width) - Math.max(r.x, b.x)
      if (overlap > most) [word, most] = [b, overlap]
    }
    if (word) {
      ruby.add(r)
      glossed.set(word, Math.max(glossed.get(word) ?? 0, r.size))
    }
  }
  if (ruby.size === 0) return runs
  const readings = [...ruby]
  const kept: R[] = []
  for (const [i, run] of runs.entries()) {
    if (ruby.has(run)) continue
    // pdf.js's line breaks and spaces beside a reading are where its baseline left the line: the gap, if any, is
    // measured again between the words (pdf.ts's toFragments).
    if (
      run.str.trim() === '' &&
      besideReading(runs, ruby, i) &&
      sameLineAround(runs, ruby, kept, i)
    )
      continue
    const size = glossed.get(run)
    kept.push(size === undefined ? run : { ...closeSpreadGaps(run, readings), ruby: size })
  }
  closeGapsBetween(kept, readings)
  return kept
}

/**
 * Words on one baseline with a reading over the gap between them: the reading (wider than its word) pushed them
 * apart, there is no space in the text. The earlier word is widened to meet the next, so no space is measured.
 */
function closeGapsBetween<R extends RubyRun>(runs: R[], readings: RubyRun[]): void {
  let prev = -1
  for (const [i, run] of runs.entries()) {
    if (run.str.trim() === '') continue
    const at = prev
    const before = runs[at]
    prev = i
    if (!before || Math.abs(before.y - run.y) > 0.35 * Math.max(before.size, run.size)) continue
    const end = before.x + before.width
    const gap = run.x - end
    if (gap <= 0 || gap > 1.5 * run.size) continue
    if (!JAPANESE_END.test(before.str) || !JAPANESE_START.test(run.str)) continue
    if (!overRead(readings, end + gap / 2, run)) continue
    runs[at] = { ...before, width: run.x - before.x }
  }
}

const JAPANESE_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u
const JAPANESE_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

/** A reading stands over x, above `base`'s line. */
const overRead = (readings: RubyRun[], x: number, base: RubyRun): boolean =>
  readings.some(
    (r) =>
      r.x < x &&
      x < r.x + r.width &&
      r.y - base.y >= 0.4 * base.size &&
      r.y - base.y <= 1.5 * base.size,
  )

/** The text next to runs[i] on either side (blanks skipped) is a reading. */
function besideReading<R extends RubyRun>(runs: R[], ruby: Set<R>, i: number): boolean {
  for (const step of [-1, 1]) {
    let k = i + step
    while (k >= 0 && k < runs.length && (runs[k] as R).str.trim() === '') k += step
    const r = runs[k]
    if (r && ruby.has(r)) return true
  }
  return false
}

/** The text kept before runs[i] and the next text after it (readings skipped) stand on one baseline. */
function sameLineAround<R extends RubyRun>(runs: R[], ruby: Set<R>, kept: R[], i: number): boolean {
  let before: R | undefined
  for (let k = kept.length - 1; k >= 0 && !before; k--)
    if ((kept[k] as R).str.trim() !== '') before = kept[k]
  let after: R | undefined
  for (let k = i + 1; k < runs.length && !after; k++) {
    const r = runs[k] as R
    if (!ruby.has(r) && r.str.trim() !== '') after = r
  }
  if (!before || !after) return false
  return Math.abs(before.y - after.y) <= 0.35 * Math.max(before.size, after.size)
}

/** A character set a full em wide in Japanese type (kanji, kana, full-width punctuation and forms). */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fc\uff01-\uff60]/u
const SPREAD_GAP =
  /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu

/**
 * A glossed word's spaces between two Japanese characters, where a reading stands over the gap: the reading was wider
 * than the word and spread it ("国 会"), there is no space in the text. Only in runs of full-width characters, whose
 * gaps can be placed (each character an em, the rest of the width shared by the gaps).
 */
function closeSpreadGaps<R extends RubyRun>(run: R, readings: RubyRun[]): R {
  const gaps = [...run.str.matchAll(SPREAD_GAP)]
  if (gaps.length === 0) return run
  const chars = [...run.str.replace(/\s+/g, '')]
  if (!chars.every((c) => WIDE.test(c))) return run
  const gapWidth = (run.width - chars.length * run.size) / gaps.length
  if (gapWidth <= 0) return run
  let text = ''
  let from = 0
  let before = 0 // gaps before the current one
  for (const gap of gaps) {
    const at = gap.index ?? 0
    const charsBefore = [...run.str.slice(0, at).replace(/\s+/g, '')].length
    const middle = run.x + charsBefore * run.size + (before + 0.5) * gapWidth
    text += run.str.slice(from, at) + (overRead(readings, middle, run) ? '' : gap[0])
    from = at + gap[0].length
    before++
  }
  return { ...run, str: text + run.str.slice(from) }
}
