/** Side-by-side comparison of 2–4 quotes: columns with source lines and citations, word diffs, similarities. */
import type {
  CitationStyle,
  CompareColumn,
  Comparison,
  DiffSegment,
  Quote,
  QuoteId,
} from '@shared/contract'
import { citeQuotes, locatorOf } from '../citations/cite-quotes'
import { invalidArgs, notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { getQuotes } from '../quotes/quote-rows'
import { MAX_COLUMNS, MIN_COLUMNS } from './column-limits'
import { similarityOf, wordDiff } from './word-diff'

export { MAX_COLUMNS, MIN_COLUMNS } from './column-limits'

/** "Michelle Obama. Remarks by the First Lady … (2012-10-22), para. 3": who, what, when, where in it. */
export function sourceLine(quote: Quote): string {
  const who =
    quote.document.authors.length > 0 ? quote.document.authors.join(', ') : quote.document.source
  const when = quote.document.publishedAt ? ` (${quote.document.publishedAt})` : ''
  const locator = locatorOf(quote)
  const where = locator ? `, ${locator.label === 'page' ? 'p.' : 'para.'} ${locator.value}` : ''
  return `${who ? `${who}. ` : ''}${quote.document.title}${when}${where}`
}

/** Load exactly these quotes, distinct, or fail with a message a person can act on. */
export function loadQuotesForComparison(db: Db, ids: readonly QuoteId[]): Quote[] {
  if (new Set(ids).size !== ids.length) throw invalidArgs('Pick different quotes to compare.')
  if (ids.length < MIN_COLUMNS || ids.length > MAX_COLUMNS) {
    throw invalidArgs(`Pick ${MIN_COLUMNS} to ${MAX_COLUMNS} quotes to compare.`)
  }
  const quotes = getQuotes(db, ids)
  const missing = ids.find((id) => !quotes.some((q) => q.id === id))
  if (missing !== undefined) throw notFound('quote', missing)
  return quotes
}

/** Columns in the given order; diffs and similarities are against the first column, plus the full pair matrix. */
export function compareQuotes(
  db: Db,
  ids: readonly QuoteId[],
  style: CitationStyle = 'apa',
): Comparison {
  const quotes = loadQuotesForComparison(db, ids)
  const cited = citeQuotes(db, quotes, style)
  const first = quotes[0] as Quote
  const matrix: number[][] = quotes.map(() => quotes.map(() => 1))
  for (let i = 0; i < quotes.length; i++) {
    for (let j = i + 1; j < quotes.length; j++) {
      const s = similarityOf(wordDiff((quotes[i] as Quote).exact, (quotes[j] as Quote).exact))
      ;(matrix[i] as number[])[j] = s
      ;(matrix[j] as number[])[i] = s
    }
  }
  const columns: CompareColumn[] = quotes.map((quote, i) => {
    const diff: DiffSegment[] =
      i === 0 ? [{ text: quote.exact, kind: 'same' }] : wordDiff(first.exact, quote.exact)
    return {
      quoteId: quote.id,
      documentId: quote.documentId,
      text: quote.exact,
      sourceLine: sourceLine(quote),
      inText: cited.quotes[i]?.inText ?? '',
      reference: cited.references.find((r) => r.itemId === cited.quotes[i]?.item.id)?.text ?? '',
      diff,
      similarity: matrix[0]?.[i] ?? 1,
    }
  })
  return { columns, similarity: matrix, style }
}
