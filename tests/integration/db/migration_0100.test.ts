import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/db/connection'
import { MIGRATIONS, migrate, schemaVersion } from '../../../src/main/db/migrate'
import { tempDir } from '../../support/temp-library'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

describe('migration 0100 (updated_at indexes for the palette)', () => {
  it('indexes documents and quotes by updated_at, keeps rows, and the changed-since read uses the index', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
    const previous = Math.max(...MIGRATIONS.filter((m) => m.version < 100).map((m) => m.version))
    migrate(db, previous)
    const now = new Date().toISOString()
    db.prepare(
      `INSERT INTO documents (title, format, content_hash, text, word_count, imported_at, updated_at)
       VALUES ('Before', 'txt', 'h1', 'some text', 2, ?, ?)`,
    ).run(now, now)

    expect(migrate(db, 100)).toEqual([100])
    expect(schemaVersion(db)).toBe(100)
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]
    ).map((r) => r.name)
    expect(indexes).toEqual(
      expect.arrayContaining([
        'documents_by_updated_at',
        'quotes_by_updated_at',
        'documents_by_published_at_dated_first',
      ]),
    )
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM documents WHERE updated_at >= ?')
      .all(now) as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('documents_by_updated_at')
    expect(db.prepare('SELECT title FROM documents').get()).toEqual({ title: 'Before' })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
