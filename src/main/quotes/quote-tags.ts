/** Tags on quotes, by name. Quotes share the `tags` table with documents, so a tag means the same thing on both. */
import type { Db } from '../db/connection'
import { tagsRepository } from '../library/tags.repository'
import { quotesRepository } from './quotes.repository'

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
  quotesRepository.setTagLinks(db, quoteId, ensureTags(db, names))
}
