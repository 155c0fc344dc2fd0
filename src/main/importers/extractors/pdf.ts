/**
 * PDF via pdf.js (legacy build for Node; STACK.md §7.1, SECURITY.md §2): never eval, never scripting, no XFA.
 * Text per page with page boundaries (pageStarts), lines rebuilt from item positions, two-column pages read column
 * by column, hyphenated line breaks joined, paragraphs separated by blank lines. Running headers, footers and page
 * numbers repeated across pages leave the text flow and are kept per page (pageMeta: removed lines, printed label from
 * /PageLabels or the page number seen, page size); the PDF outline becomes the toc with pages. Title/Author/CreationDate
 * from the info dictionary and XMP. A PDF without a text layer is imported with a "no text layer (scanned?)" warning.
 */

import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { joinsWithoutSpace } from '../../text/scripts'
import { ImportError } from '../errors'
import { normaliseLanguage } from '../html-metadata'
import { splitAuthors } from '../metadata/authors'
import { applyPdfMetadata, footnoteMark } from '../metadata/pdf-first-page'
import { repairUtf8AsPdfDoc } from '../metadata/pdf-info-string'
import { oneLine } from '../normalise'
import type { ExtractedDocument, PageMeta } from '../types'
import { blankDocument, type Extractor, guessCitationType } from './common'
import { hasRtl, isRtlPage, logicalLine } from './pdf-bidi'
import { composeAccents, unfoldLigatures } from './pdf-glyphs'
import { placeOutline, readOutline, readPageLabels } from './pdf-outline'
import { type EdgeLine, type PageFlow, pageJoin } from './pdf-page-flow'
import { withoutRuby } from './pdf-ruby'
import { findRunningLines, type PositionedLine } from './pdf-running-lines'
import { lowerSmallCapitals } from './pdf-small-capitals'
import { joinFlows, readsDown, turnAcross, turnVertical } from './pdf-vertical'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjs: Promise<PdfJs> | null = null
const loadPdfJs = (): Promise<PdfJs> => {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjs
}

/** pdf.js's data folders (CMaps for CJK text, standard font metrics), resolved from the installed package. */
function pdfjsData(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'))
    return { cMapUrl: join(root, 'cmaps/'), standardFontDataUrl: join(root, 'standard_fonts/') }
  } catch {
    return {}
  }
}

/** One positioned run of text, as pdf.js gives it (font: pdf.js's id of the loaded font, one per PDF font). */
type Run = {
  str: string
  x: number
  y: number
  width: number
  size: number
  eol: boolean
  font: string
  /** Set in a vertical font (pdf-vertical.ts): its coordinates are turned so its column reads as a line. */
  vertical: boolean
  /** Readings (ruby) were printed over it, in this type size: they were left out (pdf-ruby.ts). */
  ruby?: number
}

/**
 * Runs on one baseline with small gaps between them. size: the largest type; textSize: the size most characters are
 * set in; fonts: every font the runs were set in; font: the one most characters were set in (the first page's layout
 * tells a title from a byline in the title's size by them: "趙CHO, 珍JIN 煥HWAN" has only its Hanja in that size).
 */
type Fragment = {
  text: string
  x: number
  right: number
  y: number
  size: number
  textSize: number
  font: string
  fonts: string[]
  /**
   * The text without the footnote marks set raised in it ("介绍" where `text` reads "介绍1"), when it holds any: what
   * the first page's title and names are read from. The page's text keeps the marks, as printed.
   */
  unmarked?: string
  /** The largest type of the readings (ruby) printed over it and left out (pdf-ruby.ts). */
  ruby?: number
}

type TextItem = {
  str?: unknown
  transform?: number[]
  width?: number
  height?: number
  hasEOL?: boolean
  fontName?: unknown
  dir?: unknown
  /** The item's text in printed (visual) order, where pdf.js reordered it (our patch of pdf.js's worker). */
  visual?: unknown
}

/**
 * Positioned runs of a page, ligature code points unfolded (so "ﬁnd" is found by "find"), capitals that stand for
 * lower-case letters (faked small capitals, the TeX logos) lower-cased.
 */
