/** Tags on quotes, by name. Quotes share the `tags` table with documents, so a tag means the same thing on both. */
import type { Db } from '../db/connection'
import { run, sql } from '../db/sql'
import { tagsRepository } from '../library/tags.repository'

/** Ids of the named tags, creating the missing ones (names compare case-insensitively, as the column does). */
export function ensureTags(db: Db, names: readonly string[]): number[] {
  const ids: number[] = []
  for (const name of new Set(names)) {
    const id = tagsRepository.ensure(db, name)
    if (!ids.includes(id)) ids.push(id)
  }
  return ids
}

/** Replace a quote's tags with exactly these names. */
export function setQuoteTags(db: Db, quoteId: number, names: readonly string[]): void {
  const ids = ensureTags(db, names)
  run(db, sql`DELETE FROM quote_tags WHERE quote_id = ${quoteId}`)
  for (const id of ids) {
    run(db, sql`INSERT OR IGNORE INTO quote_tags (quote_id, tag_id) VALUES (${quoteId}, ${id})`)
  }
}
