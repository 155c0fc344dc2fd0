/** The quote basket: which quotes an export holds, in which order, and what to call it. */
import type { DocumentId, Quote, QuoteSelection } from '@shared/contract'
import { invalidArgs, notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { documentsRepository } from '../library/documents.repository'
import { comparisonsRepository } from '../quotes/comparisons.repository'
import { getQuotes, listQuotes } from '../quotes/quote-rows'

/** More quotes than this in one export is refused (a sanity bound on memory and file size). */
export const MAX_EXPORT_QUOTES = 10_000

export type Basket = {
  quotes: Quote[]
  /** Heading of the export and base of its default file name. */
  title: string
}

/** Reading order across documents: by publication date, then title, then position in the text. */
function readingOrder(a: Quote, b: Quote): number {
  const da = a.document.publishedAt ?? '9999'
  const db = b.document.publishedAt ?? '9999'
  if (da !== db) return da < db ? -1 : 1
  if (a.documentId !== b.documentId) {
    return a.document.title.localeCompare(b.document.title) || a.documentId - b.documentId
  }
  return (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER) || a.id - b.id
}

function listAll(db: Db, filter: { tag?: string; documentId?: DocumentId }): Quote[] {
  const { total, quotes } = listQuotes(db, {
    ...(filter.tag !== undefined ? { tag: filter.tag } : {}),
    ...(filter.documentId !== undefined ? { documentId: filter.documentId } : {}),
    limit: MAX_EXPORT_QUOTES,
  })
  if (total > MAX_EXPORT_QUOTES) {
    throw invalidArgs(
      `That selection holds ${total} quotes; export at most ${MAX_EXPORT_QUOTES} at a time (by tag or document).`,
    )
  }
  return quotes
}

const quoted = (s: string): string => `“${s.length > 80 ? `${s.slice(0, 79)}…` : s}”`

/** Resolve a selection to its quotes. Zero quotes is `invalid_args` with a message saying why. */
export function resolveBasket(db: Db, selection: QuoteSelection): Basket {
  let basket: Basket
  if ('quoteIds' in selection) {
    const quotes = getQuotes(db, [...new Set(selection.quoteIds)])
    const missing = selection.quoteIds.find((id) => !quotes.some((q) => q.id === id))
    if (missing !== undefined) throw notFound('quote', missing)
    basket = { quotes, title: 'Selected quotes' }
  } else if ('tag' in selection) {
    basket = {
      quotes: listAll(db, { tag: selection.tag }).sort(readingOrder),
      title: `Quotes tagged ${quoted(selection.tag)}`,
    }
  } else if ('documentId' in selection) {
    const title = documentsRepository.titleOf(db, selection.documentId)
    if (title === undefined) throw notFound('document', selection.documentId)
    basket = {
      quotes: listAll(db, { documentId: selection.documentId }),
      title: `Quotes from ${quoted(title)}`,
    }
  } else if ('comparisonId' in selection) {
    const set = comparisonsRepository.get(db, selection.comparisonId)
    basket = { quotes: getQuotes(db, set.quoteIds), title: set.name }
  } else {
    basket = { quotes: listAll(db, {}).sort(readingOrder), title: 'All quotes' }
  }
  if (basket.quotes.length === 0) throw invalidArgs(emptyMessage(selection))
  return basket
}

function emptyMessage(selection: QuoteSelection): string {
  if ('tag' in selection)
    return `There is nothing to export: no quote carries the tag ${quoted(selection.tag)}.`
  if ('documentId' in selection)
    return 'There is nothing to export: that document has no quotes yet.'
  if ('comparisonId' in selection) {
    return 'There is nothing to export: the quotes of that comparison set have all been deleted.'
  }
  if ('all' in selection) return 'There is nothing to export: the library has no quotes yet.'
  return 'There is nothing to export: select at least one quote.'
}
