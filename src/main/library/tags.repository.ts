/**
 * SQL over `tags`, `document_tags` and `quote_tags`. Tag names are unique case-insensitively (the column is
 * `COLLATE NOCASE`), so `name = ?` finds "Kenya" for "kenya".
 */
import type { TagId, TagWithCounts } from '@shared/contract'
import type { Db } from '../db/connection'
import { all, get, run, sql } from '../db/sql'

type TagCountsRow = {
  id: TagId
  name: string
  color: string | null
  document_count: number
  quote_count: number
}

const toTag = (row: TagCountsRow): TagWithCounts => ({
  id: row.id,
  name: row.name,
  color: row.color,
  documentCount: row.document_count,
  quoteCount: row.quote_count,
})

const WITH_COUNTS = sql`SELECT t.id, t.name, t.color,
    (SELECT count(*) FROM document_tags dt WHERE dt.tag_id = t.id) AS document_count,
    (SELECT count(*) FROM quote_tags qt WHERE qt.tag_id = t.id) AS quote_count
  FROM tags t`

export const tagsRepository = Object.freeze({
  listWithCounts(db: Db): TagWithCounts[] {
    return all<TagCountsRow>(db, sql`${WITH_COUNTS} ORDER BY t.name COLLATE NOCASE, t.id`).map(
      toTag,
    )
  },

  getWithCounts(db: Db, id: number): TagWithCounts | undefined {
    const row = get<TagCountsRow>(db, sql`${WITH_COUNTS} WHERE t.id = ${id}`)
    return row ? toTag(row) : undefined
  },

  findByName(db: Db, name: string): { id: TagId; name: string } | undefined {
    return get(db, sql`SELECT id, name FROM tags WHERE name = ${name}`)
  },

  exists(db: Db, id: number): boolean {
    return get(db, sql`SELECT 1 AS one FROM tags WHERE id = ${id}`) !== undefined
  },

  /** The tag's id, creating it when no tag has this name (in any letter case). */
  ensure(db: Db, name: string): TagId {
    const found = tagsRepository.findByName(db, name)
    if (found) return found.id
    return run(db, sql`INSERT INTO tags (name) VALUES (${name})`).lastInsertRowid as TagId
  },

  /** Link a tag to a document; returns whether a new link was made. */
  link(db: Db, documentId: number, tagId: number): boolean {
    return (
      run(
        db,
        sql`INSERT OR IGNORE INTO document_tags (document_id, tag_id) VALUES (${documentId}, ${tagId})`,
      ).changes > 0
    )
  },

  unlink(db: Db, documentId: number, tagId: number): boolean {
    return (
      run(
        db,
        sql`DELETE FROM document_tags WHERE document_id = ${documentId} AND tag_id = ${tagId}`,
      ).changes > 0
    )
  },

  rename(db: Db, id: number, name: string): void {
    run(db, sql`UPDATE tags SET name = ${name} WHERE id = ${id}`)
  },

  setColor(db: Db, id: number, color: string | null): void {
    run(db, sql`UPDATE tags SET color = ${color} WHERE id = ${id}`)
  },

  /** Move every document and quote link of `from` onto `into` (keeping one link where both exist). */
  moveLinks(db: Db, from: number, into: number): void {
    run(
      db,
      sql`INSERT OR IGNORE INTO document_tags (document_id, tag_id)
          SELECT document_id, ${into} FROM document_tags WHERE tag_id = ${from}`,
    )
    run(
      db,
      sql`INSERT OR IGNORE INTO quote_tags (quote_id, tag_id)
          SELECT quote_id, ${into} FROM quote_tags WHERE tag_id = ${from}`,
    )
  },

  /** Delete a tag; its links go with it (ON DELETE CASCADE). */
  delete(db: Db, id: number): boolean {
    return run(db, sql`DELETE FROM tags WHERE id = ${id}`).changes > 0
  },
})
