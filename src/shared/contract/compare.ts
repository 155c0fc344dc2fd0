import type { DocumentId, QuoteId } from './common'
import type { CitationStyle } from './export'

/** One word-level diff segment between a column and the reference column. */
export type DiffSegment = { text: string; kind: 'same' | 'added' | 'removed' }

export type CompareColumn = {
  quoteId: QuoteId
  documentId: DocumentId
  text: string
  /** e.g. "Xinhua. China, Kenya agree … (2025-04-24), p. 3" */
  sourceLine: string
  inText: string
  /** Diff of this column against the first column (the first column's own is all `same`). */
  diff: DiffSegment[]
  /** 0..1 word-level similarity to the first column. */
  similarity: number
}

export type Comparison = {
  columns: CompareColumn[]
  /** Similarity of each pair, [i][j]. */
  similarity: number[][]
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
  /** 0..1 alignment score against the quote. */
  score: number
  diff: DiffSegment[]
}

export type ComparisonSet = {
  id: number
  name: string
  note: string
  quoteIds: QuoteId[]
  createdAt: string
}

export type CompareApi = {
  'compare.quotes': (args: { quoteIds: QuoteId[]; style?: CitationStyle }) => Comparison
  /** Passages in other documents that report the same words or close variants. */
  'compare.similar': (args: { quoteId: QuoteId; limit?: number }) => { passages: SimilarPassage[] }
  'comparisons.list': (args: Record<string, never>) => ComparisonSet[]
  'comparisons.save': (args: {
    id?: number
    name: string
    note?: string
    quoteIds: QuoteId[]
  }) => ComparisonSet
  'comparisons.delete': (args: { id: number }) => { deleted: boolean }
}
