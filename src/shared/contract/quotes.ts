import type { DiffSegment, DocumentId, PartialDate, QuoteId, Timestamp } from './common'
import type { DocumentFormat, TagRef } from './documents'
import type { PageRect } from './originals'

/** Named highlight colours; the labels (meanings) are the user's to rename. */
export type QuoteColor = 'yellow' | 'green' | 'blue' | 'pink' | 'purple' | 'orange'

/** Where the quote's anchor stands after the document text last changed. */
export type QuotePlacement = 'exact' | 'moved' | 'fuzzy' | 'unplaced'

export type SourceChange = { currentText: string; diff: DiffSegment[] }

export type Quote = {
  id: QuoteId
  documentId: DocumentId
  /** W3C TextQuoteSelector: the exact passage and up to 32 characters of context either side. */
  exact: string
  prefix: string
  suffix: string
  /** W3C TextPositionSelector over the document's plain text; null when unplaced. */
  start: number | null
  end: number | null
  /** 1-based page for paged formats, else null. */
  page: number | null
  /**
   * The page's printed label (`/PageLabels`, or the page number printed in its running header/footer): "iv", "17".
   * Citations use it as the locator; null when the page has none (then `page` is the locator).
   */
  pageLabel: string | null
  /**
   * Where the quote was selected on the printed page (PDF page view): rectangles in PDF user space, top-left origin.
   * Null for quotes made in the text view; the text offsets above stay the anchor that search and export use.
   */
  rects: PageRect[] | null
  /** 1-based paragraph number in the document's text (blank-line separated), for citations without pages. */
  paragraph: number | null
  note: string
  color: QuoteColor
  placement: QuotePlacement
  /**
   * Set when a re-import changed the words at the quote's position: `exact` stays what was quoted; `currentText` is
   * what the source says there now, `diff` turns `exact` into it. Null when the source still says `exact`.
   * `quotes.acceptSourceWording` takes the new wording explicitly.
   */
  sourceChange: SourceChange | null
  tags: TagRef[]
  createdAt: Timestamp
  updatedAt: Timestamp
  /** Denormalised for lists and citations. */
  document: {
    title: string
    authors: string[]
    publishedAt: PartialDate | null
    source: string | null
    url: string | null
    /** Shown beside the title: two sources can share one (a PDF and its TXT, a page in several languages). */
    format: DocumentFormat
    language: string | null
  }
}

export type NewQuote = {
  documentId: DocumentId
  /**
   * Either the exact passage (must occur in the text; runs of whitespace may differ; the occurrence nearest `start`
   * wins when given) …
   */
  text?: string
  /** … or character offsets into the document's text. */
  start?: number
  end?: number
  /** Selection rectangles on the PDF page (page view); stored as given, at most 200. */
  rects?: PageRect[]
  note?: string
  color?: QuoteColor
  tags?: string[]
}

export type QuoteListArgs = {
  documentId?: DocumentId
  tag?: string
  placement?: QuotePlacement
  ids?: QuoteId[]
  offset?: number
  limit?: number
}

export type QuotesApi = {
  'quotes.create': (args: NewQuote) => Quote
  'quotes.get': (args: { id: QuoteId }) => Quote
  /** Replace a "source changed" quote's words with the source's current wording (conflict when unchanged). */
  'quotes.acceptSourceWording': (args: { id: QuoteId }) => Quote
  'quotes.list': (args: QuoteListArgs) => { total: number; quotes: Quote[] }
  'quotes.update': (args: {
    id: QuoteId
    note?: string
    color?: QuoteColor
    tags?: string[]
  }) => Quote
  /** Delete with undo: the rows go to the trash; `quotes.restore` with the token puts them back with the same ids. */
  'quotes.delete': (args: { ids: QuoteId[] }) => { deleted: number; undoToken: string }
  'quotes.restore': (args: { undoToken: string }) => { restored: number }
  /** The user's labels for the highlight colours. */
  'quotes.colors': (args: Record<string, never>) => { color: QuoteColor; label: string }[]
  'quotes.setColorLabel': (args: {
    color: QuoteColor
    label: string
  }) => { color: QuoteColor; label: string }[]
}
