/**
 * Documents for search tests, inserted straight into a real temp library with SQL (the FTS index is kept by the
 * schema's triggers, exactly as for imported documents).
 */

import type { Db } from '../../../src/main/db/connection'
import type { DocumentId, QuoteId } from '../../../src/shared/contract'

export type TestDoc = {
  title: string
  text: string
  authors?: string[]
  source?: string | null
  publishedAt?: string | null
  language?: string | null
  format?: 'txt' | 'md' | 'html' | 'pdf' | 'epub' | 'docx'
  pageStarts?: number[] | null
  tags?: string[]
}

let counter = 0

export function insertDocument(db: Db, doc: TestDoc): DocumentId {
  const now = new Date().toISOString()
  counter++
  const info = db
    .prepare(
      `INSERT INTO documents (title, authors, published_at, source, language, format, content_hash, text,
         page_starts, word_count, imported_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      doc.title,
      JSON.stringify(doc.authors ?? []),
      doc.publishedAt ?? null,
      doc.source ?? null,
      doc.language ?? null,
      doc.format ?? 'txt',
      `hash-${counter}-${Math.random()}`,
      doc.text,
      doc.pageStarts ? JSON.stringify(doc.pageStarts) : null,
      doc.text.split(/\s+/).filter(Boolean).length,
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

export function insertQuote(
  db: Db,
  documentId: DocumentId,
  exact: string,
  note = '',
  page: number | null = null,
): QuoteId {
  const text = db
    .prepare('SELECT text FROM documents WHERE id = ?')
    .pluck()
    .get(documentId) as string
  const start = text.indexOf(exact)
  const now = new Date().toISOString()
  const info = db
    .prepare(
      `INSERT INTO quotes (document_id, exact, start_offset, end_offset, page, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(documentId, exact, start, start + exact.length, page, note, now, now)
  return Number(info.lastInsertRowid) as QuoteId
}
