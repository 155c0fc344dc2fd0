import type { DocumentId, JobTicket } from './common'

/**
 * Originals: the library keeps a byte-for-byte copy of every imported file (content-addressed under
 * `<library>/files/ab/abcd….ext`), so the reader can show the printed page and a better extractor can re-read it.
 */

/**
 * `stored`: the copy is there and its hash matches; `missing`: the row names a copy that is gone; `altered`: the copy's
 * bytes no longer match the recorded hash; `none`: imported before Lectern kept originals (or from no file).
 */
export type OriginalStatus = 'stored' | 'missing' | 'altered' | 'none'

/**
 * How stored document HTML names an image inside its original (`app-doc:part/OEBPS/images/x.png`); the reader turns it
 * into Shell.originalUrl(id, path). Nothing else in stored HTML may load.
 */
export const DOCUMENT_PART_PREFIX = 'app-doc:part/'

export type OriginalInfo = {
  documentId: DocumentId
  status: OriginalStatus
  /** sha256 (hex) of the original bytes, when one was recorded. */
  sha256: string | null
  bytes: number | null
  /** The exact Content-Type the file route serves it with (`application/pdf`, `application/epub+zip`, …). */
  mediaType: string | null
  /** The name the file had when imported. */
  fileName: string | null
  /**
   * Files embedded in the original that the reader may display (EPUB/DOCX images): paths inside the original, to pass
   * as `part` to Shell.originalUrl. Empty for PDFs and plain formats.
   */
  parts: { path: string; mediaType: string }[]
}

/** One page of a paged document (PDF). Offsets are into DocumentDetail.text, `end` exclusive. */
export type PageInfo = {
  /** 1-based physical page number (what pdf.js calls pageNumber). */
  page: number
  start: number
  end: number
  /** The printed page label (`/PageLabels`: "iv", "17", "A-3"), or null when the PDF declares none. */
  label: string | null
  /** Running header/footer lines and page numbers detected on this page and removed from the text flow. */
  removed: string[]
  /** Page size in PDF user-space units (1/72 in), as pdf.js's viewport at scale 1 with rotation 0. */
  width: number
  height: number
}

/** One entry of the document's outline: PDF outline, EPUB navigation, or headings for HTML/DOCX/Markdown. */
export type OutlineEntry = {
  title: string
  /** 1 = top level. */
  level: number
  /** Where the entry points in DocumentDetail.text, or null when it could not be placed. */
  offset: number | null
  /** 1-based physical page for PDFs, else null. */
  page: number | null
}

/** A rectangle on a PDF page, in PDF user-space units with the origin at the page's top-left (y grows down). */
export type PageRect = { page: number; x: number; y: number; width: number; height: number }

export type ReextractArgs = {
  /** Documents to re-read from their originals… */
  ids?: DocumentId[]
  /** …or every document that has one. */
  all?: boolean
}

export type OriginalsApi = {
  /** What the library holds of a document's original file (the bytes themselves come from Shell.originalUrl). */
  'documents.original': (args: { id: DocumentId }) => OriginalInfo
  /** Page table of a paged document; `pages` is null for formats without pages. */
  'documents.pages': (args: { id: DocumentId }) => { pages: PageInfo[] | null }
  /** The document's outline (empty when it has none). */
  'documents.outline': (args: { id: DocumentId }) => { entries: OutlineEntry[] }
  /**
   * Re-run today's extractors on stored originals and re-anchor each document's quotes (a quote's exact words never
   * change; a passage that is gone becomes an unplaced quote). Progress as `job.progress` (kind `reextract`); the
   * report (an ImportReport: `updated`, `skipped` for documents without an original, `failed`) with `job.finished`.
   */
  'documents.reextract': (args: ReextractArgs) => JobTicket
}

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
}

/** The media type of an image inside an EPUB/DOCX original, by extension; null for anything not served. */
export const partMediaType = (path: string): string | null =>
  IMAGE_TYPES[/\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? ''] ?? null
