import type { DiffSegment, DocumentId, QuoteId } from './common'
import type { DocumentFormat } from './documents'
import type { CitationStyle } from './export'
import type { SourceChange } from './quotes'

/** One word-level diff segment between a column and the reference column. */
export type { DiffSegment } from './common'

export type CompareColumn = {
  quoteId: QuoteId
  documentId: DocumentId
  text: string
  /** e.g. "Xinhua. China, Kenya agree … (2025-04-24), p. 3" */
  sourceLine: string
  /** The source document's format and language, shown beside the source line (sources can share a title). */
  format: DocumentFormat
  language: string | null
  /** In-text citation with locator in the requested style (a footnote text for note styles). */
  inText: string
  /** The document's reference-list entry in the requested style. */
  reference: string
  /** Diff of this column against the first column (the first column's own is all `same`). */
  diff: DiffSegment[]
  /** 0..1 word-level similarity to the first column. */
  similarity: number
  /** The source now prints different words at this quote's place (see `Quote.sourceChange`); `text` is as quoted. */
  sourceChange: SourceChange | null
}

export type Comparison = {
  columns: CompareColumn[]
  /** Similarity of each pair, [i][j]. */
  similarity: number[][]
  style: CitationStyle
}

export type SimilarPassage = {
  documentId: DocumentId
  title: string
  source: string | null
  publishedAt: string | null
  text: string
  start: number
  end: number
  page: number | null
  /** The page's printed label ("xii", "20"), shown as the locator instead of `page`; null when it has none. */
  pageLabel: string | null
  paragraph: number | null
  /** 0..1 against the quote: mean of ordered word similarity (jsdiff) and word overlap of the best-aligned passage. */
  score: number
  /** Quote → passage: 'removed' words are only in the quote, 'added' only in the passage. */
  diff: DiffSegment[]
}

export type ComparisonSet = {
  id: number
  name: string
  note: string
  /** The set's quotes that still exist, in column order. */
  quoteIds: QuoteId[]
  /** Quotes saved in this set that have been deleted since (undo puts them back); never replaced by others. */
  missingQuoteIds: QuoteId[]
  createdAt: string
  updatedAt: string
}

export type CompareApi = {
  /** 2–4 distinct quotes as columns, in the given order (reorder or swap by calling again). Default style APA. */
  /**
   * `strict`: compare the stored characters as they are; by default whitespace (hard line breaks, indentation) and
   * typographic quote style are not differences, and column texts are shown with whitespace normalised.
   */
  'compare.quotes': (args: {
    quoteIds: QuoteId[]
    style?: CitationStyle
    strict?: boolean
  }) => Comparison
  /**
   * Passages in other documents that report the same words or close variants, best first (`score` ≥ 0.4).
   * `terms` are the distinctive words used to find candidates in the full-text index.
   */
  'compare.similar': (args: { quoteId: QuoteId; limit?: number }) => {
    passages: SimilarPassage[]
    terms: string[]
  }
  'comparisons.list': (args: Record<string, never>) => ComparisonSet[]
  /** Create a named set, or replace set `id`'s name, note and quotes. */
  'comparisons.save': (args: {
    id?: number
    name: string
    note?: string
    quoteIds: QuoteId[]
  }) => ComparisonSet
  'comparisons.delete': (args: { id: number }) => { deleted: boolean }
}
