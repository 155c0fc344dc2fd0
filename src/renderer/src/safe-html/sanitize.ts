import DOMPurify from 'dompurify'
import { BLOCKED_IMAGE, PURIFY_CONFIG } from './purify-config'

const purify = DOMPurify(window)

const MEDIA = new Set(['IMG', 'SOURCE', 'VIDEO', 'AUDIO', 'TRACK'])

purify.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return
  if (MEDIA.has(node.tagName)) {
    const src = node.getAttribute('src')
    // Only data: images survive; anything else (remote, file:, app-doc: we cannot serve here) becomes a
    // placeholder, with the original kept for the curious.
    if (src && !/^data:image\/(?:png|jpe?g|gif|webp);/i.test(src)) {
      node.setAttribute('data-blocked-src', src)
      if (node.tagName === 'IMG') node.setAttribute('src', BLOCKED_IMAGE)
      else node.removeAttribute('src')
      if (node.tagName === 'IMG' && !node.getAttribute('alt')) {
        node.setAttribute('alt', 'Image not loaded')
      }
    }
  }
  if (node.tagName === 'A') {
    node.setAttribute('rel', 'noopener noreferrer')
    node.removeAttribute('target')
  }
})

/**
 * Sanitize a document's stored HTML again, in the real DOM, before it is shown. The importer sanitized it already
 * (jsdom); this second pass guards against a library written by an older or compromised importer.
 */
export function sanitizeDocumentHtml(html: string): string {
  if (!purify.isSupported) throw new Error('This browser cannot sanitize HTML safely.')
  return purify.sanitize(html, PURIFY_CONFIG)
}
