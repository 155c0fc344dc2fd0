/**
 * A paragraph that runs over a page break: the last flowed line of a page and the first flowed line of the next one
 * are joined into one paragraph when the layout says the sentence goes on, and kept apart (a blank line, as between
 * paragraphs) otherwise. A false join (two paragraphs merged, a heading glued to text) is as bad as a missed one, so
 * every piece of evidence must agree:
 *  - the page's last line ends without sentence-final punctuation (. ? ! : 。 ！ ？, closing quotes after them);
 *  - both lines are body text: the same size, not smaller than most of their page, the next line using the font the
 *    last one is mostly set in (a heading in bold or larger type, a footnote, a code listing is not); neither is a
 *    table row, a list item, a line with dot leaders (contents, index), a float's caption (at the top of the next page
 *    or the bottom of this one) nor a centred line, and the next line is not the title of an outline entry on its
 *    page;
 *  - the next line is not indented against the rest of its paragraph (an indented first line opens a paragraph, an
 *    outdented one a list item);
 *  - and the sentence visibly goes on: in justified text the last line fills its column (it stops short only at a
 *    paragraph's end); in ragged text the last line is long (three quarters of the column) and the next line starts
 *    with a lower-case letter (in scripts without case: the last line reaches the column's edge).
 * The join follows the in-page rule: a line-end hyphen before a lower-case letter is dropped and the halves joined;
 * CJK and Thai join without a space; everything else with one space.
 */

import { joinsWithoutSpace } from '../../text/scripts'

/** A flowed line at a page's start or end, with what the join needs of its page's layout. */
export type EdgeLine = {
  text: string
  x: number
  right: number
  size: number
  /** The font most of its characters are set in, and every font it uses (pdf.js ids, shared across pages). */
  font: string
  fonts: string[]
  /** One cell of a table row (other text on its baseline, far to one side). */
  inRow: boolean
  /** Left margin and right edge of its column: where most lines overlapping it start, and where full lines end. */
  margin: number
  columnRight: number
  /** The type size most characters of the page are set in. */
  bodySize: number
  /** Most lines of its column end at columnRight (justified text), rather than anywhere (ragged right). */
  justified: boolean
  /** For a page's first line: where the next line of its paragraph starts, when the paragraph goes on there. */
  nextX: number | null
}

/** A page's flowed text with its first and last lines (null for a page without text). */
export type PageFlow = { text: string; first: EdgeLine | null; last: EdgeLine | null }

/** Sentence-final punctuation, perhaps followed by closing quotes and brackets. */
const FINAL = /[.?!:。！？．：…][\s"'”’»)\]）」』】〉》]*$/u
/** A list item or a numbered heading ("• ", "3. ", "(a) "): the in-page rule's new-block openers. */
const OPENER = /^(?:[•●▪◦‣∙*–-]\s|\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s|\(?[a-z][.)]\s)/
/** A table-of-contents or index line: dot leaders (before a page number or a list of them). */
const DOT_LEADERS = /(?:\.\s?){4,}/
/**
 * A float's caption ("Figure 1.", "Table 2.10:", "図 3"): floats go to the top of a page, so the page's first line is
 * often one, while the paragraph goes on below the float.
 */
const CAPTION =
  /^(?:figure|fig\.|table|tab\.|listing|algorithm|exhibit|plate|abbildung|abb\.|tabelle|tableau|figura|tabla|tabela|рис(?:унок|\.)|таблица|図|表)\s*[\dIVX]/iu
const SAME_SIZE = 0.06

const sameSize = (a: number, b: number): boolean => Math.abs(a - b) <= SAME_SIZE * Math.max(a, b)
const squash = (s: string): string => s.replace(/\s+/g, '').toLowerCase()

/**
 * How page `next` continues page `prev`: the separator to put between their texts ('' or ' '), with `dropHyphen` when
 * the line-end hyphen of `prev` goes; or null when the break is a paragraph break. `headings` are the titles of the
 * outline entries that point at the next page.
 */
export function pageJoin(
  prev: PageFlow,
  next: PageFlow,
  headings: readonly string[],
): { separator: '' | ' '; dropHyphen: boolean } | null {
  const last = prev.last
  const first = next.first
  if (!last || !first || !prev.text || !next.text) return null
  if (FINAL.test(prev.text)) return null
  if (last.inRow || first.inRow || OPENER.test(next.text) || CAPTION.test(next.text)) return null
  // A caption under a float ends the page: the text goes on elsewhere.
  if (CAPTION.test(prev.text.slice(prev.text.lastIndexOf('\n\n') + 1).trim())) return null
  // A centred last line (a caption, a title) does not run on.
  const left = last.x - last.margin
  if (left > 2 * last.size && Math.abs(left - (last.columnRight - last.right)) < last.size)
    return null
  if (DOT_LEADERS.test(last.text) || DOT_LEADERS.test(first.text)) return null
  // Body text on both sides, in the same type (a heading in larger type meets text in smaller): not smaller than
  // most of its page (a footnote), while code or tables in smaller type may be what most of a page is set in.
  const body = (line: EdgeLine): boolean => line.size >= (1 - SAME_SIZE) * line.bodySize
  if (!body(last) || !body(first) || !sameSize(last.size, first.size)) return null
  // The next line sets some of its words in the font the last line is mostly in (a link or a command name may be
  // what most of it is set in; a code listing or a bold heading has none of the body font).
  if (!first.fonts.includes(last.font)) return null
  // The next line is not indented (nor outdented, a list item's hanging first line) against the next line of its
  // paragraph, or, alone in it, against its column's margin or the line it would continue.
  const em = first.size
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 0.5 * em
  if (
    first.nextX !== null
      ? !near(first.x, first.nextX)
      : !near(first.x, first.margin) && !near(first.x, last.x)
  )
    return null
  const head = squash(first.text)
  if (headings.some((h) => squash(h).length > 0 && head.startsWith(squash(h)))) return null
  // Justified text stops short of the column's edge only at a paragraph's end; ragged text anywhere, so there the
  // next line's lower-case start is the evidence (or, in scripts without case, a line that reaches the edge).
  const fills = last.right >= last.columnRight - last.size
  const lowerNext = /^\p{Ll}/u.test(next.text)
  if (last.justified && !fills) return null
  if (!last.justified) {
    // A ragged line breaks where the next word would not fit: at least three quarters of the column (a short code
    // line or a table's last row does not).
    if (last.right - last.margin < 0.75 * (last.columnRight - last.margin)) return null
    if (!lowerNext && !(fills && !/\p{Lu}|\p{Ll}/u.test(next.text[0] ?? ''))) return null
  }
  if (/\p{L}-$/u.test(prev.text) && lowerNext) return { separator: '', dropHyphen: true }
  return { separator: joinsWithoutSpace(prev.text, next.text) ? '' : ' ', dropHyphen: false }
}
