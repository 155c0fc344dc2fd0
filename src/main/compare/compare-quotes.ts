/** Side-by-side comparison of 2–4 quotes: columns with source lines and citations, word diffs, similarities. */
import type { CitationStyle, CompareColumn, Comparison, DiffSegment, Quote } from '@shared/contract'
import { citeQuotes, locatorOf } from '../citations/cite-quotes'
import type { CitableDocument } from '../citations/csl-item'
import { displayQuoteText } from '../quotes/quote-text'
import { quoteDiff, similarityOf } from './word-diff'

export { MAX_COLUMNS, MIN_COLUMNS, quotesForComparison } from './column-limits'

/** "Michelle Obama. Remarks by the First Lady … (2012-10-22), para. 3": who, what, when, where in it. */
export function sourceLine(quote: Quote): string {
  const who =
    quote.document.authors.length > 0 ? quote.document.authors.join(', ') : quote.document.source
  const when = quote.document.publishedAt ? ` (${quote.document.publishedAt})` : ''
  const locator = locatorOf(quote)
  const where = locator ? `, ${locator.label === 'page' ? 'p.' : 'para.'} ${locator.value}` : ''
  return `${who ? `${who}. ` : ''}${quote.document.title}${when}${where}`
}

/**
 * Columns in the given order (the quotes from `quotesForComparison`, their documents' citation fields in
 * `documents`); diffs and similarities are against the first column, plus the full pair matrix.
 */
export function compareQuotes(
  quotes: readonly Quote[],
  documents: ReadonlyMap<number, CitableDocument>,
  style: CitationStyle = 'apa',
  strict = false,
): Comparison {
  const cited = citeQuotes(documents, quotes, style)
  const first = quotes[0] as Quote
  const matrix: number[][] = quotes.map(() => quotes.map(() => 1))
  for (let i = 0; i < quotes.length; i++) {
    for (let j = i + 1; j < quotes.length; j++) {
      const s = similarityOf(
        quoteDiff((quotes[i] as Quote).exact, (quotes[j] as Quote).exact, strict),
      )
      ;(matrix[i] as number[])[j] = s
      ;(matrix[j] as number[])[i] = s
    }
  }
  const columns: CompareColumn[] = quotes.map((quote, i) => {
    const text = strict ? quote.exact : displayQuoteText(quote.exact)
    const diff: DiffSegment[] =
      i === 0 ? [{ text, kind: 'same' }] : quoteDiff(first.exact, quote.exact, strict)
    return {
      quoteId: quote.id,
      documentId: quote.documentId,
      text,
      sourceLine: sourceLine(quote),
      format: quote.document.format,
      language: quote.document.language,
      inText: cited.quotes[i]?.inText ?? '',
      reference: cited.references.find((r) => r.itemId === cited.quotes[i]?.item.id)?.text ?? '',
      diff,
      similarity: matrix[0]?.[i] ?? 1,
      sourceChange: quote.sourceChange,
    }
  })
  return { columns, similarity: matrix, style }
}
