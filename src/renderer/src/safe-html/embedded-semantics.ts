/**
 * A document's markup shown inside the app: the words stay as the source has them, but semantics written for a whole
 * web page would mislead a screen reader here (axe on real documents, tests/e2e/accessibility-documents.spec.ts):
 *
 * - a page's landmarks (Sphinx's `<div class="body" role="main">`) would be a second main region inside the app's
 *   own, and every EPUB chapter repeats it;
 * - `role="heading"` without `aria-level` (Sphinx's toctree captions) is an error to assistive technology: it gets
 *   ARIA's implicit level, 2, written out;
 * - a header cell with nothing in it (Sphinx's empty corner `<th>`) heads nothing: it becomes a data cell.
 */
const PAGE_LANDMARKS = new Set([
  'banner',
  'complementary',
  'contentinfo',
  'form',
  'main',
  'navigation',
  'region',
  'search',
])

export function fitEmbeddedSemantics(body: Element): void {
  for (const element of body.querySelectorAll('[role]')) {
    const roles = (element.getAttribute('role') ?? '').trim().toLowerCase().split(/\s+/)
    if (roles.some((role) => PAGE_LANDMARKS.has(role))) element.removeAttribute('role')
    else if (roles[0] === 'heading' && !element.hasAttribute('aria-level'))
      element.setAttribute('aria-level', '2')
  }
  for (const cell of body.querySelectorAll('th')) {
    if (cell.textContent?.trim() || cell.querySelector('img, math, svg')) continue
    const data = cell.ownerDocument.createElement('td')
    for (const attribute of cell.attributes) data.setAttribute(attribute.name, attribute.value)
    data.append(...cell.childNodes)
    cell.replaceWith(data)
  }
}
