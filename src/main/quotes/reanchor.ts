import type { DocumentId, Quote, QuoteId, QuotePlacement } from '@shared/contract'
import { conflict, notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { locateQuote } from './locate-quote'
import { getQuote } from './quote-rows'
import { quotesRepository } from './quotes.repository'
import { pageAt, paragraphAt, quoteSelector } from './text-anchor'

export type ReanchorResult = {
  unplacedQuoteIds: QuoteId[]
  /** Quotes whose words the source no longer prints exactly (placed fuzzily, marked "source changed"). */
  changedQuoteIds: QuoteId[]
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
  currentText: string | null
}

/**
 * Re-place a document's quotes after its text changed (re-import, re-extraction from the stored original, edit).
 * THE one place that implements the rule for quoted words; call it inside the transaction that changes the text.
 *
 * The rule: `exact` — the words the researcher quoted — is evidence and is NEVER rewritten here.
 * - The exact words still at the old offsets, or found elsewhere (context first, then nearest the old position):
 *   placement 'exact' / 'moved', offsets and context follow the text, `current_text` is cleared.
 * - Only a fuzzy match (up to 25 % different): placement 'fuzzy', offsets point at the match, the quote's words and
 *   context stay as saved, and the match is recorded in `current_text` ("source changed"; `Quote.sourceChange`).
 *   Only `acceptSourceWording` (an explicit user action) turns that wording into the quote's words.
 * - Not found: kept with placement 'unplaced' and NULL offsets, never dropped, so a later version can place it.
 */
export function reanchorQuotes(
  db: Db,
  documentId: DocumentId,
  newText: string,
  pageStarts: number[] | null,
): ReanchorResult {
  const rows = quotesRepository.anchorRows(db, documentId) as AnchorRow[]
  const now = new Date().toISOString()
  const counts: Record<QuotePlacement, number> = { exact: 0, moved: 0, fuzzy: 0, unplaced: 0 }
  const unplacedQuoteIds: QuoteId[] = []
  const changedQuoteIds: QuoteId[] = []

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
        if (row.placement !== 'unplaced' || row.start !== null || row.currentText !== null)
          quotesRepository.unplace(db, row.id, now)
        continue
      }
      start = found.start
      end = found.end
      placement = found.kind === 'exact' ? (start === row.start ? 'exact' : 'moved') : 'fuzzy'
    }
    counts[placement]++
    const matched = newText.slice(start, end)
    const sourceChanged = matched !== row.exact
    if (sourceChanged) changedQuoteIds.push(row.id)
    // Context follows the text only where the quoted words themselves are found; a fuzzy match keeps the saved
    // context, so the quote can still be found by its own words in a later version.
    const selector = sourceChanged
      ? { prefix: row.prefix, suffix: row.suffix }
      : quoteSelector(newText, start, end)
    const currentText = sourceChanged ? matched : null
    const page = pageAt(pageStarts, start)
    const paragraph = paragraphAt(newText, start)
    const changed =
      page !== row.page ||
      paragraph !== row.paragraph ||
      selector.prefix !== row.prefix ||
      selector.suffix !== row.suffix ||
      start !== row.start ||
      end !== row.end ||
      placement !== row.placement ||
      currentText !== row.currentText
    if (!changed) continue
    quotesRepository.setAnchor(
      db,
      row.id,
      {
        prefix: selector.prefix,
        suffix: selector.suffix,
        start,
        end,
        page,
        paragraph,
        placement,
        currentText,
      },
      now,
    )
  }
  return { unplacedQuoteIds, changedQuoteIds, counts }
}

/**
 * The user accepts the source's current wording for a "source changed" quote: its words become what the document
 * says at its position now. The only path that changes a saved quote's words. Conflict when nothing changed.
 */
export function acceptSourceWording(db: Db, id: QuoteId): Quote {
  db.transaction(() => {
    const row = quotesRepository.withDocumentText(db, id)
    if (!row) throw notFound('quote', id)
    if (row.currentText === null || row.start === null || row.end === null)
      throw conflict(
        'This quote already has the words its source prints; there is no new wording to accept.',
      )
    const selector = quoteSelector(row.text, row.start, row.end)
    quotesRepository.setWords(db, id, selector, new Date().toISOString())
  })()
  return getQuote(db, id)
}
