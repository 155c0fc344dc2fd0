/**
 * Rows far outside the list's visible part skip rendering: they carry `data-far`, which palette.css turns into
 * `content-visibility: hidden` (the row keeps its box and size; its text is neither laid out nor painted).
 *
 * Why not `content-visibility: auto`: its margin is half the *window* around the viewport, which holds all 30 rows
 * of this short list, so every keystroke laid out and painted the ~20 rows below the fold that nobody can see. A
 * trace at 100,000 documents put that at about 1–2 ms of the keystroke's frame (scripts/bench/ui.ts). Here the
 * margin is relative to the list, so a row is revealed a few rows before it can scroll into view.
 */

/** The attribute palette.css hides a row's contents by. */
export const FAR_ROW_ATTRIBUTE = 'data-far'

/** Rows within this share of the list's height above or below its visible part are rendered. */
const MARGIN = '50% 0px'

/** Keep the rows of `list` (its element children) marked far or near as it scrolls; returns the disconnect. */
export function hideFarRows(list: HTMLElement): () => void {
  const intersections = new IntersectionObserver(
    (entries) => {
      for (const entry of entries)
        entry.target.toggleAttribute(FAR_ROW_ATTRIBUTE, !entry.isIntersecting)
    },
    { root: list, rootMargin: MARGIN },
  )
  // observe() on a row already observed does nothing, so new rows (more results than before) are simply added.
  const observeRows = (): void => {
    for (const row of list.children) intersections.observe(row)
  }
  observeRows()
  const rowsAdded = new MutationObserver(observeRows)
  rowsAdded.observe(list, { childList: true })
  return () => {
    rowsAdded.disconnect()
    intersections.disconnect()
  }
}

/**
 * Render the rows around `index` now, before it is scrolled to: a jump (ArrowUp from the first row to the last)
 * would otherwise show blank rows for the frame before the observer answers.
 */
export function revealRowsAround(list: HTMLElement, index: number, span = 12): void {
  const rows = list.children
  for (let i = Math.max(0, index - span); i <= Math.min(rows.length - 1, index + span); i++)
    rows[i]?.removeAttribute(FAR_ROW_ATTRIBUTE)
}