function toRuns(items: unknown[], pageTop: number): Run[] {
  const runs: Run[] = []
  // Text turned to read down the page is part of a column only on a page set vertically.
  const columns = items.some((item) => (item as TextItem).dir === 'ttb')
  for (const item of items) {
    const it = item as TextItem
    if (typeof it.str !== 'string' || !Array.isArray(it.transform)) continue
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = it.transform
    const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 10
    // Right-to-left text stays in printed order here: whole lines are put in reading order (pdf-bidi.ts).
    // A zero-width space is no text (cjhebrew's "endofword" glyph ends each Hebrew word with one).
    const str = markBeforeLetter(
      unfoldLigatures(typeof it.visual === 'string' ? it.visual : it.str).replace(/\u200b/g, ''),
    )
    const font = typeof it.fontName === 'string' ? it.fontName : ''
    const run: Run = {
      str,
      x: e,
      y: f,
      width: it.width ?? 0,
      size,
      eol: it.hasEOL === true,
      font,
      vertical: false,
    }
    runs.push(
      it.dir === 'ttb'
        ? turnVertical({ ...run, vertical: true }, it.height ?? 0, pageTop)
        : columns && readsDown(it.transform)
          ? turnAcross(run, pageTop)
          : run,
    )
  }
  lowerSmallCapitals(runs)
  return runs
}

/**
 * Fragments grouped by baseline, top to bottom: the lines running headers and footers are looked for in (in reading
 * order: rtl, the page is set right to left).
 */
function edgeLines(
  fragments: Fragment[],
  rtl: boolean,
): { lines: PositionedLine[]; lineOf: number[] } {
  const order = fragments
    .map((_, i) => i)
    .sort((p, q) => {
      const a = fragments[p] as Fragment
      const b = fragments[q] as Fragment
      return b.y - a.y || a.x - b.x
    })
  const lines: (PositionedLine & { parts: Fragment[] })[] = []
  const lineOf: number[] = new Array(fragments.length).fill(-1)
  for (const i of order) {
    const f = fragments[i] as Fragment
    const last = lines[lines.length - 1]
    if (last && Math.abs(last.y - f.y) <= 0.35 * Math.max(f.size, last.size)) {
      last.parts.push(f)
      last.size = Math.max(last.size, f.size)
    } else lines.push({ text: '', y: f.y, size: f.size, parts: [f] })
    lineOf[i] = lines.length - 1
  }
  for (const line of lines)
    line.text = logicalLine(
      line.parts
        .sort((a, b) => a.x - b.x)
        .map((p) => p.text.trim())
        .join(' '),
      rtl,
    )
  return { lines, lineOf }
}

/** A fragment ending in one of TeX's spacing accents (composed with its letter by composeAccents). */
const ACCENT_END = /[¨´ˆ˜¯˘˙˚˝ˇ]$/

/** One right-to-left letter with its marks (LuaTeX's Arabic, glyph by glyph). */
const RTL_CLUSTER = /^(\p{L})(\p{M}+)$/u

/**
 * A right-to-left letter given alone with its marks after it ("دَ"), in the printed order of a line whose letters
 * come one item each: its marks go first, as TeX and HarfBuzz print them in every other line, so the line's reversal
 * into reading order (pdf-bidi.ts) leaves each mark after its letter ("دَجَاجَةُ", not "َدَجاَجُة").
 */
function markBeforeLetter(text: string): string {
  const cluster = hasRtl(text) ? RTL_CLUSTER.exec(text) : null
  return cluster ? `${cluster[2]}${cluster[1]}` : text
}

/**
 * A right-to-left run written just left of the fragment so far, on its baseline: LuaTeX sets Arabic glyph by glyph,
 * right to left, and each glyph had become a fragment of its own ("دَ جَ ا جَ ةُ"). Only between runs holding
 * right-to-left letters, so a left-to-right line's overprints and margin notes never join this way.
 */
function continuesLeftwards(current: Fragment, run: Run): boolean {
  const size = Math.max(run.size, current.size)
  const right = run.x + run.width
  return (
    Math.abs(run.y - current.y) <= Math.max(1, 0.35 * size) &&
    right <= current.x + 0.5 * size &&
    current.x - right <= 1.5 * size &&
    hasRtl(run.str) &&
    hasRtl(current.text)
  )
}

