import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/db/connection'
import { MIGRATIONS, migrate, schemaVersion } from '../../../src/main/db/migrate'
import { tempDir } from '../../support/temp-library'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

describe('migration 0080 (metadata provenance, identifiers, file date, BibTeX key)', () => {
  it('adds the columns, keeps rows, and carries an existing DOI into the identifiers', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
    const previous = Math.max(...MIGRATIONS.filter((m) => m.version < 80).map((m) => m.version))
    migrate(db, previous)
    const now = new Date().toISOString()
    const insert = db.prepare(
      `INSERT INTO documents (title, format, content_hash, text, word_count, imported_at, updated_at, doi)
       VALUES (?, 'txt', ?, 'some text', 2, ?, ?, ?)`,
    )
    insert.run('With DOI', 'h1', now, now, ' 10.1000/ABC ')
    insert.run('Without', 'h2', now, now, null)

    expect(migrate(db, 80)).toEqual([80])
    expect(schemaVersion(db)).toBe(80)
    const rows = db
      .prepare(
        'SELECT title, identifiers, provenance, file_date, bibtex_key FROM documents ORDER BY id',
      )
      .all()
    expect(rows).toEqual([
      {
        title: 'With DOI',
        identifiers: '[{"type":"doi","value":"10.1000/abc"}]',
        provenance: null,
        file_date: null,
        bibtex_key: null,
      },
      { title: 'Without', identifiers: null, provenance: null, file_date: null, bibtex_key: null },
    ])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
