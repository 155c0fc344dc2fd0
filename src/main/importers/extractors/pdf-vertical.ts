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
 * Ruby beside the columns is left out after the turn, as in horizontal text (pdf-ruby.ts).
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
 * Latin letters, digits and formulas set across a column (横組み in 縦組み: pTeX turns them a quarter clockwise, so
 * they read down the page), as a vertical run: pdf.js gives them as horizontal text turned by their matrix, and they
 * had come out after the page's columns, a line per piece ("表面積", "= 4 πr", "2", ")"), where the column read
 * "△△ △△ 版". Their baseline lies left of the column's middle by about a third of their size (the letters stand to
 * its right); `x` is where the turned run starts down the page.
 */
export function turnAcross<R extends PositionedRun>(run: R, pageTop: number): R {
  return { ...run, x: pageTop - run.y, y: run.x + 0.35 * run.size, vertical: true }
}

/** A text matrix turned a quarter clockwise (text reading down the page), as pTeX sets Latin in a column. */
export const readsDown = (m: number[]): boolean => {
  const [a = 0, b = 0, c = 0, d = 0] = m
  return Math.abs(a) < 1e-3 * Math.abs(b) && Math.abs(d) < 1e-3 * Math.abs(c) && b < 0 && c > 0
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
