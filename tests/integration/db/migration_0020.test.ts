import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/db/connection'
import { migrate, schemaVersion } from '../../../src/main/db/migrate'
import { tempDir } from '../../support/temp-library'
import { insertDocument } from '../library/seed'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

describe('migration 0020 (library sort indexes)', () => {
  it('adds the sort indexes to a version-10 library and keeps its rows', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
    migrate(db, 10)
    expect(schemaVersion(db)).toBe(10)
    const id = insertDocument(db, { title: 'Before the migration', wordCount: 7 })

    expect(migrate(db, 20)).toEqual([20])
    expect(schemaVersion(db)).toBe(20)
    const indexes = (
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'documents'")
        .all() as {
        name: string
      }[]
    ).map((r) => r.name)
    expect(indexes).toEqual(
      expect.arrayContaining([
        'documents_by_title',
        'documents_by_authors',
        'documents_by_source_nocase',
        'documents_by_word_count',
      ]),
    )
    const row = db
      .prepare(
        'SELECT id, title FROM documents INDEXED BY documents_by_word_count WHERE word_count = 7',
      )
      .get()
    expect(row).toEqual({ id, title: 'Before the migration' })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
