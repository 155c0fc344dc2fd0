/**
 * Display HTML sanitizer: DOMPurify on a jsdom window (SECURITY.md §3.1). Never linkedom: DOMPurify returns its
 * input unchanged there. Fails closed: if DOMPurify reports the DOM unsupported, sanitizing throws and no HTML is
 * stored. Everything that could load a remote resource or run script is removed, so opening a document makes no
 * network request: media sources that are not `app-doc:` become placeholders (`data-blocked-src` keeps the original).
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify'
import { JSDOM } from 'jsdom'

export const PURIFY_CONFIG = {
  USE_PROFILES: { html: true }, // no SVG, no MathML
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'base',
    'meta',
    'link',
    'noscript',
    'map',
    'area',
    'template',
    'applet',
    'portal',
  ],
  FORBID_ATTR: [
    'style',
    'srcset',
    'ping',
    'formaction',
    'background',
    'poster',
    'action',
    'target',
    'sizes',
  ],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|app-doc:)/i,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  WHOLE_DOCUMENT: false,
} satisfies Config

const MEDIA = new Set(['IMG', 'SOURCE', 'VIDEO', 'AUDIO', 'TRACK', 'INPUT', 'IMAGE'])

let purifier: DOMPurify | null = null

/** DOMPurify cannot work in this DOM: nothing may be stored as HTML (fail closed). */
export class SanitizerUnavailableError extends Error {
  constructor() {
    super('the HTML sanitizer is not supported in this environment; no HTML was stored')
    this.name = 'SanitizerUnavailableError'
  }
}

function getPurifier(): DOMPurify {
  if (purifier) return purifier
  const purify = createDOMPurify(
    new JSDOM('<!DOCTYPE html>').window as unknown as Window & typeof globalThis,
  )
  if (!purify.isSupported) throw new SanitizerUnavailableError()
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element
    if (!el.tagName) return
    if (MEDIA.has(el.tagName)) {
      const src = el.getAttribute('src')
      if (src !== null && !/^app-doc:/i.test(src.trim())) {
        el.removeAttribute('src')
        el.setAttribute('data-blocked-src', src.slice(0, 2000))
      }
    }
    if (el.tagName === 'A') {
      el.removeAttribute('target')
      if (el.hasAttribute('href')) el.setAttribute('rel', 'noopener noreferrer')
    }
  })
  purifier = purify
  return purify
}

/** Sanitize untrusted HTML for display. The result must not be modified afterwards (sanitize last). */
export function sanitizeHtml(dirty: string): string {
  return getPurifier().sanitize(dirty, PURIFY_CONFIG)
}
