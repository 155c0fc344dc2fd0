/**
 * A display equation wider than the column scrolls sideways inside its own box (the frame's CSS). A scroll box that
 * nothing marks is easy to miss: the end of the equation just looks cut off. So each one that overflows now is
 * marked `data-wide` (the frame's CSS draws its scrollbar and a shade at the hidden edge) and takes a Tab stop, so
 * arrow keys scroll it; equations that fit are left alone (no Tab stop that does nothing). Re-run when the width or
 * the font size changes.
 */
export function markWideEquations(frameDocument: Document): void {
  for (const math of frameDocument.querySelectorAll('math[display="block"]')) {
    const wide = math.scrollWidth > math.clientWidth + 1
    if (wide === math.hasAttribute('data-wide')) continue
    if (wide) {
      math.setAttribute('data-wide', '')
      math.setAttribute('tabindex', '0')
    } else {
      math.removeAttribute('data-wide')
      math.removeAttribute('tabindex')
    }
  }
}
