import type { DocumentId, PartialDate, QuoteId } from './common'
import type { DocumentFormat } from './documents'

/**
 * Marked text: snippets are plain text in which matched words sit between the private-use sentinels
 * MARK_START and MARK_END. The renderer turns them into <mark> elements; nothing here is ever HTML.
 */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

export type SearchArgs = {
  query: string
  limit?: number
  offset?: number
  /** `relevance` (bm25, title > authors/source > body) or `newest` (published date, then relevance). */
  sort?: 'relevance' | 'newest'
  /** Treat the last word as a prefix (search as you type). */
  asYouType?: boolean
  /** Include quote and note hits as their own result types (default true). */
  includeQuotes?: boolean
}

export type SearchPassage = { text: string; page: number | null }

export type SearchHit = {
  type: 'document' | 'quote' | 'note'
  documentId: DocumentId
  quoteId?: QuoteId
  title: string
  source: string | null
  authors: string[]
  publishedAt: PartialDate | null
  format: DocumentFormat
  /** The best passage (marked text), same as passages[0].text. */
  snippet: string
  passages: SearchPassage[]
  /** Page of the best passage, where known. */
  page: number | null
  /** Higher is better. */
  score: number
}

export type Suggestion = { word: string; replacement: string; query: string }

export type SearchResult = {
  /** Documents (and quotes) matching, regardless of limit. */
  total: number
  hits: SearchHit[]
  /** "Did you mean" corrections from the library's own vocabulary when the query looks misspelled. */
  suggestions: Suggestion[]
  /** Set when the query could not be understood as written; the hits then come from the best reading of it. */
  message?: string
  tookMs: number
}

export type SavedSearch = { id: number; name: string; query: string; count: number }

export type SearchApi = {
  'search.query': (args: SearchArgs) => SearchResult
  /** Matches inside one document with the same folding rules as search: offsets into its text. */
  'search.inDocument': (args: { documentId: DocumentId; query: string }) => {
    matches: { start: number; end: number; page: number | null }[]
  }
  'searches.list': (args: Record<string, never>) => SavedSearch[]
  'searches.save': (args: { name: string; query: string }) => SavedSearch
  'searches.delete': (args: { id: number }) => { deleted: boolean }
}
