/**
 * How many quotes a comparison shows side by side, and the check that a set of quotes may be compared. Apart from
 * compare-quotes so the API's argument schemas and saved sets can use them without loading the compare stack
 * (jsdiff, citation-js) at start (issue 5 cold start).
 */
import type { Quote, QuoteId } from '@shared/contract'
import { invalidArgs, notFound } from '../core/errors'

export const MIN_COLUMNS = 2
export const MAX_COLUMNS = 4

/** 2–4 distinct ids, or `invalid_args` with a message a person can act on. */
export function checkColumnIds(ids: readonly QuoteId[]): void {
  if (new Set(ids).size !== ids.length) throw invalidArgs('Pick different quotes to compare.')
  if (ids.length < MIN_COLUMNS || ids.length > MAX_COLUMNS) {
    throw invalidArgs(`Pick ${MIN_COLUMNS} to ${MAX_COLUMNS} quotes to compare.`)
  }
}

/**
 * Exactly the quotes asked for, given the ones found (read through `load` once the ids pass `checkColumnIds`):
 * `not_found` names the first missing one.
 */
export function quotesForComparison(
  ids: readonly QuoteId[],
  load: (ids: readonly QuoteId[]) => Quote[],
): Quote[] {
  checkColumnIds(ids)
  const quotes = load(ids)
  const missing = ids.find((id) => !quotes.some((q) => q.id === id))
  if (missing !== undefined) throw notFound('quote', missing)
  return quotes
}
