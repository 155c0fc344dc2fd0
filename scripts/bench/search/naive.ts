/**
 * The baseline "FTS5 naive": what one writes first — bm25 + snippet() over every match, joined to the document
 * rows for filters, with a count. Same parser and compiler as Lectern (so both answer the same question).
 */

import type { Db } from '../../../src/main/db/connection'
import { all, get, sql } from '../../../src/main/db/sql'
import { QueryCompiler } from '../../../src/main/search/query-compiler'
import { parseQuery } from '../../../src/main/search/query-parser'
import { MARK_END, MARK_START } from '../../../src/shared/contract'

/** Returns null for queries it cannot run (no text to MATCH). */
export function naiveSearch(
  db: Db,
  query: string,
  typing: boolean,
  limit = 20,
): { total: number; hits: number } | null {
  const parsed = parseQuery(query, { asYouType: typing })
  if (!parsed.root) return null
  const tags = (name: string) =>
    all<{ id: number }>(db, sql`SELECT id FROM tags WHERE name = ${name} COLLATE NOCASE`).map(
      (r) => r.id,
    )
  const compiled = new QueryCompiler('documents', tags).compile(parsed.root)
  if (!compiled.match) return null
  const filters = compiled.where.length > 0 ? sql` AND ${sql.join(compiled.where, ' AND ')}` : sql``
  const from = sql`documents_fts JOIN documents d ON d.id = documents_fts.rowid`
  const total =
    get<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM ${from} WHERE documents_fts MATCH ${compiled.match}${filters}`,
    )?.n ?? 0
  const rows = all<{ id: number }>(
    db,
    sql`SELECT documents_fts.rowid AS id, bm25(documents_fts, 10, 4, 4, 1) AS rank,
          snippet(documents_fts, 3, ${MARK_START}, ${MARK_END}, '…', 24) AS snippet
        FROM ${from} WHERE documents_fts MATCH ${compiled.match}${filters}
        ORDER BY rank LIMIT ${limit}`,
  )
  return { total, hits: rows.length }
}
