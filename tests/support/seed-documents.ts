/**
 * The one test seeder for document rows: straight into a real library with the real schema, so the FTS triggers fire
 * as they do for imported documents. Every column a test may care about can be set; the defaults give each row a
 * unique path, hash and a stable import time.
 */
import { createHash } from 'node:crypto'
import type { CitationType, DocumentId } from '@shared/contract'
import type { Db } from '../../src/main/db/connection'

export type SeedDocument = {
  title: string
  text?: string
  authors?: string[]
  publishedAt?: string | null
  source?: string | null
  url?: string | null
  language?: string | null
  format?: 'txt' | 'md' | 'html' | 'pdf' | 'epub' | 'docx'
  pageStarts?: number[] | null
  citationType?: CitationType | null
  accessedAt?: string | null
  importedAt?: string
  wordCount?: number
  /** `null` leaves the column empty (documents not imported from a file). */
  fileName?: string | null
  sourcePath?: string | null
  contentHash?: string
  tags?: string[]
}

let serial = 0

export function insertDocument(db: Db, doc: SeedDocument): DocumentId {
  serial++
  const text = doc.text ?? `${doc.title}. Body text number ${serial}.`
  const now = doc.importedAt ?? new Date(Date.UTC(2025, 0, 1, 0, 0, serial % 60)).toISOString()
  const info = db
    .prepare(
      `INSERT INTO documents (title, authors, published_at, source, url, language, format, file_name, source_path,
         content_hash, text, page_starts, word_count, citation_type, accessed_at, imported_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, 'document'), ?, ?, ?)`,
    )
    .run(
      doc.title,
      JSON.stringify(doc.authors ?? []),
      doc.publishedAt ?? null,
      doc.source ?? null,
      doc.url ?? null,
      doc.language ?? null,
      doc.format ?? 'txt',
      doc.fileName === undefined ? `${serial}.txt` : doc.fileName,
      doc.sourcePath === undefined ? `/seed/${serial}.txt` : doc.sourcePath,
      doc.contentHash ?? createHash('sha256').update(text).digest('hex'),
      text,
      doc.pageStarts ? JSON.stringify(doc.pageStarts) : null,
      doc.wordCount ?? text.split(/\s+/).filter(Boolean).length,
      doc.citationType ?? null,
      doc.accessedAt ?? null,
      now,
      now,
    )
  const id = Number(info.lastInsertRowid) as DocumentId
  for (const tag of doc.tags ?? []) {
    db.prepare('INSERT OR IGNORE INTO tags (name) VALUES (?)').run(tag)
    const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(tag) as number
    db.prepare('INSERT INTO document_tags (document_id, tag_id) VALUES (?, ?)').run(id, tagId)
  }
  return id
}
