import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/db/connection'
import { MIGRATIONS, migrate, schemaVersion } from '../../../src/main/db/migrate'
import { originalsStats, pagesOf } from '../../../src/main/originals/originals-service'
import { tempDir } from '../../support/temp-library'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

describe('migration 0070 (originals, page data, quote rectangles)', () => {
  it('migrates a library from before originals: its documents and quotes stay, and say they have no original', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
    const previous = Math.max(...MIGRATIONS.filter((m) => m.version < 70).map((m) => m.version))
    migrate(db, previous)
    const now = new Date().toISOString()
    db.prepare(
      `INSERT INTO documents (title, format, content_hash, text, page_starts, word_count, imported_at, updated_at)
       VALUES ('Old PDF', 'pdf', 'h1', 'page one\n\npage two', '[0,10]', 4, ?, ?)`,
    ).run(now, now)
    db.prepare(
      `INSERT INTO quotes (document_id, exact, start_offset, end_offset, page, created_at, updated_at)
       VALUES (1, 'page two', 10, 18, 2, ?, ?)`,
    ).run(now, now)

    expect(migrate(db, 70)).toEqual([70])
    expect(schemaVersion(db)).toBe(70)
    expect(db.prepare('SELECT original_sha256, pages FROM documents').get()).toEqual({
      original_sha256: null,
      pages: null,
    })
    expect(db.prepare('SELECT exact, rects FROM quotes').get()).toEqual({
      exact: 'page two',
      rects: null,
    })
    expect(originalsStats(db)).toEqual({ documents: 0, files: 0, bytes: 0, withoutOriginal: 1 })
    // Page data of an old PDF: offsets from page_starts, no labels, a default page size.
    expect(pagesOf(db, 1 as never)).toEqual([
      { page: 1, start: 0, end: 8, label: null, removed: [], width: 612, height: 792 },
      { page: 2, start: 10, end: 18, label: null, removed: [], width: 612, height: 792 },
    ])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
