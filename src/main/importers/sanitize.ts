/**
 * Display HTML sanitizer: DOMPurify on a jsdom window (SECURITY.md §3.1). Never linkedom: DOMPurify returns its
 * input unchanged there. Fails closed: if DOMPurify reports the DOM unsupported, sanitizing throws and no HTML is
 * stored. Everything that could load a remote resource or run script is removed, so opening a document makes no
 * network request: media sources that are not `app-doc:` become placeholders (`data-blocked-src` keeps the original).
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify'
// A relative path: import workers run this file outside the bundler in tests, where the alias is unknown.
import { HTML_VALUE_ATTRIBUTES } from '../../shared/html-attributes'
import { isAllowedMathAttribute, MATHML_ATTRIBUTES, MATHML_TAGS } from '../../shared/mathml'

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
  // Numbers and words, not URLs: kept (see html-attributes.ts).
  ADD_URI_SAFE_ATTR: [...HTML_VALUE_ATTRIBUTES],
  ALLOW_UNKNOWN_PROTOCOLS: false,
  WHOLE_DOCUMENT: false,
} satisfies Config

/**
 * The same, plus the MathML of converted equations (DOCX Office Math): only the elements and attributes listed in
 * shared/mathml.ts, the attributes on MathML elements only. Other formats keep MathML out (their `<math>` is
 * foreign markup we did not write).
 */
export const PURIFY_CONFIG_WITH_MATH = {
  ...PURIFY_CONFIG,
  ADD_TAGS: [...MATHML_TAGS],
  ADD_ATTR: isAllowedMathAttribute,
  // Their values are words and numbers, not URLs: without this, ALLOWED_URI_REGEXP would drop them all.
  ADD_URI_SAFE_ATTR: [...HTML_VALUE_ATTRIBUTES, ...MATHML_ATTRIBUTES],
} satisfies Config

const MEDIA = new Set(['IMG', 'SOURCE', 'VIDEO', 'AUDIO', 'TRACK', 'INPUT', 'IMAGE'])

/**
 * Made on first use, jsdom loaded with it: jsdom costs ~1.2–1.5 s of CPU to load, which every import worker paid at
 * start (measured 2026-12-06: a worker ready after 1.4 s of CPU, 0.2 s without jsdom), though plain-text and PDF
 * files never sanitize HTML. The first markup file of a worker pays it inside its time limit (60 s by default).
 */
let purifier: Promise<DOMPurify> | null = null

/** DOMPurify cannot work in this DOM: nothing may be stored as HTML (fail closed). */
export class SanitizerUnavailableError extends Error {
  constructor() {
    super('the HTML sanitizer is not supported in this environment; no HTML was stored')
    this.name = 'SanitizerUnavailableError'
  }
}

function getPurifier(): Promise<DOMPurify> {
  if (!purifier) {
    purifier = makePurifier()
    // A failure (an unsupported DOM) is not kept: the next call tries again and fails the same way, closed.
    purifier.catch(() => {
      purifier = null
    })
  }
  return purifier
}

async function makePurifier(): Promise<DOMPurify> {
  const { JSDOM } = await import('jsdom')
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
  return purify
}

/**
 * Sanitize untrusted HTML for display. The result must not be modified afterwards (sanitize last). `math` keeps the
 * equations' MathML (only HTML our own converter wrote holds any).
 */
export async function sanitizeHtml(
  dirty: string,
  options: { math?: boolean } = {},
): Promise<string> {
  return (await getPurifier()).sanitize(
    dirty,
    options.math ? PURIFY_CONFIG_WITH_MATH : PURIFY_CONFIG,
  )
}
