/** SQL over `originals` and the documents' links to them (originals-service, reextract, original-backups). */
import type { DocumentFormat, DocumentId } from '@shared/contract'
import type { Db } from '../db/connection'
import { all, get, sql } from '../db/sql'

export type OriginalRow = {
  id: number
  format: DocumentFormat
  file_name: string | null
  original_sha256: string | null
  ext: string | null
  bytes: number | null
  media_type: string | null
}

/** A document to re-extract, with its original when one is kept. */
export type ReextractTarget = {
  id: DocumentId
  title: string
  file_name: string | null
  /** Where it was imported from: its folder names a generic file ("libmpfr6/README"), see fileTitle. */
  source_path: string | null
  sha256: string | null
  ext: string | null
  bytes: number | null
}

const TARGETS = sql`SELECT d.id, d.title, d.file_name, d.source_path, o.sha256, o.ext, o.bytes
                      FROM documents d LEFT JOIN originals o ON o.sha256 = d.original_sha256`

export const originalsRepository = Object.freeze({
  original(db: Db, id: number): OriginalRow | undefined {
    return get<OriginalRow>(
      db,
      sql`SELECT d.id, d.format, d.file_name, d.original_sha256, o.ext, o.bytes, o.media_type
            FROM documents d LEFT JOIN originals o ON o.sha256 = d.original_sha256
           WHERE d.id = ${id}`,
    )
  },

  pageColumns(
    db: Db,
    id: number,
  ): { page_starts: string | null; pages: string | null; text: string } | undefined {
    return get(db, sql`SELECT page_starts, pages, text FROM documents WHERE id = ${id}`)
  },

  outlineColumns(
    db: Db,
    id: number,
  ): { toc: string | null; page_starts: string | null } | undefined {
    return get(db, sql`SELECT toc, page_starts FROM documents WHERE id = ${id}`)
  },

  documentCounts(db: Db): { withOriginal: number; without: number } {
    return get(
      db,
      sql`SELECT count(original_sha256) AS withOriginal, count(*) - count(original_sha256) AS without
            FROM documents`,
    ) as { withOriginal: number; without: number }
  },

  /** Files and bytes of the originals some document still uses. */
  usedFiles(db: Db): { files: number; bytes: number } {
    return get(
      db,
      sql`SELECT count(*) AS files, coalesce(sum(bytes), 0) AS bytes FROM originals
           WHERE sha256 IN (SELECT original_sha256 FROM documents)`,
    ) as { files: number; bytes: number }
  },

  /** Each used original with the ids of its documents ("1,4"), by first document. */
  usedWithDocuments(db: Db): { sha256: string; ext: string; bytes: number; ids: string }[] {
    return all(
      db,
      sql`SELECT o.sha256, o.ext, o.bytes, group_concat(d.id) AS ids
            FROM originals o JOIN documents d ON d.original_sha256 = o.sha256
           GROUP BY o.sha256 ORDER BY min(d.id)`,
    )
  },

  /** Ids ("1,4") of documents naming an original with no row, or null. */
  danglingDocumentIds(db: Db): string | null {
    return (
      get<{ ids: string | null }>(
        db,
        sql`SELECT group_concat(id) AS ids FROM documents
             WHERE original_sha256 IS NOT NULL AND original_sha256 NOT IN (SELECT sha256 FROM originals)`,
      )?.ids ?? null
    )
  },

  /** The originals some document uses: what a backup must hold. */
  used(db: Db): { sha256: string; ext: string }[] {
    return all(
      db,
      sql`SELECT sha256, ext FROM originals WHERE sha256 IN (SELECT original_sha256 FROM documents)`,
    )
  },

  reextractTargets(db: Db): ReextractTarget[] {
    return all<ReextractTarget>(db, sql`${TARGETS} ORDER BY d.id`)
  },

  reextractTarget(db: Db, id: number): ReextractTarget | undefined {
    return get<ReextractTarget>(db, sql`${TARGETS} WHERE d.id = ${id}`)
  },
})