/** Group runs (in content-stream order) into fragments: same baseline, gaps under ~1.5 em. */
function toFragments(runs: Run[]): Fragment[] {
  const fragments: Fragment[] = []
  let current: Fragment | null = null
  // Characters per font and per size in the current fragment, for its main font and size.
  let perFont = new Map<string, number>()
  let perSize = new Map<number, number>()
  const count = (run: Run): void => {
    const n = (perFont.get(run.font) ?? 0) + run.str.length
    perFont.set(run.font, n)
    const m = (perSize.get(run.size) ?? 0) + run.str.length
    perSize.set(run.size, m)
    if (!current) return
    if (!current.fonts.includes(run.font)) current.fonts.push(run.font)
    if (n > (perFont.get(current.font) ?? 0)) current.font = run.font
    if (m > (perSize.get(current.textSize) ?? 0)) current.textSize = run.size
  }
  let breakNext = false
  // The current fragment grows leftwards: right-to-left glyphs written one by one (LuaTeX's Arabic).
  let growsLeft = false
  for (const run of runs) {
    if (run.str.trim().length === 0) {
      // pdf.js bridges gaps with space items as wide as the gap (even across columns): note the space, keep geometry.
      if (run.eol) breakNext = true
      else if (current && growsLeft && !current.text.startsWith(' ') && run.str.length > 0)
        current.text = ` ${current.text}`
      else if (current && !current.text.endsWith(' ') && run.str.length > 0) {
        current.text += ' '
        if (current.unmarked !== undefined && !current.unmarked.endsWith(' '))
          current.unmarked += ' '
      }
      continue
    }
    const size = run.size
    if (current && !breakNext && continuesLeftwards(current, run)) {
      // Kept in printed (visual) order, as every fragment is: the line is put in reading order later (pdf-bidi.ts).
      const gap = current.x - (run.x + run.width)
      const needsSpace =
        gap > 0.15 * size && !current.text.startsWith(' ') && !run.str.endsWith(' ')
      current.text = run.str + (needsSpace ? ' ' : '') + current.text
      current.x = Math.min(current.x, run.x)
      current.size = Math.max(current.size, size)
      growsLeft = true
      count(run)
      breakNext = run.eol
      continue
    }
    if (
      current &&
      !breakNext &&
      Math.abs(run.y - current.y) <= Math.max(1, 0.35 * Math.max(size, current.size)) &&
      // Kerned back by up to half an em of the larger type (the LaTeX logo's small "A" tucks under its "L"), by more
      // after a spacing accent, which TeX prints over the letter that follows it.
      run.x >=
        current.right -
          (ACCENT_END.test(current.text) ? 1.2 : 0.5) * Math.max(size, current.size) &&
      run.x - current.right <= 1.5 * Math.max(size, current.size)
    ) {
      const gap = run.x - current.right
      const needsSpace =
        gap > 0.15 * size && !current.text.endsWith(' ') && !run.str.startsWith(' ')
      if (footnoteMark(run.str, run.size, run.y - current.y, current.textSize))
        current.unmarked ??= current.text
      else if (current.unmarked !== undefined) current.unmarked += (needsSpace ? ' ' : '') + run.str
      current.text += (needsSpace ? ' ' : '') + run.str
      current.right = Math.max(current.right, run.x + run.width)
      current.size = Math.max(current.size, size)
      if (run.ruby) current.ruby = Math.max(current.ruby ?? 0, run.ruby)
      count(run)
    } else {
      if (current) current.text = current.text.trim()
      growsLeft = false
      current = {
        text: run.str,
        x: run.x,
        right: run.x + run.width,
        y: run.y,
        size,
        textSize: size,
        font: run.font,
        fonts: [run.font],
        ...(run.ruby ? { ruby: run.ruby } : {}),
      }
      perFont = new Map([[run.font, run.str.length]])
      perSize = new Map([[size, run.str.length]])
      fragments.push(current)
    }
    breakNext = run.eol
  }
  return fragments.filter((f) => f.text.trim().length > 0)
}

/**
 * Reading order. Single-column pages keep the content-stream order (authoring tools write it in reading order).
 * When many fragments sit wholly in the left half and many wholly in the right half, the page has two columns:
 * read top-down, and between full-width blocks read the left column, then the right one.
 */
