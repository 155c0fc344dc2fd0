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
  /**
   * Search as you type: the last word is a prefix and an unfinished tail (open quote or bracket, dangling OR) is not
   * reported. Large result sets are ranked over a bounded candidate set (see src/main/search/search-service.ts).
   */
  asYouType?: boolean
  /** Include quote and note hits as their own result types (default true). */
  includeQuotes?: boolean
}

export type SearchPassage = {
  text: string
  page: number | null
  /** The page's printed label (`/PageLabels`: "xii", "20"), shown as the locator instead of `page`; else null. */
  pageLabel: string | null
  /**
   * Document passages only: where the matched words of this passage sit in the document's text (UTF-16 offsets,
   * first match start to last match end), so the reader can open the document at exactly this passage.
   */
  start?: number
  end?: number
}

export type SearchHit = {
  type: 'document' | 'quote' | 'note'
  documentId: DocumentId
  quoteId?: QuoteId
  title: string
  source: string | null
  authors: string[]
  publishedAt: PartialDate | null
  format: DocumentFormat
  /** The document's stored language: shown with the format, so same-titled hits (a PDF and its TXT) differ. */
  language: string | null
  /** The best passage (marked text), same as passages[0].text. */
  snippet: string
  passages: SearchPassage[]
  /** Page of the best passage, where known. */
  page: number | null
  /** Printed label of that page, where the document has one ("xii"); show it rather than `page`. */
  pageLabel: string | null
  /** Relevance, higher is better; 0 when the list is in date order or too unselective to rank (see search-service). */
  score: number
}

/**
 * A spelling correction: `word` (as the user typed it) → `replacement` (as the library's documents print it: accents,
 * capitals, never the index's folded form), and `query`, the user's query with this and every other misspelt word
 * so corrected (suggestions[0].query is the "did you mean" query).
 */
export type Suggestion = { word: string; replacement: string; query: string }

export type SearchResult = {
  /** Documents, quotes and notes matching, regardless of limit and offset. Quote and note hits come first. */
  total: number
  /**
   * Set (asYouType only) when `total` is a lower bound: a one-letter prefix being typed matched more documents than
   * are counted per keystroke (search-service TYPING_COUNT_CAP). Show it as "10,000+ results". Full queries are exact.
   */
  totalIsEstimate?: boolean
  /**
   * Set when the matches were too many to rank them all: only the newest this many were ranked by relevance on each
   * page (0: listed newest first, unranked). Documents whose title holds the query are ranked first regardless.
   * Show it like an estimate: "ranked among the newest 500".
   */
  rankedAmongNewest?: number
  hits: SearchHit[]
  /** "Did you mean" corrections from the library's own vocabulary when the query looks misspelled. */
  suggestions: Suggestion[]
  /** Set when the query could not be understood as written; the hits then come from the best reading of it. */
  message?: string
  tookMs: number
}

export type InDocumentArgs = { documentId: DocumentId; query: string; prefix?: boolean }

export type InDocumentResult = {
  /** `pageLabel`: the printed label of the match's page ("xii"), null when it has none. */
  matches: { start: number; end: number; page: number | null; pageLabel: string | null }[]
  /** More than 10,000 matches: only the first 10,000 are listed. */
  truncated: boolean
  /** Set when the query could not be read as written. */
  message?: string
}

/** `count` is the `total` the search reports now (documents plus quotes and notes). */
export type SavedSearch = { id: number; name: string; query: string; count: number }

export type SearchApi = {
  'search.query': (args: SearchArgs) => SearchResult
  /**
   * Matches inside one document with the same parser and folding rules as search: offsets into its text (UTF-16,
   * end exclusive), in order, at most 10,000. `prefix` (default true) matches the last word as a prefix, like a
   * find bar as you type.
   */
  'search.inDocument': (args: InDocumentArgs) => InDocumentResult
  'searches.list': (args: Record<string, never>) => SavedSearch[]
  'searches.save': (args: { name: string; query: string }) => SavedSearch
  'searches.delete': (args: { id: number }) => { deleted: boolean }
}
