import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/db/connection'
import { MIGRATIONS, migrate } from '../../../src/main/db/migrate'
import { tempDir } from '../../support/temp-library'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

const ids = (db: ReturnType<typeof openDb>, match: string): number[] =>
  (
    db.prepare('SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ?').all(match) as {
      id: number
    }[]
  ).map((r) => r.id)

describe('migration 0090 (CJK search text, language provenance)', () => {
  it('re-indexes existing documents so Chinese and Japanese words are found; English is indexed as before', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
    const previous = Math.max(...MIGRATIONS.filter((m) => m.version < 90).map((m) => m.version))
    migrate(db, previous)
    const now = new Date().toISOString()
    const insert = db.prepare(
      `INSERT INTO documents (title, format, content_hash, text, word_count, language, imported_at, updated_at)
       VALUES (?, 'txt', ?, ?, 1, ?, ?, ?)`,
    )
    insert.run('Debian 小史', 'h1', 'Debian プロジェクトの歴史と目標', null, now, now)
    insert.run('Railways', 'h2', 'The Mombasa-Nairobi Railway', 'en', now, now)
    expect(ids(db, '"歴史"')).toEqual([]) // unicode61 alone: one token for the whole run

    expect(migrate(db, 90)).toEqual([90])
    expect(ids(db, '"歴史"')).toEqual([1])
    expect(ids(db, 'title:"小史"')).toEqual([1])
    expect(ids(db, '"mombasa nairobi"')).toEqual([2])
    expect(db.prepare('SELECT id, language_source FROM documents ORDER BY id').all()).toEqual([
      { id: 1, language_source: null },
      { id: 2, language_source: 'declared' },
    ])
    // Later writes go through the new triggers; the index agrees with its content view.
    db.prepare("UPDATE documents SET text = 'ニューヨークの非営利団体' WHERE id = 1").run()
    expect(ids(db, '"ニュ ュー ーヨ ヨー ーク"')).toEqual([1])
    expect(ids(db, '"歴史"')).toEqual([])
    db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()
    db.prepare("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)").run()
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
