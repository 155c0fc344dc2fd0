import type { DocumentId, QuoteId, TagId } from './common'
import type { DocumentFormat } from './documents'

/** Which parts of the palette list to send (default: all). */
export type PalettePart = 'documents' | 'quotes' | 'tags' | 'searches' | 'comparisons'

/**
 * [id, title, authors joined with "; ", source ('' when unknown), format, language ('' when unknown)]: compact,
 * 100,000 rows travel in one answer. Format and language tell same-titled documents apart (a PDF and its TXT).
 */
export type PaletteDocumentRow = [
  id: DocumentId,
  title: string,
  authors: string,
  source: string,
  format: DocumentFormat,
  language: string,
]
/** [id, document id, the quote's first words]. */
export type PaletteQuoteRow = [id: QuoteId, documentId: DocumentId, firstWords: string]
/** Inclusive id runs `[first, last]`: every id that exists, so a receiver can drop deleted rows. */
export type IdRuns = [first: number, last: number][]

export type PaletteEntriesArgs = {
  /** A `cursor` from an earlier answer: then only documents and quotes changed at or after it are sent. */
  since?: string
  parts?: PalettePart[]
  /**
   * Page the documents, newest first: at most `limit` of them (then `next` says where to go on), with ids below
   * `before`. Pages carry no `documentIds`; a page with `before` carries documents only.
   */
  limit?: number
  before?: number
}

export type PaletteEntries = {
  /** Pass back as `since` next time. */
  cursor: string
  /** When documents were paged and more remain: pass as `before` for the next page. */
  next?: number
  /** Present when the part was asked for. With `since`, only rows changed since (plus a few repeats). */
  documents?: PaletteDocumentRow[]
  documentIds?: IdRuns
  quotes?: PaletteQuoteRow[]
  quoteIds?: IdRuns
  tags?: [id: TagId, name: string][]
  searches?: [id: number, name: string, query: string][]
  comparisons?: [id: number, name: string][]
}

export type PaletteApi = {
  /**
   * The compact ids+fields list the "go to anything" palette indexes in the renderer (FlexSearch, in a worker).
   * Read-only; kept in step by `library.changed` and `since`.
   */
  'palette.entries': (args: PaletteEntriesArgs) => PaletteEntries
}
