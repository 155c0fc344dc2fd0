/** Saved searches: a name and a query, listed in the sidebar with live counts (the same `total` search gives). */
import type { SavedSearch } from '@shared/contract'
import { invalidArgs } from '../core/errors'
import type { Db } from '../db/connection'
import { all, get, run, sql } from '../db/sql'
import { parseQuery } from './query-parser'
import { countMatches } from './search-service'

type Row = { id: number; name: string; query: string }

export function listSavedSearches(db: Db): SavedSearch[] {
  return all<Row>(
    db,
    sql`SELECT id, name, query FROM saved_searches ORDER BY name COLLATE NOCASE, id`,
  ).map((r) => ({ ...r, count: countMatches(db, r.query) }))
}

/** Save (or, for an existing name, update) a search. A query with nothing to search for is refused. */
export function saveSearch(db: Db, name: string, query: string): SavedSearch {
  const text = query.trim()
  const parsed = parseQuery(text)
  if (!parsed.root) {
    const why = parsed.problems[0] ?? 'type a word, a "phrase" or a filter like tag:climate.'
    throw invalidArgs(`That search has nothing to search for: ${why}`)
  }
  const now = new Date().toISOString()
  run(
    db,
    sql`INSERT INTO saved_searches (name, query, created_at) VALUES (${name}, ${text}, ${now})
        ON CONFLICT(name) DO UPDATE SET query = excluded.query`,
  )
  const row = get<Row>(db, sql`SELECT id, name, query FROM saved_searches WHERE name = ${name}`)
  if (!row) throw new Error('saved search vanished after insert')
  return { ...row, count: countMatches(db, row.query) }
}

export function deleteSavedSearch(db: Db, id: number): boolean {
  return run(db, sql`DELETE FROM saved_searches WHERE id = ${id}`).changes > 0
}