function readingOrder(fragments: Fragment[], pageWidth: number, rtl: boolean): Fragment[] {
  if (fragments.length < 10) return fragments
  const mid = pageWidth / 2
  const left = fragments.filter((f) => f.right <= mid + 2)
  const right = fragments.filter((f) => f.x >= mid - 2)
  const share = fragments.length * 0.25
  if (left.length < Math.max(5, share) || right.length < Math.max(5, share)) return fragments
  const byTop = [...fragments].sort((p, q) => q.y - p.y || p.x - q.x)
  const ordered: Fragment[] = []
  let leftBlock: Fragment[] = []
  let rightBlock: Fragment[] = []
  const flush = (): void => {
    // A page set right to left reads its right column first.
    if (rtl) ordered.push(...rightBlock, ...leftBlock)
    else ordered.push(...leftBlock, ...rightBlock)
    leftBlock = []
    rightBlock = []
  }
  for (const f of byTop) {
    if (f.right <= mid + 2) leftBlock.push(f)
    else if (f.x >= mid - 2) rightBlock.push(f)
    else {
      flush()
      ordered.push(f)
    }
  }
  flush()
  return ordered
}

/** A list item or numbered line, a table-of-contents line with dot leaders: each opens a block. */
const OPENS_BLOCK = /^(?:[•●▪◦‣∙*–-]\s|\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s|\(?[a-z][.)]\s)/
/** A full stop or mark of CJK type ending a sentence. */
const CJK_SENTENCE_END = /[。！？]$/
const DOT_LEADERS = /(?:\.\s?){4,}\s*\w+$/

/** One visual line of a page: fragments on one baseline, close together, left to right. */
type Line = {
  text: string
  y: number
  x: number
  right: number
  size: number
  /** Characters per font (for its main font) and every font it uses. */
  perFont: Map<string, number>
  /** Another line on its baseline, far to its left or right: one cell of a table row. */
  inRow: boolean
  /** Its left neighbour on the baseline is the line before it in reading order (the previous cell of its row). */
  afterCell: boolean
  /** The next flowed line goes on in its paragraph (set once the page's blocks are known). */
  continued: boolean
  /** A cell set off its row's baseline (centred against a neighbour of several lines): its text may wrap below. */
  offCell: boolean
  /** The type size of readings (ruby) printed over it and left out: they took room above it (pdf-ruby.ts). */
  ruby: number
}

/** Count a fragment's characters to its main font, and note the other fonts it uses. */
function addFonts(perFont: Map<string, number>, f: Fragment): Map<string, number> {
  for (const font of f.fonts) if (!perFont.has(font)) perFont.set(font, 0)
  perFont.set(f.font, (perFont.get(f.font) ?? 0) + f.text.length)
  return perFont
}

/** The font most of a line's characters are set in. */
function mainFont(line: Line): string {
  let font = ''
  let most = 0
  for (const [f, n] of line.perFont) if (n > most) [font, most] = [f, n]
  return font
}

/** The most frequent value (rounded to 1 pt) of a list, weighted; NaN for none. */
function mode(values: [number, number][]): number {
  const counts = new Map<number, number>()
  for (const [v, w] of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + w)
  let best = Number.NaN
  let most = 0
  for (const [v, n] of counts) if (n > most || (n === most && v < best)) [best, most] = [v, n]
  return best
}

/** The lines of a line's column: body lines in its type size, overlapping it horizontally, not table cells. */
const columnOf = (line: Line, lines: Line[]): Line[] =>
  lines.filter(
    (l) =>
      l.x < line.right &&
      l.right > line.x &&
      !l.inRow &&
      Math.abs(l.size - line.size) <= 0.1 * line.size,
  )

/** A column's left margin: the leftmost x (to 1 pt) where two or more of its lines start, else the line's own x. */
function marginOf(line: Line, column: Line[]): number {
  const counts = new Map<number, number>()
  for (const l of column) counts.set(Math.round(l.x), (counts.get(Math.round(l.x)) ?? 0) + 1)
  const starts = [...counts].filter(([, n]) => n >= 2).map(([x]) => x)
  return starts.length > 0 ? Math.min(...starts) : line.x
}

