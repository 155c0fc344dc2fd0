/**
 * SQL over saved comparisons: a name, a note and the quotes in column order (`comparisons` + `comparison_quotes`).
 * A slot whose quote was deleted keeps the quote's id in `saved_quote_id` (ids are never reused), so the set reports
 * it as missing instead of silently showing another passage, and an undo that re-inserts the quote refills the slot.
 * Which quotes may be compared (2–4, distinct, existing) is compare/'s rule, checked by the caller first.
 */
import type { ComparisonSet, QuoteId } from '@shared/contract'
import { notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { all, get, run, sql } from '../db/sql'

type ComparisonRow = {
  id: number
  name: string
  note: string
  created_at: string
  updated_at: string
}

type SlotRow = { comparison_id: number; quote_id: number | null; saved_quote_id: number }

function slotsBySet(db: Db, ids: readonly number[]): Map<number, SlotRow[]> {
  const rows = all<SlotRow>(
    db,
    sql`SELECT comparison_id, quote_id, saved_quote_id FROM comparison_quotes
         WHERE comparison_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
         ORDER BY comparison_id, position`,
  )
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

export const comparisonsRepository = Object.freeze({
  /** All saved sets, most recently changed first. */
  list(db: Db): ComparisonSet[] {
    const rows = all<ComparisonRow>(
      db,
      sql`SELECT * FROM comparisons ORDER BY updated_at DESC, id DESC`,
    )
    const slots = slotsBySet(
      db,
      rows.map((r) => r.id),
    )
    return rows.map((row) => toSet(row, slots.get(row.id) ?? []))
  },

  /** One saved set, or `not_found`. */
  get(db: Db, id: number): ComparisonSet {
    const row = get<ComparisonRow>(db, sql`SELECT * FROM comparisons WHERE id = ${id}`)
    if (!row) throw notFound('comparison set', id)
    return toSet(row, slotsBySet(db, [id]).get(id) ?? [])
  },

  /**
   * Create a set, or replace an existing one's name, note and quotes (`not_found` when it is gone); returns its id.
   * Call inside a transaction, after checking the quotes.
   */
  save(
    db: Db,
    args: { id?: number; name: string; note?: string; quoteIds: readonly QuoteId[] },
    now: string,
  ): number {
    let setId: number
    if (args.id !== undefined) {
      const existing = comparisonsRepository.get(db, args.id)
      run(
        db,
        sql`UPDATE comparisons SET name = ${args.name}, note = ${args.note ?? existing.note},
                   updated_at = ${now} WHERE id = ${args.id}`,
      )
      run(db, sql`DELETE FROM comparison_quotes WHERE comparison_id = ${args.id}`)
      setId = args.id
    } else {
      setId = run(
        db,
        sql`INSERT INTO comparisons (name, note, created_at, updated_at)
            VALUES (${args.name}, ${args.note ?? ''}, ${now}, ${now})`,
      ).lastInsertRowid
    }
    args.quoteIds.forEach((quoteId, position) => {
      run(
        db,
        sql`INSERT INTO comparison_quotes (comparison_id, position, quote_id, saved_quote_id)
            VALUES (${setId}, ${position}, ${quoteId}, ${quoteId})`,
      )
    })
    return setId
  },

  /** Delete a set (its quotes stay; its links go with it). */
  delete(db: Db, id: number): boolean {
    return run(db, sql`DELETE FROM comparisons WHERE id = ${id}`).changes > 0
  },
})
