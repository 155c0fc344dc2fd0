import type { DocumentId, QuoteId, QuotePlacement } from '@shared/contract'
import type { Db } from '../db/connection'
import { locateQuote } from './locate-quote'
import { pageAt, paragraphAt, quoteSelector } from './text-anchor'

export type ReanchorResult = {
  unplacedQuoteIds: QuoteId[]
  /** How many quotes ended up in each placement (for logs and import reports). */
  counts: Record<QuotePlacement, number>
}

type AnchorRow = {
  id: QuoteId
  exact: string
  prefix: string
  suffix: string
  start: number | null
  end: number | null
  page: number | null
  paragraph: number | null
  placement: QuotePlacement
}

/**
 * Re-place a document's quotes after its text changed (re-import, edit). Runs inside the caller's transaction.
 * Order: same offsets when the exact text still sits there → exact text (context first, then nearest the old
 * position) → fuzzy match of text + context. A quote that cannot be placed is kept with placement 'unplaced' and
 * NULL offsets, never dropped; its selector text is kept so a later version can place it again.
 */
export function reanchorQuotes(
  db: Db,
  documentId: DocumentId,
  newText: string,
  pageStarts: number[] | null,
): ReanchorResult {
  const rows = db
    .prepare(
      `SELECT id, exact, prefix, suffix, start_offset AS start, end_offset AS end, page, paragraph, placement
         FROM quotes WHERE document_id = ? ORDER BY id`,
    )
    .all(documentId) as AnchorRow[]
  const update = db.prepare(
    `UPDATE quotes SET exact = ?, prefix = ?, suffix = ?, start_offset = ?, end_offset = ?, page = ?,
            paragraph = ?, placement = ?, updated_at = ? WHERE id = ?`,
  )
  const unplace = db.prepare(
    `UPDATE quotes SET start_offset = NULL, end_offset = NULL, page = NULL, paragraph = NULL,
            placement = 'unplaced', updated_at = ? WHERE id = ?`,
  )
  const now = new Date().toISOString()
  const counts: Record<QuotePlacement, number> = { exact: 0, moved: 0, fuzzy: 0, unplaced: 0 }
  const unplacedQuoteIds: QuoteId[] = []

  for (const row of rows) {
    let start: number
    let end: number
    let placement: QuotePlacement
    if (row.start !== null && row.end !== null && newText.slice(row.start, row.end) === row.exact) {
      start = row.start
      end = row.end
      placement = 'exact'
    } else {
      const found = locateQuote(newText, row, row.start)
      if (!found) {
        counts.unplaced++
        unplacedQuoteIds.push(row.id)
        if (row.placement !== 'unplaced' || row.start !== null) unplace.run(now, row.id)
        continue
      }
      start = found.start
      end = found.end
      placement = found.kind === 'exact' ? (start === row.start ? 'exact' : 'moved') : 'fuzzy'
    }
    counts[placement]++
    // The stored selector always describes the current text, so offsets and `exact` stay consistent.
    const selector = quoteSelector(newText, start, end)
    const page = pageAt(pageStarts, start)
    const paragraph = paragraphAt(newText, start)
    const changed =
      page !== row.page ||
      paragraph !== row.paragraph ||
      selector.exact !== row.exact ||
      selector.prefix !== row.prefix ||
      selector.suffix !== row.suffix ||
      start !== row.start ||
      end !== row.end ||
      placement !== row.placement
    if (!changed) continue
    update.run(
      selector.exact,
      selector.prefix,
      selector.suffix,
      start,
      end,
      page,
      paragraph,
      placement,
      now,
      row.id,
    )
  }
  return { unplacedQuoteIds, counts }
}
