/**
 * Seed rows straight into a library for tests of the library services (the importer has its own tests). Uses the
 * real schema, so FTS triggers fire as they do for imported documents.
 */
import type { DocumentId, QuoteId, TagId } from '@shared/contract'
import type { Db } from '../../../src/main/db/connection'

export { insertDocument, type SeedDocument } from '../../support/seed-documents'

export function insertQuote(db: Db, documentId: DocumentId, exact: string, note = ''): QuoteId {
  const text = (
    db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string }
  ).text
  const start = text.indexOf(exact)
  const now = new Date().toISOString()
  const info = db
    .prepare(
      `INSERT INTO quotes (document_id, exact, start_offset, end_offset, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(documentId, exact, start, start + exact.length, note, now, now)
  return Number(info.lastInsertRowid) as QuoteId
}

export function tagQuote(db: Db, quoteId: QuoteId, name: string): TagId {
  db.prepare('INSERT OR IGNORE INTO tags (name) VALUES (?)').run(name)
  const tag = db.prepare('SELECT id FROM tags WHERE name = ?').get(name) as { id: TagId }
  db.prepare('INSERT OR IGNORE INTO quote_tags (quote_id, tag_id) VALUES (?, ?)').run(
    quoteId,
    tag.id,
  )
  return tag.id
}

export function logImport(db: Db, documentId: DocumentId, path: string): number {
  const info = db
    .prepare(`INSERT INTO import_log (path, status, document_id, at) VALUES (?, 'imported', ?, ?)`)
    .run(path, documentId, new Date().toISOString())
  return Number(info.lastInsertRowid)
}
