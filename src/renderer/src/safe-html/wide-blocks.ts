/**
 * A display equation or a code block wider than the column scrolls sideways inside its own box (the frame's CSS).
 * A scroll box that nothing marks is easy to miss: the end of the equation just looks cut off, and a keyboard user
 * cannot scroll it at all (axe `scrollable-region-focusable`: Python's and Sphinx's code blocks). So each one that
 * overflows now is marked `data-wide` (for equations the frame's CSS draws a scrollbar and a shade at the hidden
 * edge) and takes a Tab stop, so arrow keys scroll it; blocks that fit are left alone (no Tab stop that does
 * nothing). Re-run when the width or the font size changes.
 */
const SCROLL_BOXES = 'math[display="block"], pre'

export function markWideBlocks(frameDocument: Document): void {
  for (const box of frameDocument.querySelectorAll(SCROLL_BOXES)) {
    const wide = box.scrollWidth > box.clientWidth + 1
    if (wide === box.hasAttribute('data-wide')) continue
    if (wide) {
      box.setAttribute('data-wide', '')
      box.setAttribute('tabindex', '0')
    } else {
      box.removeAttribute('data-wide')
      box.removeAttribute('tabindex')
    }
  }
}
