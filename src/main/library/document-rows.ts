/**
 * Row types of the `documents` table (snake_case, as stored) and their mapping to the contract's camelCase types.
 * The one place that knows how JSON columns are encoded.
 */
import type {
  CitationType,
  DocumentDetail,
  DocumentFormat,
  DocumentId,
  DocumentIdentifier,
  DocumentSummary,
  Provenance,
  TagRef,
  TocEntry,
} from '@shared/contract'

/** The columns a library row needs; never `text`, `html` or other large columns. */
export type DocumentSummaryRow = {
  id: number
  title: string
  authors: string
  published_at: string | null
  source: string | null
  format: DocumentFormat
  language: string | null
  word_count: number
  imported_at: string
}

/** Every column of `documents`. */
export type DocumentRow = DocumentSummaryRow & {
  url: string | null
  language_source: string | null
  file_name: string | null
  source_path: string | null
  content_hash: string
  text: string
  html: string | null
  page_starts: string | null
  toc: string | null
  warnings: string
  citation_type: string
  container_title: string | null
  publisher: string | null
  doi: string | null
  accessed_at: string | null
  updated_at: string
  provenance: string | null
  identifiers: string | null
  file_date: string | null
}

/** Column list for summary queries, qualified with the `d` alias. */
export const SUMMARY_COLUMNS =
  'd.id, d.title, d.authors, d.published_at, d.source, d.format, d.language, d.word_count, d.imported_at'

/** Parse a JSON column defensively: a damaged value gives the fallback, never an exception. */
export function parseJson<T>(
  value: string | null,
  fallback: T,
  accept: (v: unknown) => boolean,
): T {
  if (value === null) return fallback
  try {
    const parsed: unknown = JSON.parse(value)
    return accept(parsed) ? (parsed as T) : fallback
  } catch {
    return fallback
  }
}

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v)
const isIdentifierArray = (v: unknown): boolean =>
  Array.isArray(v) &&
  v.every(
    (x) =>
      isObject(x) &&
      typeof (x as DocumentIdentifier).type === 'string' &&
      typeof (x as DocumentIdentifier).value === 'string',
  )
const isStringArray = (v: unknown): boolean =>
  Array.isArray(v) && v.every((x) => typeof x === 'string')
const isNumberArray = (v: unknown): boolean =>
  Array.isArray(v) && v.every((x) => typeof x === 'number')
const isTocArray = (v: unknown): boolean =>
  Array.isArray(v) &&
  v.every(
    (x) =>
      typeof x === 'object' &&
      x !== null &&
      typeof (x as TocEntry).title === 'string' &&
      typeof (x as TocEntry).level === 'number' &&
      typeof (x as TocEntry).offset === 'number',
  )

export const parseAuthors = (value: string): string[] => parseJson(value, [], isStringArray)

export function toSummary(
  row: DocumentSummaryRow,
  tags: TagRef[],
  quoteCount: number,
): DocumentSummary {
  return {
    id: row.id as DocumentId,
    title: row.title,
    authors: parseAuthors(row.authors),
    publishedAt: row.published_at,
    source: row.source,
    format: row.format,
    language: row.language,
    wordCount: row.word_count,
    tags,
    quoteCount,
    importedAt: row.imported_at,
  }
}

const LANGUAGE_SOURCES = new Set<string>(['declared', 'detected', 'edited'])
const languageSource = (value: string | null): DocumentDetail['languageSource'] =>
  value !== null && LANGUAGE_SOURCES.has(value)
    ? (value as NonNullable<DocumentDetail['languageSource']>)
    : null

export function toDetail(row: DocumentRow, tags: TagRef[], quoteCount: number): DocumentDetail {
  return {
    ...toSummary(row, tags, quoteCount),
    url: row.url,
    language: row.language,
    languageSource: languageSource(row.language_source),
    citationType: row.citation_type as CitationType,
    containerTitle: row.container_title,
    publisher: row.publisher,
    doi: row.doi,
    accessedAt: row.accessed_at,
    fileName: row.file_name,
    sourcePath: row.source_path,
    contentHash: row.content_hash,
    text: row.text,
    html: row.html,
    pageStarts: parseJson<number[] | null>(row.page_starts, null, isNumberArray),
    toc: parseJson<TocEntry[] | null>(row.toc, null, isTocArray),
    warnings: parseJson(row.warnings, [], isStringArray),
    updatedAt: row.updated_at,
    provenance: parseJson<Provenance>(row.provenance, {}, isObject),
    identifiers: parseJson<DocumentIdentifier[]>(row.identifiers, [], isIdentifierArray),
    fileDate: row.file_date,
  }
}
