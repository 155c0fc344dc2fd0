import { HTML_VALUE_ATTRIBUTES } from '@shared/html-attributes'
import { isAllowedMathAttribute, MATHML_ATTRIBUTES, MATHML_TAGS } from '@shared/mathml'
import type { Config } from 'dompurify'

/**
 * DOMPurify configuration for document bodies (SECURITY.md §3.1): HTML only (no SVG/MathML), no active or
 * style-bearing elements, and links limited to http(s), mailto and in-page anchors.
 */
export const PURIFY_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'iframe',
    'frame',
    'object',
    'embed',
    'base',
    'meta',
    'link',
    'noscript',
    'map',
    'area',
    'template',
  ],
  FORBID_ATTR: ['style', 'srcset', 'ping', 'formaction', 'background', 'poster'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|app-doc:)/i,
  // Numbers and words, not URLs: kept (see html-attributes.ts).
  ADD_URI_SAFE_ATTR: [...HTML_VALUE_ATTRIBUTES],
} satisfies Config

/**
 * The same plus the MathML of converted Word equations (only for DOCX documents): the elements and attributes listed
 * in shared/mathml.ts, the attributes on MathML elements only (no href, no maction, no annotation-xml).
 */
export const PURIFY_CONFIG_WITH_MATH = {
  ...PURIFY_CONFIG,
  ADD_TAGS: [...MATHML_TAGS],
  ADD_ATTR: isAllowedMathAttribute,
  // Their values are words and numbers, not URLs: ALLOWED_URI_REGEXP would drop them all.
  ADD_URI_SAFE_ATTR: [...HTML_VALUE_ATTRIBUTES, ...MATHML_ATTRIBUTES],
} satisfies Config

/**
 * CSP of the document frame: nothing may load except inline styles, data: images and, when given, images of this
 * document's own original from our /files route (one path on our own origin, never the network).
 */
export const frameCsp = (filesSource: string | null): string =>
  `default-src 'none'; img-src data:${filesSource ? ` ${filesSource}` : ''}; style-src 'unsafe-inline'`

/** The CSP source for the images a part-URL function yields: `<scheme>://<host>/files/<id>/`, or null if unusable. */
export function filesSourceOf(partUrl: (path: string) => string): string | null {
  try {
    const sample = new URL(partUrl('x'), document.baseURI)
    const dir = sample.pathname.slice(0, sample.pathname.lastIndexOf('/') + 1)
    if (!/^\/files\/\d+\/$/.test(dir) || !/^[a-z][a-z0-9+.-]*:$/.test(sample.protocol)) return null
    if (!/^[A-Za-z0-9.:[\]-]+$/.test(sample.host)) return null
    return `${sample.protocol}//${sample.host}${dir}`
  } catch {
    return null
  }
}
