/**
 * Saved comparisons: a name, a note and the quotes in column order (`comparisons` + `comparison_quotes`). A slot
 * whose quote was deleted keeps the quote's id in `saved_quote_id` (ids are never reused), so the set reports it as
 * missing instead of silently showing another passage, and an undo that re-inserts the quote refills the slot.
 */
import type { ComparisonSet, QuoteId } from '@shared/contract'
import { notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { loadQuotesForComparison } from './compare-quotes'

type ComparisonRow = {
  id: number
  name: string
  note: string
  created_at: string
  updated_at: string
}

type SlotRow = { comparison_id: number; quote_id: number | null; saved_quote_id: number }

function slotsBySet(db: Db, ids: readonly number[]): Map<number, SlotRow[]> {
  const rows = db
    .prepare(
      `SELECT comparison_id, quote_id, saved_quote_id FROM comparison_quotes
        WHERE comparison_id IN (SELECT value FROM json_each(?)) ORDER BY comparison_id, position`,
    )
    .all(JSON.stringify(ids)) as SlotRow[]
  const out = new Map<number, SlotRow[]>()
  for (const row of rows) {
    const list = out.get(row.comparison_id) ?? []
    list.push(row)
    out.set(row.comparison_id, list)
  }
  return out
}

const toSet = (row: ComparisonRow, slots: readonly SlotRow[]): ComparisonSet => ({
  id: row.id,
  name: row.name,
  note: row.note,
  quoteIds: slots.filter((s) => s.quote_id !== null).map((s) => s.quote_id as QuoteId),
  missingQuoteIds: slots.filter((s) => s.quote_id === null).map((s) => s.saved_quote_id as QuoteId),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

/** All saved sets, most recently changed first. */
export function listComparisons(db: Db): ComparisonSet[] {
  const rows = db
    .prepare('SELECT * FROM comparisons ORDER BY updated_at DESC, id DESC')
    .all() as ComparisonRow[]
  const slots = slotsBySet(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((row) => toSet(row, slots.get(row.id) ?? []))
}

/** One saved set, or `not_found`. */
export function getComparison(db: Db, id: number): ComparisonSet {
  const row = db.prepare('SELECT * FROM comparisons WHERE id = ?').get(id) as
    | ComparisonRow
    | undefined
  if (!row) throw notFound('comparison set', id)
  return toSet(row, slotsBySet(db, [id]).get(id) ?? [])
}

/** Create a set, or replace an existing one's name, note and quotes. The quotes must exist (2–4, distinct). */
export function saveComparison(
  db: Db,
  args: { id?: number; name: string; note?: string; quoteIds: QuoteId[] },
): ComparisonSet {
  const id = db.transaction(() => {
    loadQuotesForComparison(db, args.quoteIds)
    const now = new Date().toISOString()
    let setId: number
    if (args.id !== undefined) {
      const existing = getComparison(db, args.id)
      db.prepare('UPDATE comparisons SET name = ?, note = ?, updated_at = ? WHERE id = ?').run(
        args.name,
        args.note ?? existing.note,
        now,
        args.id,
      )
      db.prepare('DELETE FROM comparison_quotes WHERE comparison_id = ?').run(args.id)
      setId = args.id
    } else {
      const result = db
        .prepare('INSERT INTO comparisons (name, note, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(args.name, args.note ?? '', now, now)
      setId = Number(result.lastInsertRowid)
    }
    const link = db.prepare(
      'INSERT INTO comparison_quotes (comparison_id, position, quote_id, saved_quote_id) VALUES (?, ?, ?, ?)',
    )
    args.quoteIds.forEach((quoteId, position) => {
      link.run(setId, position, quoteId, quoteId)
    })
    return setId
  })()
  return getComparison(db, id)
}

/** Delete a set (its quotes stay; its links go with it). */
export function deleteComparison(db: Db, id: number): { deleted: boolean } {
  const result = db.prepare('DELETE FROM comparisons WHERE id = ?').run(id)
  return { deleted: result.changes > 0 }
}
