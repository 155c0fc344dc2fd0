/**
 * Undo for document deletes. Deleted rows are moved into the `trash` table as JSON (the document, its tag links,
 * its quotes with their tags, and which import-log rows pointed at it), one trash row per document under keys
 * `<token>#<n>`, so a large delete never builds one giant string. Restoring re-inserts everything with the same ids
 * when they are still free; FTS rows come back through the insert triggers.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/connection'
import { all, run, type SqlValue, sql } from '../db/sql'

type Row = Record<string, SqlValue>
type TagSnapshot = { id: number; name: string; color: string | null }

/** Everything needed to put one document back. */
export type DocumentSnapshot = {
  document: Row
  tags: TagSnapshot[]
  quotes: { quote: Row; tags: TagSnapshot[] }[]
  importLogIds: number[]
}

const PAYLOAD_VERSION = 1

/** Columns a table has now; payload keys outside this list are ignored (and never reach the SQL text). */
function columnsOf(db: Db, table: 'documents' | 'quotes'): Set<string> {
  const rows = all<{ name: string }>(db, sql`SELECT name FROM pragma_table_info(${table})`)
  return new Set(rows.map((r) => r.name))
}

function snapshotDocument(db: Db, id: number): DocumentSnapshot | undefined {
  const document = all<Row>(db, sql`SELECT * FROM documents WHERE id = ${id}`)[0]
  if (!document) return undefined
  const tags = all<TagSnapshot>(
    db,
    sql`SELECT t.id, t.name, t.color FROM document_tags dt JOIN tags t ON t.id = dt.tag_id
        WHERE dt.document_id = ${id}`,
  )
  const quotes = all<Row>(db, sql`SELECT * FROM quotes WHERE document_id = ${id}`).map((quote) => ({
    quote,
    tags: all<TagSnapshot>(
      db,
      sql`SELECT t.id, t.name, t.color FROM quote_tags qt JOIN tags t ON t.id = qt.tag_id
            WHERE qt.quote_id = ${quote.id as number}`,
    ),
  }))
  const importLogIds = all<{ id: number }>(
    db,
    sql`SELECT id FROM import_log WHERE document_id = ${id}`,
  ).map((r) => r.id)
  return { document, tags, quotes, importLogIds }
}

/**
 * Delete documents (quotes and links cascade) after copying them into the trash. Runs in one transaction.
 * Returns how many were deleted and the undo token.
 */
export function trashDocuments(
  db: Db,
  ids: readonly number[],
  now: string,
): { deleted: number; undoToken: string } {
  const token = randomUUID()
  let deleted = 0
  db.transaction(() => {
    for (const id of new Set(ids)) {
      const snapshot = snapshotDocument(db, id)
      if (!snapshot) continue
      run(
        db,
        sql`INSERT INTO trash (token, kind, payload, deleted_at)
            VALUES (${`${token}#${deleted}`}, 'documents', ${JSON.stringify({ v: PAYLOAD_VERSION, ...snapshot })}, ${now})`,
      )
      run(db, sql`DELETE FROM documents WHERE id = ${id}`)
      deleted++
    }
  })()
  return { deleted, undoToken: token }
}

function isFree(db: Db, table: 'documents' | 'quotes' | 'tags', id: number): boolean {
  const query =
    table === 'documents'
      ? sql`SELECT 1 AS one FROM documents WHERE id = ${id}`
      : table === 'quotes'
        ? sql`SELECT 1 AS one FROM quotes WHERE id = ${id}`
        : sql`SELECT 1 AS one FROM tags WHERE id = ${id}`
  return all(db, query).length === 0
}

/** Insert a saved row, keeping its id when free; returns the id it got. */
function reinsert(
  db: Db,
  table: 'documents' | 'quotes',
  columns: Set<string>,
  row: Row,
  overrides: Row,
): number {
  const values: Row = { ...row, ...overrides }
  const keepId = typeof values.id === 'number' && isFree(db, table, values.id)
  const names = Object.keys(values).filter((name) => columns.has(name) && (name !== 'id' || keepId))
  const columnList = sql.trusted(names.map((n) => `"${n}"`).join(', '))
  const valueList = sql.join(
    names.map((n) => sql`${values[n] ?? null}`),
    ', ',
  )
  const target = sql.trusted(table)
  return run(db, sql`INSERT INTO ${target} (${columnList}) VALUES (${valueList})`).lastInsertRowid
}