/** What pdf-page-flow needs of a page's first or last line: its type and its column's margins. */
function edgeLine(line: Line | undefined, lines: Line[], bodySize: number): EdgeLine | null {
  if (!line) return null
  const column = columnOf(line, lines)
  const rights = column.map((l) => l.right).sort((a, b) => a - b)
  // Where full lines end: short last lines of paragraphs are the minority.
  const columnRight = rights[Math.floor(rights.length * 0.75)] ?? line.right
  const font = mainFont(line)
  // Lines of its paragraphs' type that go on in the next line: in justified text they all end at the column's edge.
  const inner = column.filter((l) => l.continued && mainFont(l) === font)
  return {
    text: line.text,
    x: line.x,
    right: line.right,
    size: line.size,
    font,
    fonts: [...line.perFont.keys()],
    inRow: line.inRow,
    margin: marginOf(line, column),
    columnRight,
    // Justified: most of the column's lines end at its right edge (ragged lines end anywhere).
    justified:
      inner.length >= 3 &&
      inner.filter((l) => l.right >= columnRight - 0.5 * line.size).length >= 0.7 * inner.length,
    bodySize,
    nextX: null,
  }
}

/**
 * Join fragments into lines and paragraphs: hyphenated breaks joined, blank line between paragraphs, each row of a
 * table its own block with its cells apart. Returns the page's first and last lines for the page-break join.
 */
