/**
 * Integrity checks of a library database (SECURITY.md §4).
 *
 * - `PRAGMA quick_check` is O(N) but skips index/table agreement; `PRAGMA integrity_check` checks it too.
 * - FTS5 external-content indexes are checked with `INSERT INTO t(t, rank) VALUES('integrity-check', 1)`. Rank 1
 *   matters: the bare form (rank 0) checks only the index's internal consistency and passes when rows are simply
 *   missing from an external-content index. FTS5 exposes the check as an INSERT, which SQLite refuses on read-only
 *   and `query_only` connections although it writes nothing, so it runs inside a transaction that is always rolled
 *   back, with `query_only` lifted for that statement only.
 */
import type { Db } from './connection'

export type CheckMode = 'quick' | 'full'

export type CheckOptions = {
  /** `quick` = PRAGMA quick_check, `full` = PRAGMA integrity_check (default). */
  mode?: CheckMode
  /** Also run the FTS5 rank-1 integrity check on every FTS5 table (default true). Needs a writable handle. */
  fts?: boolean
  /** Stop collecting after this many problems (default 20). */
  maxProblems?: number
}

/** Human-readable description of a thrown SQLite error, without anything but its code and message. */
function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  return typeof code === 'string' ? `${code}: ${message}` : message
}

/** SQLite's own check: [] when it answers `ok`, else its messages. Throws nothing. */
export function sqliteCheck(db: Db, mode: CheckMode = 'full', maxProblems = 20): string[] {
  try {
    const pragma = mode === 'quick' ? 'quick_check' : 'integrity_check'
    const rows = db.pragma(`${pragma}(${Math.max(1, maxProblems | 0)})`, {
      simple: false,
    }) as Record<string, string>[]
    const messages = rows.map((r) => String(Object.values(r)[0]))
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages
  } catch (error) {
    return [`the database could not be read (${describeError(error)})`]
  }
}

/** Names of the FTS5 virtual tables in the schema (not fts5vocab or other modules). */
export function fts5Tables(db: Db): string[] {
  const rows = db
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'",
    )
    .all() as { name: string; sql: string }[]
  return rows.filter((r) => /\bUSING\s+fts5\s*\(/i.test(r.sql)).map((r) => r.name)
}

/** FTS5 rank-1 check of every FTS5 table: [] when all agree with their content tables. Throws nothing. */
export function ftsCheck(db: Db): string[] {
  let tables: string[]
  try {
    tables = fts5Tables(db)
  } catch (error) {
    return [`the schema could not be read (${describeError(error)})`]
  }
  if (tables.length > 0 && db.readonly) {
    return ['full-text indexes not checked: the database is open read-only']
  }
  const problems: string[] = []
  const wasQueryOnly = db.pragma('query_only', { simple: true }) === 1
  if (wasQueryOnly) db.pragma('query_only = OFF')
  try {
    for (const table of tables) {
      // Table names come from sqlite_schema, not from a caller; quote them as identifiers all the same.
      const quoted = `"${table.replaceAll('"', '""')}"`
      const inTransaction = db.inTransaction
      try {
        if (!inTransaction) db.exec('BEGIN')
        db.prepare(`INSERT INTO ${quoted}(${quoted}, rank) VALUES ('integrity-check', 1)`).run()
      } catch (error) {
        problems.push(
          `full-text index ${table} does not match its content (${describeError(error)})`,
        )
      } finally {
        if (!inTransaction && db.inTransaction) db.exec('ROLLBACK')
      }
    }
  } finally {
    if (wasQueryOnly) db.pragma('query_only = ON')
  }
  return problems
}

/** SQLite's check plus (optionally) the FTS5 checks. */
export function checkDatabase(db: Db, options: CheckOptions = {}): string[] {
  const problems = sqliteCheck(db, options.mode ?? 'full', options.maxProblems ?? 20)
  // FTS checks read the whole content table: pointless (and noisy) when the file itself is damaged.
  if (problems.length === 0 && options.fts !== false) problems.push(...ftsCheck(db))
  return problems
}

/** Rebuild every FTS5 index from its content table (derived data is rebuilt, never recovered). */
export function rebuildFts(db: Db): void {
  for (const table of fts5Tables(db)) {
    const quoted = `"${table.replaceAll('"', '""')}"`
    db.prepare(`INSERT INTO ${quoted}(${quoted}) VALUES ('rebuild')`).run()
  }
}
