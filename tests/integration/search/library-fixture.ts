/**
 * Documents for search tests, inserted straight into a real temp library with SQL (the FTS index is kept by the
 * schema's triggers, exactly as for imported documents).
 */

import type { Db } from '../../../src/main/db/connection'
import type { DocumentId, QuoteId } from '../../../src/shared/contract'
import { insertDocument as seedDocument } from '../../support/seed-documents'

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

/** Search rows as they were seeded before: imported now, not from a file, each with its own hash. */
export function insertDocument(db: Db, doc: TestDoc): DocumentId {
  return seedDocument(db, {
    ...doc,
    importedAt: new Date().toISOString(),
    fileName: null,
    sourcePath: null,
    contentHash: `hash-${Math.random()}`,
  })
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
