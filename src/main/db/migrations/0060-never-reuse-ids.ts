import type { Db } from '../../core/context'

/**
 * Saved work must keep pointing at what it was saved with (issue #11, defect 2).
 *
 * 1. `documents`, `quotes`, `tags` and `comparisons` get `AUTOINCREMENT`, so SQLite never hands out the id of a
 *    deleted row again (without it, deleting the newest quote and saving another reused its id). SQLite cannot add
 *    AUTOINCREMENT in place: each table is rebuilt from its current definition (so columns added by any earlier
 *    migration are kept), rows are copied with their ids, and its indexes and triggers are re-created.
 * 2. `comparisons.quote_ids` (a JSON array nothing checked) becomes the `comparison_quotes` join table. A deleted
 *    quote leaves its slot with `quote_id` NULL (ON DELETE SET NULL) and `saved_quote_id` kept, so the set says a
 *    quote was deleted; the relink trigger fills the slot again when an undo re-inserts that id.
 *
 * 3. `quotes.current_text`: the source's words at the quote's position when a re-import changed them (NULL when the
 *    source still says exactly what was quoted). `exact` — the words the researcher quoted — is never rewritten by
 *    re-anchoring; see quotes/reanchor.ts.
 *
 * Runs with foreign keys off (migrate.ts), as SQLite's table-rebuild procedure requires: dropping the old table
 * with them on would cascade-delete every quote and tag link.
 */
export function migrate0060(db: Db): void {
  for (const table of ['documents', 'tags', 'quotes'] as const) rebuildWithAutoincrement(db, table)
  db.exec('ALTER TABLE quotes ADD COLUMN current_text TEXT')
  db.exec(`
    CREATE TABLE comparisons_next (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO comparisons_next (id, name, note, created_at, updated_at)
      SELECT id, name, note, created_at, updated_at FROM comparisons;

    CREATE TABLE comparison_quotes (
      comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      quote_id INTEGER REFERENCES quotes(id) ON DELETE SET NULL,  -- NULL: the quote was deleted
      saved_quote_id INTEGER NOT NULL,                            -- the quote saved here (ids are never reused)
      PRIMARY KEY (comparison_id, position)
    ) STRICT;
    CREATE INDEX comparison_quotes_by_quote ON comparison_quotes(quote_id);
    CREATE INDEX comparison_quotes_by_saved ON comparison_quotes(saved_quote_id) WHERE quote_id IS NULL;

    INSERT INTO comparison_quotes (comparison_id, position, quote_id, saved_quote_id)
      SELECT c.id, CAST(j.key AS INTEGER), (SELECT q.id FROM quotes q WHERE q.id = j.value), j.value
        FROM comparisons c, json_each(CASE WHEN json_valid(c.quote_ids) THEN c.quote_ids ELSE '[]' END) j
       WHERE j.type = 'integer';

    DROP TABLE comparisons;
    ALTER TABLE comparisons_next RENAME TO comparisons;

    -- Undo re-inserts a deleted quote under its old id: put it back into the sets it was in.
    CREATE TRIGGER comparison_quotes_relink AFTER INSERT ON quotes BEGIN
      UPDATE comparison_quotes SET quote_id = new.id WHERE quote_id IS NULL AND saved_quote_id = new.id;
    END;
  `)
  // Copying rows with their ids also set each table's sqlite_sequence to its highest id.
}

type SchemaRow = { type: string; name: string; sql: string }

/** Rebuild `table` with `id INTEGER PRIMARY KEY AUTOINCREMENT`, keeping every column, row id, index and trigger. */
function rebuildWithAutoincrement(db: Db, table: 'documents' | 'tags' | 'quotes'): void {
  const definition = db
    .prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?")
    .get(table) as { sql: string } | undefined
  if (!definition) throw new Error(`migration 0060: table ${table} is missing`)
  if (/\bAUTOINCREMENT\b/i.test(definition.sql)) return
  const next = `${table}_next`
  const header = new RegExp(`^CREATE TABLE\\s+"?${table}"?\\s*\\(`, 'i')
  const idColumn = /\bid\s+INTEGER\s+PRIMARY\s+KEY\b/i
  if (!header.test(definition.sql) || !idColumn.test(definition.sql))
    throw new Error(`migration 0060: unexpected definition of ${table}`)
  const createNext = definition.sql
    .replace(header, `CREATE TABLE ${next} (`)
    .replace(idColumn, 'id INTEGER PRIMARY KEY AUTOINCREMENT')
  const dependents = db
    .prepare(
      "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
    )
    .all(table) as SchemaRow[]
  const columns = (db.pragma(`table_info(${table})`) as { name: string }[])
    .map((c) => `"${c.name}"`)
    .join(', ')
  db.exec(createNext)
  db.exec(`INSERT INTO ${next} (${columns}) SELECT ${columns} FROM ${table}`)
  db.exec(`DROP TABLE ${table}`)
  db.exec(`ALTER TABLE ${next} RENAME TO ${table}`)
  for (const row of dependents) db.exec(row.sql)
}
