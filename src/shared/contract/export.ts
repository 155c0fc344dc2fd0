import type { DocumentId, QuoteId } from './common'

export type ExportFormat =
  | 'md'
  | 'txt'
  | 'html'
  | 'docx'
  | 'csv'
  | 'json'
  | 'csl-json'
  | 'bibtex'
  | 'ris'
  | 'w3c'

export type CitationStyle =
  | 'apa'
  | 'mla'
  | 'chicago-author-date'
  | 'chicago-note'
  | 'harvard'
  | 'ieee'
  | 'vancouver'

/** Which quotes go into an export ("the basket"). Exactly one field. */
export type QuoteSelection =
  | { quoteIds: QuoteId[] }
  | { tag: string }
  | { documentId: DocumentId }
  | { comparisonId: number }
  | { all: true }

/** `style` defaults to APA; it is accepted with every format and ignored where it does not apply (CSL-JSON, BibTeX, RIS, W3C). */
export type ExportArgs = { selection: QuoteSelection; format: ExportFormat; style?: CitationStyle }

export type ExportPreview = {
  /** Text content; for binary formats (docx) a base64 string, with `encoding: 'base64'`. */
  content: string
  encoding: 'utf8' | 'base64'
  mime: string
  /** A sanitised default file name. */
  fileName: string
  quoteCount: number
  /** The documents the exported quotes come from (for the check before citing). */
  documentIds: DocumentId[]
}

export type ExportApi = {
  /** Render the export in memory (for preview and clipboard). Zero quotes is `invalid_args` with a clear message. */
  'export.render': (args: ExportArgs) => ExportPreview
  /**
   * Write atomically to `path` (a file path, or an existing folder: then the file is named from `fileName` or the
   * default name, sanitised, and always lands inside that folder). An existing file is a `conflict` unless
   * `overwrite`; an unwritable target is `invalid_args` with the reason, and no partial file is left.
   */
  'export.save': (args: ExportArgs & { path: string; fileName?: string; overwrite?: boolean }) => {
    path: string
    bytes: number
  }
  /** Citation of one quote (in-text and reference entry) in a style, as plain text and HTML. */
  'export.cite': (args: { quoteId: QuoteId; style: CitationStyle }) => {
    inText: string
    reference: string
    referenceHtml: string
  }
}
