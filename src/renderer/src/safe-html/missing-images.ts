/**
 * An image the reader cannot show (not imported with the document, remote, or its file gone) is drawn as its alt text
 * in a quiet box: the browser's own broken-image glyph beside the alt text looks like damage and, in a table cell,
 * takes room the text needs. The text comes from CSS (`::before { content: attr(data-alt) }`), so it is no part of the
 * page's text: selections, quotes and their offsets see exactly what they saw before. An image with empty alt text
 * is decoration and is dropped.
 */
export const MISSING_IMAGE_CLASS = 'image-missing'

const UNNAMED = 'Image not loaded'

/** The span that stands in for `img` (its alt text, its blocked address kept for the curious), or null to drop it. */
export function standInFor(img: Element): Element | null {
  const alt = img.getAttribute('alt')
  if (alt !== null && alt.trim() === '') return null
  const label = alt?.trim() || UNNAMED
  const span = img.ownerDocument.createElement('span')
  span.className = MISSING_IMAGE_CLASS
  span.setAttribute('role', 'img')
  span.setAttribute('aria-label', label)
  span.setAttribute('data-alt', label)
  const blocked = img.getAttribute('data-blocked-src')
  if (blocked !== null) span.setAttribute('data-blocked-src', blocked)
  const title = img.getAttribute('title')
  if (title) span.setAttribute('title', title)
  return span
}

/** Replace an image by its stand-in (or remove it). */
export function replaceMissingImage(img: Element): void {
  const standIn = standInFor(img)
  if (standIn) img.replaceWith(standIn)
  else img.remove()
}

/** Every `<img>` under `root` with nothing it may load: no `src`, or only our placeholder. */
export function replaceUnloadableImages(root: ParentNode): void {
  for (const img of root.querySelectorAll('img')) {
    const src = img.getAttribute('src')
    if (src === null || src.trim() === '' || img.hasAttribute('data-blocked-src'))
      replaceMissingImage(img)
  }
}

/**
 * Images of the document's own original that fail to load (a part missing from the stored file) get the same
 * stand-in, now and when they fail later. Returns the detach function.
 */
export function watchFailingImages(frameDocument: Document): () => void {
  const failed = (img: HTMLImageElement): boolean => img.complete && img.naturalWidth === 0
  for (const img of frameDocument.querySelectorAll('img')) if (failed(img)) replaceMissingImage(img)
  const onError = (event: Event): void => {
    const target = event.target as Element | null
    if (target?.tagName === 'IMG') replaceMissingImage(target)
  }
  frameDocument.addEventListener('error', onError, true)
  return () => frameDocument.removeEventListener('error', onError, true)
}
