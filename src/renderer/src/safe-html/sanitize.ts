import { DOCUMENT_PART_PREFIX } from '@shared/contract'
import DOMPurify from 'dompurify'
import { fitEmbeddedSemantics } from './embedded-semantics'
import { replaceUnloadableImages } from './missing-images'
import { PURIFY_CONFIG, PURIFY_CONFIG_WITH_MATH } from './purify-config'

/** Where an image inside the document's original is served from (our own /files route), or null: none is shown. */
export type PartUrl = (path: string) => string

/** A part path as the importer writes it: inside the archive, no `..`, no scheme, no backslash. */
const SAFE_PART = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\\:?#\u0000-\u001f]{1,500}$/

// Set only for the duration of one synchronous sanitize call (the hook has no other way to learn the document).
let currentPartUrl: PartUrl | null = null

const purify = DOMPurify(window)

const MEDIA = new Set(['IMG', 'SOURCE', 'VIDEO', 'AUDIO', 'TRACK'])

purify.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return
  if (MEDIA.has(node.tagName)) {
    const src = node.getAttribute('src')
    const part = src?.startsWith(DOCUMENT_PART_PREFIX)
      ? src.slice(DOCUMENT_PART_PREFIX.length)
      : null
    if (node.tagName === 'IMG' && part !== null && currentPartUrl && SAFE_PART.test(part)) {
      node.setAttribute('src', currentPartUrl(part))
      node.setAttribute('data-part', part)
      return
    }
    // Only data: images survive; anything else (remote, file:, app-doc: we cannot serve here) is never loaded: its
    // address is kept for the curious, and an image shows its alt text instead (replaceUnloadableImages).
    if (src && !/^data:image\/(?:png|jpe?g|gif|webp);/i.test(src)) {
      node.setAttribute('data-blocked-src', src)
      node.removeAttribute('src')
    }
  }
  if (node.tagName === 'A') {
    node.setAttribute('rel', 'noopener noreferrer')
    node.removeAttribute('target')
  }
})

/**
 * Sanitize a document's stored HTML again, in the real DOM, before it is shown. The importer sanitized it already
 * (jsdom); this second pass guards against a library written by an older or compromised importer. `math` keeps the
 * MathML of converted equations (DOCX only; every other format's MathML is dropped).
 */
export function sanitizeDocumentHtml(
  html: string,
  partUrl: PartUrl | null = null,
  math = false,
): string {
  if (!purify.isSupported) throw new Error('This browser cannot sanitize HTML safely.')
  currentPartUrl = partUrl
  try {
    const body = purify.sanitize(html, {
      ...(math ? PURIFY_CONFIG_WITH_MATH : PURIFY_CONFIG),
      RETURN_DOM: true,
    })
    replaceUnloadableImages(body)
    fitEmbeddedSemantics(body)
    return body.innerHTML
  } finally {
    currentPartUrl = null
  }
}
