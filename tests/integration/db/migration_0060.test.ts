import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/db/connection'
import { MIGRATIONS, migrate, schemaVersion } from '../../../src/main/db/migrate'
import { tempDir } from '../../support/temp-library'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

describe('migration 0060 (ids never reused, comparison_quotes)', () => {
  it('rebuilds documents, quotes and tags with AUTOINCREMENT and moves saved comparisons into the join table', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
    const previous = Math.max(...MIGRATIONS.filter((m) => m.version < 60).map((m) => m.version))
    migrate(db, previous)
    const now = new Date().toISOString()
    const insertDoc = db.prepare(
      `INSERT INTO documents (id, title, format, content_hash, text, word_count, imported_at, updated_at)
       VALUES (?, ?, 'txt', ?, ?, 3, ?, ?)`,
    )
    insertDoc.run(3, 'Railway summit', 'h3', 'the railway summit text', now, now)
    insertDoc.run(7, 'Budget debate', 'h7', 'the budget debate text', now, now)
    db.prepare("INSERT INTO tags (id, name, color) VALUES (5, 'kenya', 'blue')").run()
    db.prepare('INSERT INTO document_tags (document_id, tag_id) VALUES (3, 5)').run()
    const insertQuote = db.prepare(
      `INSERT INTO quotes (id, document_id, exact, start_offset, end_offset, created_at, updated_at)
       VALUES (?, ?, ?, 0, 5, ?, ?)`,
    )
    insertQuote.run(11, 3, 'railway summit', now, now)
    insertQuote.run(12, 7, 'budget debate', now, now)
    db.prepare('INSERT INTO quote_tags (quote_id, tag_id) VALUES (11, 5)').run()
    const insertSet = db.prepare(
      `INSERT INTO comparisons (id, name, note, quote_ids, created_at, updated_at)
       VALUES (?, ?, '', ?, ?, ?)`,
    )
    insertSet.run(1, 'both', '[12, 11]', now, now)
    insertSet.run(2, 'one gone', '[11, 99]', now, now) // 99: a quote deleted before the migration
    insertSet.run(3, 'garbled', 'not json', now, now)

    expect(migrate(db)).toContain(60)
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(60)
    const schema = (name: string) =>
      (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(name) as { sql: string }).sql
    for (const table of ['documents', 'quotes', 'tags', 'comparisons'])
      expect(schema(table), table).toMatch(/id INTEGER PRIMARY KEY AUTOINCREMENT/)
    expect(schema('comparisons')).not.toMatch(/quote_ids/)

    // Rows, links, indexes and FTS triggers survived the rebuild.
    expect(db.prepare('SELECT id, title FROM documents ORDER BY id').all()).toEqual([
      { id: 3, title: 'Railway summit' },
      { id: 7, title: 'Budget debate' },
    ])
    expect(db.prepare('SELECT * FROM document_tags').all()).toEqual([{ document_id: 3, tag_id: 5 }])
    expect(db.prepare('SELECT * FROM quote_tags').all()).toEqual([{ quote_id: 11, tag_id: 5 }])
    const indexes = (
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'documents'")
        .all() as {
        name: string
      }[]
    ).map((r) => r.name)
    expect(indexes).toEqual(
      expect.arrayContaining(['documents_by_content_hash', 'documents_by_title']),
    )
    const triggers = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").all() as {
        name: string
      }[]
    ).map((r) => r.name)
    expect(triggers).toEqual(
      expect.arrayContaining([
        'documents_ai',
        'documents_ad',
        'documents_au',
        'quotes_ai',
        'quotes_au',
      ]),
    )
    db.prepare("UPDATE documents SET text = 'a new railway text' WHERE id = 3").run()
    const found = db
      .prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'railway'")
      .all()
    expect(found).toEqual([{ rowid: 3 }])
    expect(
      db.prepare("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'budget'").all(),
    ).toEqual([{ rowid: 12 }])

    expect(
      db
        .prepare(
          'SELECT comparison_id, position, quote_id, saved_quote_id FROM comparison_quotes ORDER BY comparison_id, position',
        )
        .all(),
    ).toEqual([
      { comparison_id: 1, position: 0, quote_id: 12, saved_quote_id: 12 },
      { comparison_id: 1, position: 1, quote_id: 11, saved_quote_id: 11 },
      { comparison_id: 2, position: 0, quote_id: 11, saved_quote_id: 11 },
      { comparison_id: 2, position: 1, quote_id: null, saved_quote_id: 99 },
    ])
    expect(db.prepare('SELECT count(*) AS n FROM comparisons').get()).toEqual({ n: 3 })

    // Foreign keys are back on and enforced; cascades still work after the rebuild.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.prepare('DELETE FROM documents WHERE id = 7').run()
    expect(db.prepare('SELECT count(*) AS n FROM quotes WHERE id = 12').get()).toEqual({ n: 0 })
    expect(
      db.prepare('SELECT quote_id FROM comparison_quotes WHERE saved_quote_id = 12').get(),
    ).toEqual({ quote_id: null })
    // The deleted ids are never handed out again.
    const fresh = db
      .prepare(
        `INSERT INTO documents (title, format, content_hash, text, word_count, imported_at, updated_at)
         VALUES ('Fresh', 'txt', 'h-new', 'x', 1, ?, ?)`,
      )
      .run(now, now)
    expect(Number(fresh.lastInsertRowid)).toBe(8)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.exec("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
    db.close()
  })
})
