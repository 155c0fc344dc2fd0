import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/db/connection'
import { MIGRATIONS, migrate, schemaVersion } from '../../../src/main/db/migrate'
import { tempDir } from '../../support/temp-library'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

describe('migration 0050 (documents.import_meta)', () => {
  it('adds the column to an existing library and keeps its rows (NULL: history unknown)', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
    const previous = Math.max(...MIGRATIONS.filter((m) => m.version < 50).map((m) => m.version))
    migrate(db, previous)
    const now = new Date().toISOString()
    db.prepare(
      `INSERT INTO documents (title, format, content_hash, text, word_count, imported_at, updated_at)
       VALUES ('Before', 'txt', 'h1', 'some text', 2, ?, ?)`,
    ).run(now, now)

    expect(migrate(db, 50)).toEqual([50])
    expect(schemaVersion(db)).toBe(50)
    const columns = (
      db.prepare("SELECT name FROM pragma_table_info('documents')").all() as { name: string }[]
    ).map((c) => c.name)
    expect(columns).toContain('import_meta')
    expect(db.prepare('SELECT title, import_meta FROM documents').get()).toEqual({
      title: 'Before',
      import_meta: null,
    })
    db.prepare('UPDATE documents SET import_meta = \'{"title":"Before"}\'').run()
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
