/**
 * Vertical writing (縦書き) and ruby (振り仮名) in PDFs.
 *
 * pdf.js gives text set in a vertical font as runs with `dir: 'ttb'`, each at the top of its first glyph, advancing
 * down the page; columns are read right to left. Laid out by the horizontal rules, a page of vertical Japanese came
 * out as characters of neighbouring columns interleaved ("のの杞き杞は後のの版面の…" for "君子は和して同ぜず。"):
 * nothing on it could be found or quoted. Here a vertical run is turned a quarter so its column becomes a line:
 * distance from the page's top → x, the column's x → y (the rightmost column is read first, as the topmost line
 * is), its advance → width. The horizontal rules (fragments, lines, paragraphs) then read columns in order.
 *
 * Ruby, the small kana printed beside a word to give its reading, sits on its own baseline next to the word (above
 * it in horizontal text, to its right in vertical text). Read as text, the readings were interleaved with the words
 * they gloss ("君くん子し は"), so a phrase was never found whole. The reading is a gloss, not the text: like a
 * copy from a Japanese reader app, it is left out and the base text kept whole.
 */

import type { PageFlow } from './pdf-page-flow'

/** The part of a positioned run this module needs (pdf.ts's Run). */
export type PositionedRun = {
  str: string
  x: number
  y: number
  width: number
  size: number
  vertical: boolean
}

/** A vertical run turned into a horizontal one: see the header. `pageTop` is the page's top edge (y of its box). */
export function turnVertical<R extends PositionedRun>(run: R, advance: number, pageTop: number): R {
  return { ...run, str: horizontalForms(run.str), x: pageTop - run.y, y: run.x, width: advance }
}

/**
 * Vertical presentation forms (U+FE10–FE19, U+FE30–FE48) as the punctuation they are: a vertical font's /ToUnicode
 * often maps its rotated glyphs to them ("同ぜず︒"), which then show as a raised circle in horizontal text and never
 * match "同ぜず。" in a search or a quote. The glyph on the page is the full stop; the text keeps the character.
 * (NFKC would turn brackets into ASCII ones; Japanese text prints the full-width forms.)
 */
const HORIZONTAL_FORMS: Record<string, string> = {
  '\uFE10': '，',
  '\uFE11': '、',
  '\uFE12': '。',
  '\uFE13': '：',
  '\uFE14': '；',
  '\uFE15': '！',
  '\uFE16': '？',
  '\uFE17': '〖',
  '\uFE18': '〗',
  '\uFE19': '…',
  '\uFE30': '‥',
  '\uFE31': '—',
  '\uFE32': '–',
  '\uFE35': '（',
  '\uFE36': '）',
  '\uFE37': '｛',
  '\uFE38': '｝',
  '\uFE39': '〔',
  '\uFE3A': '〕',
  '\uFE3B': '【',
  '\uFE3C': '】',
  '\uFE3D': '《',
  '\uFE3E': '》',
  '\uFE3F': '〈',
  '\uFE40': '〉',
  '\uFE41': '「',
  '\uFE42': '」',
  '\uFE43': '『',
  '\uFE44': '』',
  '\uFE47': '［',
  '\uFE48': '］',
}
const VERTICAL_FORM = /[\uFE10-\uFE19\uFE30-\uFE32\uFE35-\uFE44\uFE47\uFE48]/g

export function horizontalForms(text: string): string {
  return text.replace(VERTICAL_FORM, (form) => HORIZONTAL_FORMS[form] ?? form)
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
 */
export function withoutRuby<R extends PositionedRun>(runs: R[]): R[] {
  if (runs.length > MAX_RUNS) return runs
  const candidates = runs.filter((r) => KANA_ONLY.test(r.str) && r.str.trim() !== '')
  if (candidates.length === 0) return runs
  const bases = runs.filter((r) => GLOSSED.test(r.str))
  const ruby = new Set<R>()
  for (const r of candidates) {
    for (const b of bases) {
      if (b === r || r.size > RUBY_SHARE * b.size) continue
      const rise = r.y - b.y
      if (rise < 0.4 * b.size || rise > 1.5 * b.size) continue
      if (r.x < b.x + b.width && r.x + r.width > b.x) {
        ruby.add(r)
        break
      }
    }
  }
  return ruby.size === 0 ? runs : runs.filter((r) => !ruby.has(r))
}

/**
 * One page's flow from its parts in reading order (the horizontal text above a vertical block, the block, the
 * horizontal text below it), each laid out on its own: a blank line between parts, the first part's first line and
 * the last part's last line for the page-break join.
 */
export function joinFlows(parts: PageFlow[]): PageFlow {
  const kept = parts.filter((flow) => flow.text)
  if (kept.length === 0) return parts[0] ?? { text: '', first: null, last: null }
  return {
    text: kept.map((flow) => flow.text).join('\n\n'),
    first: (kept[0] as PageFlow).first,
    last: (kept[kept.length - 1] as PageFlow).last,
  }
}
