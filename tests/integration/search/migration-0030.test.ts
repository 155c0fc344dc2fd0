import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type Db, openDb } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { tempDir } from '../../support/temp-library'
import { insertDocument } from './library-fixture'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

function libraryAt(version: number): Db {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
  migrate(db, version)
  cleanups.unshift(() => db.close())
  return db
}

const matches = (db: Db, q: string) =>
  db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?').pluck().all(q)

describe('migration 0030 (search index, filter index, vocabulary)', () => {
  it('re-indexes existing documents with one-letter prefixes and flags the vocabulary for a rebuild', () => {
    const db = libraryAt(20)
    const id = insertDocument(db, { title: 'Kenya', text: 'The Mombasa railway, café.' })
    migrate(db, 30)
    expect(db.pragma('user_version', { simple: true })).toBe(30)
    const ddl = db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'")
      .pluck()
      .get() as string
    expect(ddl).toContain("prefix='1 2 3'")
    expect(matches(db, '"m"*')).toEqual([id])
    expect(matches(db, '"rail"*')).toEqual([id])
    expect(matches(db, 'cafe')).toEqual([id])
    // The FTS index is consistent with its content table.
    db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()
    expect(
      db.prepare("SELECT data FROM search_cache WHERE key = 'vocab.rebuild'").pluck().get(),
    ).toBe('1')
    // The sync triggers of 0010 still feed the rebuilt table.
    const later = insertDocument(db, { title: 'Later', text: 'Zanzibar' })
    expect(matches(db, 'zanzibar')).toEqual([later])
    db.prepare('UPDATE documents SET text = ? WHERE id = ?').run('Pemba', later)
    expect(matches(db, 'zanzibar')).toEqual([])
    expect(matches(db, 'pemba')).toEqual([later])
  })

  it('keeps the pending-vocabulary list with triggers and the foreign key', () => {
    const db = libraryAt(30)
    expect(
      db.prepare("SELECT count(*) FROM search_cache WHERE key = 'vocab.rebuild'").pluck().get(),
    ).toBe(0)
    const pending = () => db.prepare('SELECT document_id FROM search_vocab_pending').pluck().all()
    const a = insertDocument(db, { title: 'A', text: 'one' })
    const b = insertDocument(db, { title: 'B', text: 'two' })
    expect(pending()).toEqual([a, b])
    db.exec('DELETE FROM search_vocab_pending')
    db.prepare("UPDATE documents SET title = 'A2' WHERE id = ?").run(a)
    db.prepare("UPDATE documents SET url = 'https://x' WHERE id = ?").run(b) // not indexed: no work
    expect(pending()).toEqual([a])
    db.prepare('DELETE FROM documents WHERE id = ?').run(a)
    expect(pending()).toEqual([])
  })

  it('serves filters and date sorting from the narrow covering index (query plan pinned)', () => {
    const db = libraryAt(30)
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT documents_fts.rowid FROM documents_fts
         JOIN documents d INDEXED BY documents_search_filters ON d.id = documents_fts.rowid
         WHERE documents_fts MATCH 'x' AND d.format = 'pdf' ORDER BY d.published_at DESC`,
      )
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(
      /SCAN documents_fts VIRTUAL TABLE.*SEARCH d USING COVERING INDEX documents_search_filters \(id=\?\)/,
    )
  })
})