function pageText(fragments: Fragment[], rtl: boolean): PageFlow {
  // Merge fragments of one visual line (same baseline, left to right) first.
  const lines: Line[] = []
  const sameBaseline = (a: { y: number; size: number }, b: { y: number; size: number }): boolean =>
    Math.abs(a.y - b.y) <= 0.35 * Math.max(a.size, b.size)
  for (const f of fragments) {
    const last = lines[lines.length - 1]
    if (last && sameBaseline(f, last) && f.x >= last.right - 1 && f.x - last.right < 1.5 * f.size) {
      last.text +=
        (last.text.endsWith(' ') || f.text.startsWith(' ') || joinsWithoutSpace(last.text, f.text)
          ? ''
          : ' ') + f.text
      last.right = f.right
      last.ruby = Math.max(last.ruby, f.ruby ?? 0)
      addFonts(last.perFont, f)
    } else {
      // Text on the same baseline, a wide gap to the right: the next cell of a table row (or a column's line).
      // A line that starts well right of where the previous one ended, less than a line lower or higher: the next cell
      // of its row, vertically centred against a cell of several lines (text never wraps to the right).
      const cell =
        last !== undefined &&
        f.x >= last.right - 1 &&
        (sameBaseline(f, last) ||
          (f.x >= last.right + 1.5 * f.size &&
            Math.abs(f.y - last.y) < 0.8 * f.size &&
            /\p{L}{2}/u.test(f.text) && // words, not a display formula's raised radical or numerator
            Math.abs(f.size - last.size) <= 0.1 * f.size))
      if (cell) last.inRow = true
      lines.push({
        text: f.text,
        y: f.y,
        x: f.x,
        right: f.right,
        size: f.size,
        perFont: addFonts(new Map(), f),
        inRow: cell,
        afterCell: cell,
        continued: false,
        offCell: cell && !sameBaseline(f, last),
        ruby: f.ruby ?? 0,
      })
    }
  }
  // Lines are assembled in printed order, left to right: right-to-left text goes into reading order now.
  for (const line of lines) line.text = logicalLine(line.text, rtl)
  const widest = lines.reduce((w, l) => Math.max(w, l.right - l.x), 0)
  const bodySize = mode(lines.map((l) => [l.size * 10, l.text.length])) / 10
  const flowed: Line[] = []
  // Whether each flowed line opens a block (paragraph, row, list item).
  const opens: boolean[] = []
  let out = ''
  // Where the current row's first cell starts in out: a page set right to left reads a row's cells right to left.
  let rowStart = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line
    const text = line.text.replace(/\s+/g, ' ').trim()
    if (!text) continue
    flowed.push(line)
    opens.push(true)
    if (out.length === 0) {
      out = text
      rowStart = 0
      continue
    }
    const prev = lines[i - 1] as Line
    if (line.afterCell) {
      opens[opens.length - 1] = false
      // The next cell of the row: apart, even between CJK words.
      if (rtl) out = `${out.slice(0, rowStart)}${text} ${out.slice(rowStart)}`
      else out += ` ${text}`
      continue
    }
    const gap = prev.y - line.y
    // Readings printed over the line stand in the gap above it: the lines of a paragraph are that much further
    // apart. Only after a line set full to its column's edge (justified CJK type goes on in the next line): a line
    // ending short, before a gap that wide, stands alone (pxrubrica's samples, one per line).
    const lineHeight =
      Math.max(prev.size, line.size) +
      (line.ruby > 0 && !endsShort(prev, lines, 0.25) ? line.ruby : 0)
    const short = prev.right - prev.x < widest * 0.7
    const newBlock =
      gap < -lineHeight || // moved up: a new column or block
      gap > 1.6 * lineHeight ||
      Math.abs(line.size - prev.size) > 0.2 * lineHeight ||
      // A table row starts or ends (unless a cell's text wraps to its next line).
      ((line.inRow || prev.inRow) && !wrapsCell(prev, line)) ||
      OPENS_BLOCK.test(text) ||
      DOT_LEADERS.test(prev.text) ||
      (short && /[.:!?;"”)]$/.test(out)) ||
      // A short line, then one indented from the column's margin by a paragraph indent: a new paragraph.
      (short && indentedFromMargin(line, lines)) ||
      // CJK type fills every line of a paragraph to the column's edge: a line ending short at a full stop ends its
      // paragraph (by an em before an indented line, else by three).
      (CJK_SENTENCE_END.test(out) &&
        gap > 0.5 * lineHeight &&
        endsShort(prev, lines, 1) &&
        (indentedFromMargin(line, lines) || endsShort(prev, lines, 3)))
    opens[opens.length - 1] = newBlock
    if (newBlock) out += '\n\n'
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(text)) out = out.slice(0, -1)
    else if (!joinsWithoutSpace(out, text)) out += ' ' // no space inside a CJK/Thai word
    rowStart = out.length
    out += text
  }
  for (let i = 1; i < flowed.length; i++) (flowed[i - 1] as Line).continued = opens[i] === false
  const first = edgeLine(flowed[0], lines, bodySize)
  const last = edgeLine(flowed[flowed.length - 1], lines, bodySize)
  // The first line's indent against the next line of its paragraph.
  const n = flowed.length
  if (first && n > 1 && opens[1] === false) first.nextX = (flowed[1] as Line).x
  // A line of a block that holds a table row (a cell's wrapped text) is table text too.
  if (first) first.inRow = flowed.slice(0, opens.indexOf(true, 1) >>> 0).some((l) => l.inRow)
  if (last) last.inRow = flowed.slice(opens.lastIndexOf(true)).some((l) => l.inRow)
  return { text: out, first, last }
}

/**
 * A cell's text wrapping to its next line: just below a cell set off its row's baseline, at the same x. (Below a cell
 * on its row's baseline, the same x is as likely the next row with its first cells empty.)
 */
const wrapsCell = (prev: Line, line: Line): boolean =>
  prev.offCell &&
  Math.abs(line.x - prev.x) <= 1 &&
  prev.y - line.y > 0 &&
  prev.y - line.y <= 1.6 * line.size

/** Whether a line starts 0.5–4 em right of its column's left margin (a paragraph's first-line indent). */
function indentedFromMargin(line: Line, lines: Line[]): boolean {
  const indent = line.x - marginOf(line, columnOf(line, lines))
  return indent >= 0.5 * line.size && indent <= 4 * line.size
}

/** A line ending more than `ems` of its type short of its column's right edge (the rightmost end of its lines). */
function endsShort(line: Line, lines: Line[], ems: number): boolean {
  const edge = columnOf(line, lines).reduce((r, l) => Math.max(r, l.right), line.right)
  return line.right < edge - ems * line.size
}

/** Whether the file's bytes name a /PageLabels tree (found only where the catalog is not in a compressed stream). */
function declaresPageLabels(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/PageLabels')
}

