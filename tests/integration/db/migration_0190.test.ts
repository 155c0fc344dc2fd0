import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/db/connection'
import { MIGRATIONS, migrate, schemaVersion } from '../../../src/main/db/migrate'
import { searchLibrary } from '../../../src/main/search/search-service'
import { tempDir } from '../../support/temp-library'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

function libraryBefore0190() {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
  const previous = Math.max(...MIGRATIONS.filter((m) => m.version < 190).map((m) => m.version))
  migrate(db, previous)
  return db
}

const now = new Date().toISOString()
const titles = (db: ReturnType<typeof libraryBefore0190>, q: string) =>
  searchLibrary(db, { query: q })
    .hits.filter((h) => h.type === 'document')
    .map((h) => h.title)

describe('migration 0190 (soft hyphens and zero-width characters inside words)', () => {
  it('re-indexes a library holding them: the whole word is found, the index stays consistent', () => {
    const db = libraryBefore0190()
    db.prepare(
      `INSERT INTO documents (title, language, format, content_hash, text, word_count, imported_at, updated_at)
       VALUES ('Bahn', 'de', 'html', 'h1', ?, 5, ?, ?)`,
    ).run('Die Bundes\u00adregierung plant eine Eisen\u00adbahn\u00adverbindung.', now, now)
    db.prepare(
      `INSERT INTO quotes (document_id, exact, prefix, suffix, start_offset, end_offset, color, created_at, updated_at)
       VALUES (1, 'Bundes\u00adregierung', '', '', 4, 20, 'yellow', ?, ?)`,
    ).run(now, now)
    // As a library written before 0190 holds them: the text went into the index as it is (unicode61 splits there).
    db.exec(`INSERT INTO documents_fts(documents_fts) VALUES ('delete-all');
      INSERT INTO documents_fts(rowid, title, authors, source, text)
        SELECT id, title, authors, source, text FROM documents;
      INSERT INTO quotes_fts(quotes_fts) VALUES ('delete-all');
      INSERT INTO quotes_fts(rowid, exact, note) SELECT id, exact, note FROM quotes;`)
    expect(titles(db, 'Bundesregierung')).toEqual([]) // what the reader got before

    expect(migrate(db, 190)).toEqual([190])
    expect(schemaVersion(db)).toBe(190)
    expect(
      db.prepare("SELECT data FROM search_cache WHERE key = 'vocab.rebuild'").pluck().get(),
    ).toBe('1')
    expect(titles(db, 'Bundesregierung')).toEqual(['Bahn'])
    expect(titles(db, '"Eisenbahnverbindung"')).toEqual(['Bahn'])
    expect(
      searchLibrary(db, { query: 'Bundesregierung' }).hits.filter((h) => h.type === 'quote'),
    ).toHaveLength(1)
    db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()
    db.prepare("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)").run()
    db.prepare('DELETE FROM documents WHERE id = 1').run()
    db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()
    db.close()
  })

  it('leaves a library without them as it was (no rebuild)', () => {
    const db = libraryBefore0190()
    db.prepare(
      `INSERT INTO documents (title, language, format, content_hash, text, word_count, imported_at, updated_at)
       VALUES ('Rail', 'en', 'txt', 'h', 'A railway to Nairobi', 4, ?, ?)`,
    ).run(now, now)
    db.exec("DELETE FROM search_cache WHERE key = 'vocab.rebuild'")
    expect(migrate(db, 190)).toEqual([190])
    expect(
      db.prepare("SELECT data FROM search_cache WHERE key = 'vocab.rebuild'").pluck().get(),
    ).toBeUndefined()
    expect(titles(db, 'railway')).toEqual(['Rail'])
    db.close()
  })
})
