/** Tags on quotes, by name. Quotes share the `tags` table with documents, so a tag means the same thing on both. */
import type { Db } from '../db/connection'

/** Ids of the named tags, creating the missing ones (names compare case-insensitively, as the column does). */
export function ensureTags(db: Db, names: readonly string[]): number[] {
  const insert = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO NOTHING')
  const find = db.prepare('SELECT id FROM tags WHERE name = ?')
  const ids: number[] = []
  for (const name of new Set(names)) {
    insert.run(name)
    const row = find.get(name) as { id: number } | undefined
    if (row && !ids.includes(row.id)) ids.push(row.id)
  }
  return ids
}

/** Replace a quote's tags with exactly these names. */
export function setQuoteTags(db: Db, quoteId: number, names: readonly string[]): void {
  const ids = ensureTags(db, names)
  db.prepare('DELETE FROM quote_tags WHERE quote_id = ?').run(quoteId)
  const add = db.prepare('INSERT OR IGNORE INTO quote_tags (quote_id, tag_id) VALUES (?, ?)')
  for (const id of ids) add.run(quoteId, id)
}
