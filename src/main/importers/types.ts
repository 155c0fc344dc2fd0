/**
 * The one shape every extractor produces, and the messages the import worker exchanges with the pool.
 * Plain JSON only: these objects cross a worker_threads boundary by structured clone.
 */
import type {
  CitationType,
  DocumentFormat,
  DocumentIdentifier,
  PartialDate,
  Provenance,
  TocEntry,
} from '@shared/contract'

/** What an extractor knows about a file once it has read it. */
export type ExtractedDocument = {
  format: DocumentFormat
  title: string
  authors: string[]
  publishedAt: PartialDate | null
  /** Publisher, site or outlet ("BBC News", "The White House"). */
  source: string | null
  url: string | null
  /** BCP 47 tag when the file says (`en`, `en-GB`). */
  language: string | null
  /** Plain text: what search, quotes and offsets refer to. NULs stripped, line endings `\n`. */
  text: string
  /** Sanitized display HTML, or null when the text is shown as paragraphs. */
  html: string | null
  /** Offset in `text` where each page starts (PDF), else null. */
  pageStarts: number[] | null
  /** Table of contents (PDF outline, EPUB navigation, HTML/DOCX/Markdown headings), offsets into `text`. */
  toc: TocEntry[] | null
  /** Per page (PDF), aligned with pageStarts: printed label, removed running headers/footers, size. */
  pageMeta: PageMeta[] | null
  /** Things the reader should know ("no text layer (scanned?)"). */
  warnings: string[]
  citationType: CitationType
  containerTitle: string | null
  publisher: string | null
  doi: string | null
  /** Tags the file itself declares (Markdown front matter). */
  tags: string[]
  /** Where each bibliographic field came from (metadata/provenance.ts sets a field and its provenance together). */
  provenance: Provenance
  /** DOI, ISBN, arXiv id, ISSN, URLs found in the file's metadata or first pages. */
  identifiers: DocumentIdentifier[]
  /** A date the file's properties or file system carry (creation, conversion): never a publication date. */
  fileDate: PartialDate | null
}

/** What a paged document knows about each page besides its text. */
export type PageMeta = {
  label: string | null
  removed: string[]
  width: number
  height: number
}

/** The copy of the imported file kept in the library (see originals/original-files.ts). */
export type KeptOriginal = { sha256: string; ext: string; bytes: number; mediaType: string }

/** An extracted document plus what the pipeline derives from it (computed off the main thread). */
export type ExtractedFile = ExtractedDocument & {
  /** sha256 of the normalised text (see normalise.ts); of the file bytes when there is no text. */
  contentHash: string
  wordCount: number
  /** `declared` by the file, `detected` from its text (language.ts) when it declares none, null when unknown. */
  languageSource: 'declared' | 'detected' | null
  /** Bytes actually read. */
  size: number
  /** Set when the extraction was asked to keep the original (ExtractLimits.libraryDir). */
  original?: KeptOriginal
  /** Pages (PDF) for throughput figures; 1 for other formats. */
  pages: number
  /** Where the worker's time went, in ms (benchmarks and logs). */
  timings: ExtractTimings
  /** The stem pairs of `title` and `text` in `language`, when the extraction was asked for them (file-stems.ts). */
  stems?: FileStems
}

/**
 * A document's search_stems pairs, computed where it was extracted so the main thread only writes them: valid for
 * this language, title and text only (the writer recomputes them when a person's edits changed the title or language).
 * Numbered in the extracting thread's `dictionary` (stem-dictionary.ts): `ids` name the document's pairs, `define`
 * holds the ones numbered first here, from `first` on, as `stem\tword` lines (folded letters, never a tab or newline).
 */
export type FileStems = {
  language: string
  dictionary: string
  first: number
  define: string
  ids: Uint32Array
}

/** Ms per phase; `deriveMs`: language detection and stem pairs, when the extraction does them. */
export type ExtractTimings = { readMs: number; parseMs: number; hashMs: number; deriveMs?: number }

/** The limits an extraction runs under (a subset of ImportLimits; plain data so it crosses to workers). */
export type ExtractLimits = {
  maxFileBytes: number
  maxZipBytes: number
  maxZipEntries: number
  /** The worker's memory ceiling in MB, when extraction runs in a worker that has one. */
  memoryMb?: number
  /** When set, a successfully extracted file is copied into `<libraryDir>/files/` (content-addressed). */
  libraryDir?: string
  /** Detect an undeclared language here (language.ts), instead of on the main thread after extraction. */
  detectLanguage?: boolean
  /** Compute the document's stem pairs here (`ExtractedFile.stems`), off the main thread. */
  stemPairs?: boolean
}

/** Why a file failed; `limit` names the limit that was hit, when one was. */
export type ExtractFailure = {
  reason: string
  limit?: LimitName
  skip?: boolean
  format?: DocumentFormat
}

export type LimitName = 'maxFileBytes' | 'timeoutMs' | 'maxZipBytes' | 'maxZipEntries' | 'memory'

/** Pool → worker. */
export type WorkerRequest = {
  id: number
  path: string
  limits: ExtractLimits
  /** The name the file should be read as (format by extension, title fallback) when `path` is a stored original. */
  name?: string
}

/** Worker → pool: a result, or `ready` once the worker has loaded its modules. */
export type WorkerResponse =
  | { id: number; ok: true; file: ExtractedFile }
  | { id: number; ok: false; failure: ExtractFailure }
  | { ready: true }
