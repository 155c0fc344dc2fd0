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

describe('migration 0130 (word stems for stemmed search)', () => {
  it('stems the documents already in the library by their own language, and new ones through the triggers', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
    const previous = Math.max(...MIGRATIONS.filter((m) => m.version < 130).map((m) => m.version))
    migrate(db, previous)
    const now = new Date().toISOString()
    const insert = db.prepare(
      `INSERT INTO documents (title, language, format, content_hash, text, word_count, imported_at, updated_at)
       VALUES (?, ?, 'txt', ?, ?, 2, ?, ?)`,
    )
    insert.run('Climate', 'en-US', 'h1', 'The climate changed quickly.', now, now)
    insert.run('Klima', 'de', 'h2', 'Die Regierungen handelten.', now, now)
    insert.run('歴史', 'ja', 'h3', '歴史が変わった。changed', now, now)
    insert.run('Unknown', null, 'h4', 'Nothing changes.', now, now)

    expect(migrate(db, 130)).toEqual([130])
    expect(schemaVersion(db)).toBe(130)
    const pairs = db.prepare('SELECT lang, stem, term FROM search_stems ORDER BY lang, term').all()
    expect(pairs).toEqual([
      { lang: 'de', stem: 'handelt', term: 'handelten' },
      { lang: 'de', stem: 'regier', term: 'regierungen' },
      { lang: 'en', stem: 'chang', term: 'changed' },
      { lang: 'en', stem: 'climat', term: 'climate' },
      { lang: 'en', stem: 'quick', term: 'quickly' },
    ])
    // A stemmed search works right after the migration. "changed" is a form of the English documents, found wherever
    // it is printed (the Japanese text quotes it); "changes" occurs only in a document without a language: not a form.
    expect(
      searchLibrary(db, { query: 'change' })
        .hits.map((h) => h.title)
        .sort(),
    ).toEqual(['Climate', '歴史'])
    // New documents through the trigger.
    insert.run('Later', 'en', 'h5', 'Changing times.', now, now)
    expect(
      db.prepare("SELECT term FROM search_stems WHERE stem = 'chang' ORDER BY term").pluck().all(),
    ).toEqual(['changed', 'changing'])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('re-indexes Thai text, whose vowel and tone marks are now kept: จัด no longer finds จุด', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
    migrate(db, 100)
    const now = new Date().toISOString()
    const insert = db.prepare(
      `INSERT INTO documents (title, language, format, content_hash, text, word_count, imported_at, updated_at)
       VALUES (?, 'th', 'txt', ?, ?, 2, ?, ?)`,
    )
    insert.run('จุด', 'h1', 'ไม่พบซีดีรอมใดที่จุดเมานท์ปริยาย', now, now)
    insert.run('จัด', 'h2', 'กรุณาจัดการปัญหานี้ก่อน', now, now)
    migrate(db, 130)
    const titles = (q: string) =>
      searchLibrary(db, { query: q })
        .hits.map((h) => h.title)
        .sort()
    expect(titles('จุด')).toEqual(['จุด'])
    expect(titles('จัดการ')).toEqual(['จัด'])
    // The index agrees with its content, and deleting a row indexed before the migration leaves it consistent.
    db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()
    db.prepare("DELETE FROM documents WHERE title = 'จุด'").run()
    db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()
    db.close()
  })
})
