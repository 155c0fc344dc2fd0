import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/db/connection'
import { migrate, schemaVersion } from '../../../src/main/db/migrate'
import { withDeferredIndex } from '../../../src/main/text/search-text'
import { tempDir } from '../../support/temp-library'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

const matches = (db: ReturnType<typeof openDb>, word: string): number[] =>
  db
    .prepare<[string], number>(
      'SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid',
    )
    .pluck()
    .all(word)

describe('migration 0140 (the importer indexes each write group once)', () => {
  it('keeps indexing every other writer through the trigger, and only the deferring connection skips it', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
    migrate(db, 130)
    const now = new Date().toISOString()
    const insert = db.prepare(
      `INSERT INTO documents (title, language, format, content_hash, text, word_count, imported_at, updated_at)
       VALUES (?, 'en', 'txt', ?, ?, 3, ?, ?)`,
    )
    const before = Number(
      insert.run('Railway', 'h1', 'The railway opened.', now, now).lastInsertRowid,
    )

    expect(migrate(db, 140)).toEqual([140])
    expect(schemaVersion(db)).toBe(140)
    expect(matches(db, 'railway')).toEqual([before])
    // Any writer: indexed by the trigger, with its stem pairs (migration 0130) as before.
    const after = Number(
      insert.run('Harbour', 'h2', 'The harbours reopened.', now, now).lastInsertRowid,
    )
    expect(matches(db, 'harbours')).toEqual([after])
    expect(
      db.prepare("SELECT term FROM search_stems WHERE stem = 'harbour'").pluck().all(),
    ).toEqual(['harbours'])
    // The importer's connection while it writes a group: the trigger stays quiet, the writer indexes the row itself.
    const deferred = withDeferredIndex(db, () =>
      Number(insert.run('Airport', 'h3', 'The airport closed.', now, now).lastInsertRowid),
    )
    expect(matches(db, 'airport')).toEqual([])
    db.prepare(
      `INSERT INTO documents_fts(rowid, title, authors, source, text)
         SELECT id, lectern_search_text(title), lectern_search_text(authors), lectern_search_text(source),
                lectern_search_text(text) FROM documents WHERE id = ?`,
    ).run(deferred)
    expect(matches(db, 'airport')).toEqual([deferred])
    db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
