/**
 * The small slice of the DOM the importers use, typed here because the main process compiles without the DOM
 * library. linkedom provides it (fast; never for DOMPurify, see sanitize.ts).
 */
import { DOMParser, parseHTML } from 'linkedom'

export interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  textContent: string | null
}

export interface DomElement extends DomNode {
  readonly tagName: string
  readonly localName: string
  innerHTML: string
  readonly outerHTML: string
  readonly children: ArrayLike<DomElement>
  readonly childNodes: ArrayLike<DomNode>
  readonly parentElement: DomElement | null
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  hasAttribute(name: string): boolean
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): ArrayLike<DomElement>
  getElementsByTagName(name: string): ArrayLike<DomElement>
  remove(): void
  replaceWith(...nodes: DomNode[]): void
  cloneNode(deep: boolean): DomElement
}

export interface DomDocument extends DomElement {
  readonly documentElement: DomElement | null
  readonly head: DomElement | null
  readonly body: DomElement | null
  readonly title: string
  createElement(tagName: string): DomElement
}

/** Parse an HTML document with linkedom. */
export function parseHtmlDocument(html: string): DomDocument {
  return (parseHTML(asDocument(html)) as unknown as { document: DomDocument }).document
}

/**
 * A page saved as a fragment, with no `<html>` element (TeX Live's readme.ja.html starts at its `<h1>`), goes inside
 * a body: linkedom puts the fragment's elements beside an empty body, so the page read as having no text at all.
 */
function asDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html
  return /<(?:head|body)[\s>]/i.test(html)
    ? `<html>${html}</html>`
    : `<html><body>${html}</body></html>`
}

/**
 * Parse XML (EPUB container, OPF, NCX, XHTML chapters) with linkedom in XML mode. htmlparser2 underneath never
 * fetches external entities and does not expand DTD-declared ones (tests prove it with billion-laughs files).
 */
export function parseXmlDocument(xml: string): DomDocument {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as DomDocument
}

/** Elements by tag name as an array (linkedom needs `getElementsByTagName` for names with a prefix like `dc:title`). */
export function byTag(root: DomElement, name: string): DomElement[] {
  return Array.from(root.getElementsByTagName(name))
}

/** Trimmed text of the first element with this tag name, or null. */
export function firstText(root: DomElement, name: string): string | null {
  const el = root.getElementsByTagName(name)[0]
  const text = el?.textContent?.replace(/\s+/g, ' ').trim()
  return text ? text : null
}
