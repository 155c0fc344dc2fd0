/**
 * The palette's match marks, painted as a CSS custom highlight over the rows' plain text instead of `<mark>`
 * elements. Why: with elements, every keystroke rebuilt each row's runs of text (the marks move as the query grows),
 * and laying out those new boxes was most of the keystroke's frame. At 100,000 documents, rows without mark
 * elements cut the boxes laid out per keystroke from ~310 to ~47 and the keystroke median from ~26 to ~16 ms on
 * a loaded machine (scripts/bench/ui.ts). A highlight only repaints.
 */
import { paintHighlight } from '../../components/highlights'
import { markRuns } from './palette-rank'

/** The highlight's name: `::highlight(palette-match)` in palette.css. */
export const PALETTE_MARKS = 'palette-match'

/** Elements whose text is marked carry this attribute; their text is one text node. */
export const MARKED_TEXT_ATTRIBUTE = 'data-marks'

/** Mark the words of `query` in the marked texts under `list` (replacing the marks shown before). */
export function markMatches(list: ParentNode, query: string): void {
  const ranges: StaticRange[] = []
  for (const element of list.querySelectorAll(`[${MARKED_TEXT_ATTRIBUTE}]`)) {
    const node = element.firstChild
    if (!(node instanceof Text)) continue
    let at = 0
    for (const run of markRuns(node.data, query)) {
      const end = at + run.text.length
      if (run.marked)
        ranges.push(
          new StaticRange({
            startContainer: node,
            startOffset: at,
            endContainer: node,
            endOffset: end,
          }),
        )
      at = end
    }
  }
  paintHighlight(document, PALETTE_MARKS, ranges)
}

/** Remove the palette's marks (the palette closed). */
export function clearMatches(): void {
  paintHighlight(document, PALETTE_MARKS, [])
}
