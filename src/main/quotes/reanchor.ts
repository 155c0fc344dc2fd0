import type { DocumentId, QuoteId } from '@shared/contract'
import type { Db } from '../db/connection'

export type ReanchorResult = { unplacedQuoteIds: QuoteId[] }

/**
 * Re-place a document's quotes after its text changed (re-import, edit). Runs inside the caller's transaction.
 * Order: same offsets → exact text nearest the old position → fuzzy match of text + context; a quote that cannot be
 * placed is kept with placement 'unplaced', never dropped.
 * TODO(#6): implemented by the quotes work; until then every quote whose offsets no longer hold is marked unplaced.
 */
export function reanchorQuotes(
  db: Db,
  documentId: DocumentId,
  newText: string,
  _pageStarts: number[] | null,
): ReanchorResult {
  const rows = db
    .prepare(
      'SELECT id, exact, start_offset AS start, end_offset AS end FROM quotes WHERE document_id = ?',
    )
    .all(documentId) as { id: QuoteId; exact: string; start: number | null; end: number | null }[]
  const unplaced: QuoteId[] = []
  for (const row of rows) {
    if (row.start !== null && row.end !== null && newText.slice(row.start, row.end) === row.exact)
      continue
    db.prepare(
      "UPDATE quotes SET placement = 'unplaced', start_offset = NULL, end_offset = NULL WHERE id = ?",
    ).run(row.id)
    unplaced.push(row.id)
  }
  return { unplacedQuoteIds: unplaced }
}
