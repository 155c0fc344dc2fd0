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

function libraryBefore0180() {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
  const previous = Math.max(...MIGRATIONS.filter((m) => m.version < 180).map((m) => m.version))
  migrate(db, previous)
  return db
}

const now = new Date().toISOString()

describe('migration 0180 (Greek and Arabic-script text folded)', () => {
  it('re-indexes a library holding Greek and Arabic: unaccented and bare words find them, the index stays consistent', () => {
    const db = libraryBefore0180()
    const insert = db.prepare(
      `INSERT INTO documents (title, language, format, content_hash, text, word_count, imported_at, updated_at)
       VALUES (?, ?, 'txt', ?, ?, 3, ?, ?)`,
    )
    // Lines of the Debian Administrator's Handbook (tests/fixtures/documents/debian/debian-handbook-*.html).
    insert.run('Εισαγωγή', 'el', 'h1', 'Αυτό το βιβλίο έχει μια έκδοση', now, now)
    insert.run(
      'النواة',
      'ar',
      'h2',
      'تسمح النواة بتشغيل أكثر من نسخة مستقلة من البرنامج نفسه',
      now,
      now,
    )
    insert.run('English', 'en', 'h3', 'Nothing to fold here', now, now)
    db.prepare(
      `INSERT INTO quotes (document_id, exact, prefix, suffix, start_offset, end_offset, color, created_at, updated_at)
       VALUES (1, 'το βιβλίο', '', '', 4, 13, 'yellow', ?, ?)`,
    ).run(now, now)
    // As a library written before 0180 holds them: the text went into the index as it is (unicode61 alone).
    db.exec(`INSERT INTO documents_fts(documents_fts) VALUES ('delete-all');
      INSERT INTO documents_fts(rowid, title, authors, source, text)
        SELECT id, title, authors, source, text FROM documents;
      INSERT INTO quotes_fts(quotes_fts) VALUES ('delete-all');
      INSERT INTO quotes_fts(rowid, exact, note) SELECT id, exact, note FROM quotes;`)
    const titles = (q: string) =>
      searchLibrary(db, { query: q })
        .hits.filter((h) => h.type === 'document')
        .map((h) => h.title)
        .sort()
    expect(titles('βιβλιο')).toEqual([]) // what the reader got before

    expect(migrate(db, 180)).toEqual([180])
    expect(schemaVersion(db)).toBe(180)
    // The "did you mean" vocabulary is rebuilt from the new terms.
    expect(
      db.prepare("SELECT data FROM search_cache WHERE key = 'vocab.rebuild'").pluck().get(),
    ).toBe('1')
    expect(titles('βιβλιο')).toEqual(['Εισαγωγή'])
    expect(titles('ΕΚΔΟΣΗ')).toEqual(['Εισαγωγή'])
    expect(titles('نواة')).toEqual(['النواة'])
    expect(titles('برنامج')).toEqual(['النواة'])
    expect(
      searchLibrary(db, { query: 'βιβλιο' }).hits.filter((h) => h.type === 'quote'),
    ).toHaveLength(1)
    db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()
    db.prepare("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)").run()
    db.prepare("DELETE FROM documents WHERE title = 'النواة'").run()
    db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()
    db.close()
  })

  it('leaves a library without Greek or Arabic-script text as it was (no rebuild)', () => {
    const db = libraryBefore0180()
    db.prepare(
      `INSERT INTO documents (title, language, format, content_hash, text, word_count, imported_at, updated_at)
       VALUES ('Café', 'fr', 'txt', 'h', 'Une élection, α et μ', 2, ?, ?)`,
    ).run(now, now)
    db.exec("DELETE FROM search_cache WHERE key = 'vocab.rebuild'")
    expect(migrate(db, 180)).toEqual([180])
    expect(
      db.prepare("SELECT data FROM search_cache WHERE key = 'vocab.rebuild'").pluck().get(),
    ).toBeUndefined()
    expect(searchLibrary(db, { query: 'election' }).hits).toHaveLength(1)
    db.close()
  })
})
