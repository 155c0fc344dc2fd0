/**
 * search.inDocument: where a query's words occur inside one document, for the reader's find bar. Same parser and
 * folding as library search (so "cafe" finds "Café" and "dont" does not find "don't", exactly as in search results);
 * the last word is a prefix by default, like a find bar matching as you type; other plain words find their other
 * forms (stems.ts), so a result opened from search marks the words search found.
 */

import type { DocumentId, InDocumentResult } from '@shared/contract'
import { notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { get, sql } from '../db/sql'
import { pageLabelOf, parsePageLabels } from '../text/page-labels'
import { findMatches, pageAt } from './passages'
import { markTerms } from './query-compiler'
import { parseQuery } from './query-parser'
import { expandStems } from './stems'

/** A find bar shows "1 of 10,000+" beyond this; the offsets of more would not help anyone. */
export const MAX_IN_DOCUMENT_MATCHES = 10_000

export function searchInDocument(
  db: Db,
  documentId: DocumentId,
  query: string,
  prefix = true,
): InDocumentResult {
  const row = get<{ text: string; page_starts: string | null; page_labels: string | null }>(
    db,
    sql`SELECT text, page_starts,
               (SELECT json_group_array(json_extract(value, '$.label') ORDER BY key) FROM json_each(CASE WHEN json_valid(pages) THEN pages END)) AS page_labels
          FROM documents WHERE id = ${documentId}`,
  )
  if (!row) throw notFound('document', documentId)
  const parsed = parseQuery(query, { asYouType: prefix })
  const message = parsed.problems.length > 0 ? { message: parsed.problems.join(' ') } : {}
  // The other forms of a plain word too, as library search finds them ("distribute" marks "distribution").
  const marks = markTerms(parsed.root ? expandStems(db, parsed.root).root : null)
  if (marks.length === 0) return { matches: [], truncated: false, ...message }
  let pageStarts: number[] | null = null
  try {
    const value: unknown = row.page_starts ? JSON.parse(row.page_starts) : null
    if (Array.isArray(value) && value.every((n) => typeof n === 'number')) pageStarts = value
  } catch {
    pageStarts = null
  }
  const labels = parsePageLabels(row.page_labels)
  const found = findMatches(row.text, marks)
  // Overlapping matches (a phrase and one of its words) are shown once: keep the first, longest.
  const matches: InDocumentResult['matches'] = []
  let lastEnd = -1
  for (const m of found) {
    if (m.start < lastEnd) continue
    if (matches.length >= MAX_IN_DOCUMENT_MATCHES) {
      return { matches, truncated: true, ...message }
    }
    const page = pageAt(pageStarts, m.start)
    matches.push({ start: m.start, end: m.end, page, pageLabel: pageLabelOf(labels, page) })
    lastEnd = m.end
  }
  return { matches, truncated: false, ...message }
}
