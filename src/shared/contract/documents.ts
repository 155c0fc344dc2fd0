import type { DocumentId, JobTicket, PartialDate, QuoteId, TagId, Timestamp } from './common'
import type { DocumentIdentifier, MetadataReview, Provenance } from './metadata'

export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'epub' | 'docx'

/** CSL item types we offer; the importers pick a sensible default. */
export type CitationType =
  | 'article-newspaper'
  | 'article-journal'
  | 'article-magazine'
  | 'report'
  | 'book'
  | 'chapter'
  | 'webpage'
  | 'speech'
  | 'document'

export type TagRef = { id: TagId; name: string; color: string | null }

/** One row of the library table. */
export type DocumentSummary = {
  id: DocumentId
  title: string
  authors: string[]
  publishedAt: PartialDate | null
  source: string | null
  format: DocumentFormat
  /** BCP 47 tag stored for the document (declared, detected or edited), null when unknown: rows that share a title
   * are told apart by format and language. */
  language: string | null
  wordCount: number
  tags: TagRef[]
  quoteCount: number
  importedAt: Timestamp
}

/** Bibliographic fields a person can correct in the reader's metadata panel. */
export type DocumentMetadata = {
  title: string
  authors: string[]
  publishedAt: PartialDate | null
  source: string | null
  url: string | null
  language: string | null
  citationType: CitationType
  containerTitle: string | null
  publisher: string | null
  doi: string | null
  accessedAt: PartialDate | null
}

export type TocEntry = { title: string; level: number; offset: number }

/** Everything the reader needs to show one document. */
export type DocumentDetail = DocumentSummary &
  DocumentMetadata & {
    fileName: string | null
    sourcePath: string | null
    contentHash: string
    /** Plain text: what search, quotes and offsets refer to. */
    text: string
    /** Sanitized HTML for display, when the format has structure; null means render `text` as paragraphs. */
    html: string | null
    /** Character offset in `text` where each page starts (PDF), else null. Page n starts at pageStarts[n-1]. */
    pageStarts: number[] | null
    toc: TocEntry[] | null
    warnings: string[]
    updatedAt: Timestamp
    /** Where each bibliographic field came from, with a confidence (a person's correction is `user`). */
    provenance: Provenance
    /**
     * Where `language` came from: declared by the file (HTML lang, EPUB/DOCX/PDF metadata, front matter), detected
     * from its text, or edited by a person; null when there is no language. It picks the document's stemmer.
     */
    languageSource: 'declared' | 'detected' | 'edited' | null
    /** DOI, ISBN, arXiv id, ISSN, URLs found in the document. */
    identifiers: DocumentIdentifier[]
    /** When the file itself was made or converted (its properties): never a publication date. */
    fileDate: PartialDate | null
  }

/** Fields that can be set on many documents at once. Tags are added, never removed. */
export type BulkMetadataPatch = {
  authors?: string[]
  source?: string | null
  publishedAt?: PartialDate | null
  addTags?: string[]
}

export type DocumentSortKey =
  | 'title'
  | 'authors'
  | 'publishedAt'
  | 'source'
  | 'wordCount'
  | 'importedAt'

export type DocumentListArgs = {
  /** Documents must carry every one of these tags. */
  tags?: string[]
  source?: string
  /** Inclusive bounds on the published date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  after?: PartialDate
  before?: PartialDate
  sort?: DocumentSortKey
  order?: 'asc' | 'desc'
  offset?: number
  limit?: number
}

export type ImportStatus = 'imported' | 'duplicate' | 'updated' | 'failed' | 'skipped'

export type ImportFileResult = {
  path: string
  status: ImportStatus
  documentId?: DocumentId
  title?: string
  format?: DocumentFormat
  /** Why it failed or was skipped; for duplicates, which document it duplicates. */
  error?: string
  warnings?: string[]
  /** Quotes that could not be re-anchored after an update ("Unplaced quotes"). */
  unplacedQuoteIds?: QuoteId[]
  /** On update: quotes whose words the new version no longer prints exactly (kept as quoted, marked "source changed"). */
  sourceChangedQuoteIds?: QuoteId[]
}

export type ImportReport = {
  imported: number
  duplicates: number
  updated: number
  failed: number
  skipped: number
  results: ImportFileResult[]
}

export type ImportArgs = {
  /** Files and folders; folders are walked recursively, hidden and system files skipped. */
  paths: string[]
  /** Tags to put on every imported document. */
  tags?: string[]
}

export type DocumentsApi = {
  /** Start importing files and folders. Progress as `job.progress`; the report arrives with `job.finished`. */
  'documents.import': (args: ImportArgs) => JobTicket
  'documents.list': (args: DocumentListArgs) => { total: number; documents: DocumentSummary[] }
  'documents.get': (args: { id: DocumentId }) => DocumentDetail
  /** Correct bibliographic metadata; only the given fields change. */
  'documents.update': (args: { id: DocumentId; patch: Partial<DocumentMetadata> }) => DocumentDetail
  /** Documents (all, or these) whose title, authors or date are missing or guessed: the check before citing. */
  'documents.reviewMetadata': (args: { ids?: DocumentId[] }) => { documents: MetadataReview[] }
  /** Correct the same fields on many documents at once (each field marked as a person's correction). */
  'documents.updateMany': (args: { ids: DocumentId[]; patch: BulkMetadataPatch }) => {
    updated: number
  }
  /** Delete documents (with their quotes); returns a token that `documents.restore` accepts for this session. */
  'documents.delete': (args: { ids: DocumentId[] }) => { deleted: number; undoToken: string }
  'documents.restore': (args: { undoToken: string }) => { restored: number }
  /** Distinct sources with document counts, for the library filter. */
  'documents.sources': (args: Record<string, never>) => { source: string; count: number }[]
  /** The import log, newest first. */
  'documents.importLog': (args: { limit?: number }) => (ImportFileResult & { at: Timestamp })[]
}
