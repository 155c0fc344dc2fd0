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

describe('migration 0170 (Hangul indexed as bigrams)', () => {
  it('re-indexes a library holding Korean: a word is found inside its phrase, and the index stays consistent', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
    const previous = Math.max(...MIGRATIONS.filter((m) => m.version < 170).map((m) => m.version))
    migrate(db, previous)
    const now = new Date().toISOString()
    const insert = db.prepare(
      `INSERT INTO documents (title, language, format, content_hash, text, word_count, imported_at, updated_at)
       VALUES (?, 'ko', 'txt', ?, ?, 3, ?, ?)`,
    )
    // Lines of the Korean Debian FAQ (tests/fixtures/documents/debian/debian-faq-basic-defs.ko.html).
    insert.run('정의', 'h1', '현재 데비안은 리눅스에서만 사용할 수 있지만', now, now)
    insert.run('패키지', 'h2', '데비안 패키지 관리 시스템', now, now)
    db.prepare(
      `INSERT INTO quotes (document_id, exact, prefix, suffix, start_offset, end_offset, color, created_at, updated_at)
       VALUES (1, '데비안은 리눅스에서만', '', '', 3, 14, 'yellow', ?, ?)`,
    ).run(now, now)

    // As a library written before 0170 holds them: Korean went into the index as it is (unicode61's whole phrases).
    db.exec(`INSERT INTO documents_fts(documents_fts) VALUES ('delete-all');
      INSERT INTO documents_fts(rowid, title, authors, source, text)
        SELECT id, title, authors, source, text FROM documents;
      INSERT INTO quotes_fts(quotes_fts) VALUES ('delete-all');
      INSERT INTO quotes_fts(rowid, exact, note) SELECT id, exact, note FROM quotes;`)

    expect(migrate(db, 170)).toEqual([170])
    expect(schemaVersion(db)).toBe(170)
    const titles = (q: string) =>
      searchLibrary(db, { query: q })
        .hits.filter((h) => h.type === 'document')
        .map((h) => h.title)
        .sort()
    expect(titles('데비안')).toEqual(['정의', '패키지'])
    expect(titles('리눅스')).toEqual(['정의'])
    expect(
      searchLibrary(db, { query: '리눅스' }).hits.filter((h) => h.type === 'quote'),
    ).toHaveLength(1)
    // The index agrees with its content, and deleting a row indexed before the migration leaves it consistent.
    db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()
    db.prepare("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)").run()
    db.prepare("DELETE FROM documents WHERE title = '패키지'").run()
    db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()
    db.close()
  })
})
