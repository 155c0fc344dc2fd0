/**
 * Citations for quotes: each quote's in-text citation with its locator (page when the document has pages, else
 * paragraph) and the reference list of the documents they come from, in one CSL style.
 */
import type { CitationStyle, Quote } from '@shared/contract'
import { notFound } from '../core/errors'
import { type CiteRequest, formatCitations, type Locator } from './csl-engine'
import { type CitableDocument, type CslItem, cslIdOf, toCslItem } from './csl-item'
import { htmlToRuns, runsText } from './rich-text'

export type QuoteCitation = {
  quote: Quote
  document: CitableDocument
  item: CslItem
  locator: Locator | null
  inText: string
  inTextHtml: string
}

export type CitedQuotes = {
  style: CitationStyle
  quotes: QuoteCitation[]
  /** CSL items of the cited documents, once each, in first-cited order. */
  items: CslItem[]
  references: { itemId: string; text: string; html: string }[]
}

/** The locator a quote is cited with: its printed page label, else its page when known, else its paragraph. */
export function locatorOf(
  quote: Pick<Quote, 'page' | 'paragraph'> & { pageLabel?: string | null },
): Locator | null {
  if (quote.page !== null) return { label: 'page', value: quote.pageLabel ?? quote.page }
  if (quote.paragraph !== null) return { label: 'paragraph', value: quote.paragraph }
  return null
}

/**
 * Style guides print a space between a locator label and its number ("para. 17", "p. 4"); some CSL styles' short
 * terms come out of citeproc glued to the number ("para.17").
 */
export function spaceLocators(citation: string): string {
  return citation.replace(/\b(paras?|pp?|ch|chap|sec|vol|no|l|ll|fig|n)\.(?=\d)/g, '$1. ')
}

/**
 * Cite these quotes (in this order) in `style`. `documents` holds the citation fields of their documents
 * (`citableDocuments` over the documents repository's rows); a quote whose document is missing is `not_found`.
 */
export function citeQuotes(
  documents: ReadonlyMap<number, CitableDocument>,
  quotes: readonly Quote[],
  style: CitationStyle,
): CitedQuotes {
  const items: CslItem[] = []
  const itemByDoc = new Map<number, CslItem>()
  for (const q of quotes) {
    if (itemByDoc.has(q.documentId)) continue
    const doc = documents.get(q.documentId)
    if (!doc) throw notFound('document', q.documentId)
    const item = toCslItem(doc)
    itemByDoc.set(q.documentId, item)
    items.push(item)
  }
  const requests: CiteRequest[] = quotes.map((q) => ({
    itemId: cslIdOf(q.documentId),
    locator: locatorOf(q),
  }))
  // One engine run, in HTML; the plain text is read from the same output (citeproc is the slow part of an export).
  const html = formatCitations(items, requests, style, 'html')
  html.inText = html.inText.map(spaceLocators)
  const textOf = new Map<string, string>()
  const htmlToText = (h: string): string => {
    let t = textOf.get(h)
    if (t === undefined) {
      t = runsText(htmlToRuns(h))
      textOf.set(h, t)
    }
    return t
  }
  const text = {
    inText: html.inText.map(htmlToText),
    references: html.references.map((r) => ({ itemId: r.itemId, text: htmlToText(r.text) })),
  }
  const htmlById = new Map(html.references.map((r) => [r.itemId, r.text]))
  return {
    style,
    items,
    quotes: quotes.map((quote, i) => ({
      quote,
      document: documents.get(quote.documentId) as CitableDocument,
      item: itemByDoc.get(quote.documentId) as CslItem,
      locator: requests[i]?.locator ?? null,
      inText: text.inText[i] ?? '',
      inTextHtml: html.inText[i] ?? '',
    })),
    references: text.references.map((r) => ({ ...r, html: htmlById.get(r.itemId) ?? '' })),
  }
}