export const extractPdf: Extractor = async ({ bytes, path }) => {
  const doc: ExtractedDocument = blankDocument('pdf', path)
  doc.citationType = 'report'
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, 1024),
  ).toString('latin1')
  if (!head.includes('%PDF-')) throw new ImportError('not a PDF (no %PDF header)')

  const { getDocument, InvalidPDFException } = await loadPdfJs()
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js may detach the buffer it is given: hand it a copy
    isEvalSupported: false,
    enableXfa: false,
    maxImageSize: 25_000_000,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapPacked: true,
    ...pdfjsData(),
  })
  try {
    let pdf: Awaited<typeof task.promise>
    try {
      pdf = await task.promise
    } catch (error) {
      if ((error as { name?: string } | null)?.name === 'PasswordException')
        throw new ImportError('the PDF is password-protected')
      if (error instanceof InvalidPDFException)
        throw new ImportError(`damaged or invalid PDF (${oneLine(error.message, 120)})`)
      throw error
    }
    // Pass 1: positioned fragments of every page (running lines can only be told apart across pages).
    type PageScan = {
      fragments: Fragment[]
      /** Text in a vertical font, its columns turned into lines (pdf-vertical.ts); top: where it starts (y). */
      columns: Fragment[]
      columnsTop: number
      /** Set right to left (pdf-bidi.ts). */
      rtl: boolean
      lines: PositionedLine[]
      lineOf: number[]
      width: number
      height: number
      bottom: number
      viewWidth: number
      viewHeight: number
    }
    const scans: PageScan[] = []
    let firstPageFragments: Fragment[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const scan: PageScan = {
        fragments: [],
        columns: [],
        columnsTop: 0,
        rtl: false,
        lines: [],
        lineOf: [],
        width: 612,
        height: 792,
        bottom: 0,
        viewWidth: 612,
        viewHeight: 792,
      }
      try {
        const page = await pdf.getPage(n)
        const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view
        Object.assign(scan, { width: x1 - x0, height: y1 - y0, bottom: y0 })
        const viewport = page.getViewport({ scale: 1 })
        scan.viewWidth = Math.round(viewport.width * 100) / 100
        scan.viewHeight = Math.round(viewport.height * 100) / 100
        const content = await page.getTextContent()
        const runs = withoutRuby(toRuns(content.items, y1))
        scan.fragments = toFragments(runs.filter((r) => !r.vertical))
        const columns = runs.filter((r) => r.vertical)
        if (columns.length > 0) {
          scan.columns = toFragments(columns)
          scan.columnsTop =
            y1 - columns.reduce((top, r) => Math.min(top, r.x), Number.POSITIVE_INFINITY)
        }
        scan.rtl = isRtlPage(scan.fragments.map((f) => f.text))
        Object.assign(scan, edgeLines(scan.fragments, scan.rtl))
        if (n === 1) {
          const rtl = scan.rtl
          // Read without footnote marks: a title's "1" or an author's "²" is no part of them.
          firstPageFragments = scan.fragments.map(({ unmarked, ...f }) => ({
            ...f,
            text: logicalLine((unmarked ?? f.text).trim(), rtl),
          }))
        }
        page.cleanup()
      } catch (error) {
        doc.warnings.push(
          `page ${n} could not be read (${oneLine(error instanceof Error ? error.message : String(error), 100)})`,
        )
      }
      scans.push(scan)
    }

    // Pass 2: running headers/footers out of the flow, then reading order and paragraphs.
    const running = findRunningLines(scans)
    const labels = await readPageLabels(pdf, doc.warnings, declaresPageLabels(bytes))
    const pages: PageFlow[] = []
    const pageMeta: PageMeta[] = []
    let emptyPages = 0
    for (const [i, scan] of scans.entries()) {
      const remove = running.remove[i] ?? new Set<number>()
      const kept = scan.fragments.filter((_, f) => !remove.has(scan.lineOf[f] ?? -1))
      // A vertical block goes where it stands: after the horizontal text above its top, before the rest.
      const above = scan.columns.length > 0 ? kept.filter((f) => f.y > scan.columnsTop) : kept
      const flow =
        scan.columns.length === 0
          ? pageText(readingOrder(kept, scan.width, scan.rtl), scan.rtl)
          : joinFlows([
              pageText(readingOrder(above, scan.width, scan.rtl), scan.rtl),
              pageText(scan.columns, false),
              pageText(
                readingOrder(
                  kept.filter((f) => f.y <= scan.columnsTop),
                  scan.width,
                  scan.rtl,
                ),
                scan.rtl,
              ),
            ])
      flow.text = composeAccents(flow.text)
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
        .trim()
      if (!flow.text) emptyPages++
      pages.push(flow)
      pageMeta.push({
        label: labels?.[i] || running.printedNumber[i] || null,
        removed: [...remove].sort((a, b) => a - b).map((l) => scan.lines[l]?.text ?? ''),
        width: scan.viewWidth,
        height: scan.viewHeight,
      })
    }

    // Pages joined into one text: a blank line between them, or the page-break join's separator when a paragraph
    // runs over the break (pdf-page-flow.ts). Each page's own text stays whole from its start offset on.
    const outline = await readOutline(pdf, doc.warnings)
    const headingsOn = new Map<number, string[]>()
    for (const e of outline) headingsOn.set(e.page, [...(headingsOn.get(e.page) ?? []), e.title])
    const pageStarts: number[] = []
    let offset = 0
    const parts: string[] = []
    for (const [i, flow] of pages.entries()) {
      if (i > 0 && offset > 0) {
        const before = pages[i - 1] as PageFlow
        const join = flow.text ? pageJoin(before, flow, headingsOn.get(i + 1) ?? []) : null
        if (join?.dropHyphen && parts[parts.length - 1]?.endsWith('-')) {
          parts[parts.length - 1] = (parts[parts.length - 1] as string).slice(0, -1)
          offset--
        }
        const separator = join ? join.separator : '\n\n'
        parts.push(separator)
        offset += separator.length
      }
      pageStarts.push(offset)
      parts.push(flow.text)
      offset += flow.text.length
    }
    doc.text = parts.join('')
    doc.pageStarts = pageStarts
    doc.pageMeta = pageMeta
    if (outline.length > 0) doc.toc = placeOutline(outline, doc.text, pageStarts)
    if (doc.text.trim().length === 0) doc.warnings.push('no text layer (scanned?)')
    else if (emptyPages > 0 && emptyPages >= pdf.numPages / 2)
      doc.warnings.push(`${emptyPages} of ${pdf.numPages} pages have no text layer (scanned?)`)

    const { info, metadata } = await pdf.getMetadata().catch(() => ({ info: {}, metadata: null }))
    const dict = (info ?? {}) as Record<string, unknown>
    const field = (key: string): string | null => {
      const v = dict[key]
      return typeof v === 'string' && v.trim() ? repairUtf8AsPdfDoc(v.trim()) : null
    }
    const xmp = (key: string): string | null => {
      const v = (metadata as { get?: (k: string) => unknown } | null)?.get?.(key)
      if (typeof v === 'string') return v.trim() || null
      if (Array.isArray(v)) return v.filter((x) => typeof x === 'string').join('; ') || null
      return null
    }
    // Only the first pages count for metadata, however long the document: the first two with text (a cover
    // without a text layer is no page of print: debian-reference.ja.pdf prints its date on page ii, the third).
    const printedFrom = pages.findIndex((p) => p.text !== '')
    const firstPages =
      printedFrom >= 0 && pageStarts.length > printedFrom + 2
        ? doc.text.slice(0, pageStarts[printedFrom + 2])
        : doc.text.slice(0, 20_000)
    applyPdfMetadata(
      doc,
      {
        title: field('Title') ?? xmp('dc:title'),
        // An Info Author that names nobody ("[FAMILY Given]", a template's field) gives way to XMP's creator.
        author:
          [field('Author'), xmp('dc:creator')].find((a) => splitAuthors(a).length > 0) ?? null,
        creationDate: field('CreationDate') ?? xmp('xmp:createdate'),
        xmpDate: xmp('dc:date'),
      },
      firstPageFragments,
      firstPages,
    )
    doc.language = normaliseLanguage(field('Language') ?? xmp('dc:language'))
    doc.citationType = guessCitationType(doc.title, 'report')
    return doc
  } finally {
    await task.destroy()
  }
}
