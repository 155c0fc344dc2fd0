/**
 * What the library knows about each document's original, page table and outline (API: documents.original,
 * documents.pages, documents.outline), plus the originals' share of `info` and `check`.
 */
import { statSync } from 'node:fs'
import type {
  DocumentId,
  OriginalInfo,
  OriginalStatus,
  OutlineEntry,
  PageInfo,
  TocEntry,
} from '@shared/contract'
import { notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { originalPath, sha256OfFile } from '../importers/original-files'
import type { PageMeta } from '../importers/types'
import { embeddedParts } from './embedded-parts'
import { type OriginalRow, originalsRepository } from './originals.repository'

export type { OriginalRow } from './originals.repository'

export function originalRow(db: Db, id: DocumentId): OriginalRow {
  const row = originalsRepository.original(db, id)
  if (!row) throw notFound('document', id)
  return row
}

/** The stored file of a row, or null when the document has no original recorded. */
export function storedFile(libraryDir: string, row: OriginalRow): string | null {
  if (!row.original_sha256 || !row.ext) return null
  return originalPath(libraryDir, row.original_sha256, row.ext)
}

/** Cheap status (existence and size); `check` also compares hashes. */
function quickStatus(file: string | null, bytes: number | null): OriginalStatus {
  if (!file) return 'none'
  try {
    const st = statSync(file)
    if (!st.isFile()) return 'missing'
    return bytes !== null && st.size !== bytes ? 'altered' : 'stored'
  } catch {
    return 'missing'
  }
}

export async function originalInfo(
  db: Db,
  libraryDir: string,
  id: DocumentId,
  maxZipEntries: number,
): Promise<OriginalInfo> {
  const row = originalRow(db, id)
  const file = storedFile(libraryDir, row)
  const status = quickStatus(file, row.bytes)
  const parts =
    status === 'stored' && file && (row.format === 'epub' || row.format === 'docx')
      ? await embeddedParts(file, maxZipEntries).catch(() => [])
      : []
  return {
    documentId: id,
    status,
    sha256: row.original_sha256,
    bytes: row.bytes,
    mediaType: row.media_type,
    fileName: row.file_name,
    parts: parts.map((p) => ({ path: p.path, mediaType: p.mediaType })),
  }
}

const parseJson = <T>(value: string | null): T | null => {
  if (!value) return null
  try {
    return JSON.parse(value) as T
  } catch {
    return null
  }
}

export function pagesOf(db: Db, id: DocumentId): PageInfo[] | null {
  const row = originalsRepository.pageColumns(db, id)
  if (!row) throw notFound('document', id)
  const starts = parseJson<number[]>(row.page_starts)
  if (!Array.isArray(starts) || starts.length === 0) return null
  const meta = parseJson<PageMeta[]>(row.pages) ?? []
  return starts.map((start, i) => {
    const m = Array.isArray(meta) ? meta[i] : undefined
    const next = starts[i + 1]
    // The whitespace between pages belongs to neither page: a blank line, one space where a paragraph runs over
    // the break, nothing where a CJK sentence or a hyphenated word does.
    let end = next === undefined ? row.text.length : next
    while (end > start && /\s/.test(row.text[end - 1] ?? '')) end--
    return {
      page: i + 1,
      start,
      end,
      label: typeof m?.label === 'string' ? m.label : null,
      removed: Array.isArray(m?.removed) ? m.removed.filter((r) => typeof r === 'string') : [],
      width: Number.isFinite(m?.width) ? (m?.width as number) : 612,
      height: Number.isFinite(m?.height) ? (m?.height as number) : 792,
    }
  })
}

/** 1-based page holding `offset`, by binary search over page starts. */
export function pageOfOffset(starts: number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] as number) <= offset) lo = mid
    else hi = mid - 1
  }
  return lo + 1
}

export function outlineOf(db: Db, id: DocumentId): OutlineEntry[] {
  const row = originalsRepository.outlineColumns(db, id)
  if (!row) throw notFound('document', id)
  const toc = parseJson<(TocEntry & { page?: number })[]>(row.toc)
  if (!Array.isArray(toc)) return []
  const starts = parseJson<number[]>(row.page_starts)
  return toc
    .filter((e) => typeof e?.title === 'string')
    .map((e) => {
      const offset = Number.isInteger(e.offset) && e.offset >= 0 ? e.offset : null
      const page =
        Number.isInteger(e.page) && (e.page as number) >= 1
          ? (e.page as number)
          : offset !== null && Array.isArray(starts) && starts.length > 0
            ? pageOfOffset(starts, offset)
            : null
      return { title: e.title, level: Math.max(1, Math.min(9, e.level | 0 || 1)), offset, page }
    })
}

/** Originals' share of `library.info`. */
export function originalsStats(db: Db): {
  documents: number
  files: number
  bytes: number
  withoutOriginal: number
} {
  const docs = originalsRepository.documentCounts(db)
  const files = originalsRepository.usedFiles(db)
  return {
    documents: docs.withOriginal,
    files: files.files,
    bytes: files.bytes,
    withoutOriginal: docs.without,
  }
}

/**
 * `check`: every recorded original must exist with its recorded hash. A document whose original is missing keeps
 * working from its extracted text; the problem says how to fix it (re-import the file).
 */
export async function checkOriginals(db: Db, libraryDir: string): Promise<string[]> {
  const rows = originalsRepository.usedWithDocuments(db)
  const dangling = { ids: originalsRepository.danglingDocumentIds(db) }
  const problems: string[] = []
  const docs = (ids: string): string => `document${ids.includes(',') ? 's' : ''} ${ids}`
  if (dangling.ids) problems.push(`original of ${docs(dangling.ids)}: no row in originals`)
  for (const row of rows) {
    let file: string
    try {
      file = originalPath(libraryDir, row.sha256, row.ext)
    } catch {
      problems.push(`original of ${docs(row.ids)}: the recorded name is not valid`)
      continue
    }
    let size: number
    try {
      size = statSync(file).size
    } catch {
      problems.push(
        `original of ${docs(row.ids)} is missing (${file}); the text still works — re-import the file to keep it again`,
      )
      continue
    }
    const same = size === row.bytes && (await sha256OfFile(file).catch(() => '')) === row.sha256
    if (!same)
      problems.push(
        `original of ${docs(row.ids)} was altered (${file} no longer has its recorded sha256); re-import the file`,
      )
  }
  return problems
}
