/** Saved comparisons: a name, a note and the quote ids in column order (the `comparisons` table). */
import type { ComparisonSet, QuoteId } from '@shared/contract'
import { notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { loadQuotesForComparison } from './compare-quotes'

type ComparisonRow = {
  id: number
  name: string
  note: string
  quote_ids: string
  created_at: string
  updated_at: string
}

function parseIds(value: string): QuoteId[] {
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed)
      ? parsed.filter((n): n is QuoteId => typeof n === 'number' && Number.isInteger(n))
      : []
  } catch {
    return []
  }
}

const toSet = (row: ComparisonRow): ComparisonSet => ({
  id: row.id,
  name: row.name,
  note: row.note,
  quoteIds: parseIds(row.quote_ids),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

/** All saved sets, most recently changed first. */
export function listComparisons(db: Db): ComparisonSet[] {
  const rows = db
    .prepare('SELECT * FROM comparisons ORDER BY updated_at DESC, id DESC')
    .all() as ComparisonRow[]
  return rows.map(toSet)
}

/** One saved set, or `not_found`. */
export function getComparison(db: Db, id: number): ComparisonSet {
  const row = db.prepare('SELECT * FROM comparisons WHERE id = ?').get(id) as
    | ComparisonRow
    | undefined
  if (!row) throw notFound('comparison set', id)
  return toSet(row)
}

/** Create a set, or replace an existing one's name, note and quotes. The quotes must exist (2–4, distinct). */
export function saveComparison(
  db: Db,
  args: { id?: number; name: string; note?: string; quoteIds: QuoteId[] },
): ComparisonSet {
  const id = db.transaction(() => {
    loadQuotesForComparison(db, args.quoteIds)
    const now = new Date().toISOString()
    const ids = JSON.stringify(args.quoteIds)
    if (args.id !== undefined) {
      const existing = getComparison(db, args.id)
      db.prepare(
        'UPDATE comparisons SET name = ?, note = ?, quote_ids = ?, updated_at = ? WHERE id = ?',
      ).run(args.name, args.note ?? existing.note, ids, now, args.id)
      return args.id
    }
    const result = db
      .prepare(
        'INSERT INTO comparisons (name, note, quote_ids, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(args.name, args.note ?? '', ids, now, now)
    return Number(result.lastInsertRowid)
  })()
  return getComparison(db, id)
}

/** Delete a set (its quotes stay). */
export function deleteComparison(db: Db, id: number): { deleted: boolean } {
  const result = db.prepare('DELETE FROM comparisons WHERE id = ?').run(id)
  return { deleted: result.changes > 0 }
}