/** The id of a tag with this name, recreating it (same id when free, same colour) if it was deleted since. */
function restoreTag(db: Db, tag: TagSnapshot): number {
  const found = all<{ id: number }>(db, sql`SELECT id FROM tags WHERE name = ${tag.name}`)[0]
  if (found) return found.id
  if (isFree(db, 'tags', tag.id)) {
    run(db, sql`INSERT INTO tags (id, name, color) VALUES (${tag.id}, ${tag.name}, ${tag.color})`)
    return tag.id
  }
  return run(db, sql`INSERT INTO tags (name, color) VALUES (${tag.name}, ${tag.color})`)
    .lastInsertRowid
}

export type RestoreOutcome = {
  /** Documents put back. */
  restored: number
  /** Of those, documents whose text had been imported again since: their tags and quotes joined that copy. */
  mergedIntoExisting: number
  /** False when no trash entry has this token (already restored, expired or never issued). */
  found: boolean
}

/** Put back everything deleted under `token`, in one transaction, and remove it from the trash. */
export function restoreDocuments(db: Db, token: string): RestoreOutcome {
  const lower = `${token}#`
  const upper = `${token}$` // '$' follows '#': the range covers exactly `<token>#…`
  return db.transaction((): RestoreOutcome => {
    const entries = all<{ token: string; payload: string }>(
      db,
      sql`SELECT token, payload FROM trash
          WHERE token >= ${lower} AND token < ${upper} AND kind = 'documents'`,
    )
    if (entries.length === 0) return { restored: 0, mergedIntoExisting: 0, found: false }
    const documentColumns = columnsOf(db, 'documents')
    const quoteColumns = columnsOf(db, 'quotes')
    let restored = 0
    let mergedIntoExisting = 0
    for (const entry of entries) {
      const snapshot = JSON.parse(entry.payload) as DocumentSnapshot
      const hash = snapshot.document.content_hash ?? ''
      // The same text imported again since the delete: keep that document and put the tags and quotes back onto
      // it (same normalised text, so the quotes' offsets hold), rather than losing the user's quotes.
      const existing = all<{ id: number }>(
        db,
        sql`SELECT id FROM documents WHERE content_hash = ${hash}`,
      )[0]
      if (existing) mergedIntoExisting++
      const documentId =
        existing?.id ?? reinsert(db, 'documents', documentColumns, snapshot.document, {})
      for (const tag of snapshot.tags) {
        const tagId = restoreTag(db, tag)
        run(
          db,
          sql`INSERT OR IGNORE INTO document_tags (document_id, tag_id) VALUES (${documentId}, ${tagId})`,
        )
      }
      for (const { quote, tags } of snapshot.quotes) {
        const quoteId = reinsert(db, 'quotes', quoteColumns, quote, { document_id: documentId })
        for (const tag of tags) {
          const tagId = restoreTag(db, tag)
          run(
            db,
            sql`INSERT OR IGNORE INTO quote_tags (quote_id, tag_id) VALUES (${quoteId}, ${tagId})`,
          )
        }
      }
      if (!existing && snapshot.importLogIds.length > 0) {
        run(
          db,
          sql`UPDATE import_log SET document_id = ${documentId}
              WHERE document_id IS NULL AND id IN (SELECT value FROM json_each(${JSON.stringify(snapshot.importLogIds)}))`,
        )
      }
      restored++
    }
    run(db, sql`DELETE FROM trash WHERE token >= ${lower} AND token < ${upper}`)
    return { restored, mergedIntoExisting, found: true }
  })()
}

/** Drop document trash older than `before` (undo is for the session; old entries only cost space). */
export function purgeDocumentTrash(db: Db, before: string): number {
  return run(db, sql`DELETE FROM trash WHERE kind = 'documents' AND deleted_at < ${before}`).changes
}
