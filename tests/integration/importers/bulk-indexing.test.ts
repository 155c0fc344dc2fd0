/**
 * Bulk imports switch FTS5 to merging less often while they write (store.ts `beginBulkIndexing`) and restore the
 * default afterwards with a merge pass: the index must end consistent, searchable and back on the default policy,
 * also after a bulk import that was interrupted before it could restore it.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/main/db/connection'
import { tempBackend } from '../../support/temp-library'
import { expectLibraryIntact, importViaApi, phraseSearch } from './helpers'

const backends: ReturnType<typeof tempBackend>[] = []
afterEach(async () => {
  for (const b of backends.splice(0)) await b.dispose()
})

const automerge = (db: Db): unknown =>
  (
    db.prepare("SELECT v FROM documents_fts_config WHERE k = 'automerge'").get() as
      | { v: unknown }
      | undefined
  )?.v

describe('bulk indexing', () => {
  it('a large batch ends with the default merge policy and an intact, searchable index', async () => {
    const backend = tempBackend()
    backends.push(backend)
    const dir = join(backend.dir, 'in')
    mkdirSync(dir)
    for (let i = 0; i < 80; i++)
      writeFileSync(
        join(dir, `note-${i}.txt`),
        `Field note ${i}\n\nObservation number ${i} of the migrating cranes near lake station ${i * 7}.\n`,
      )
    const report = await importViaApi(backend, [dir])
    expect(report.imported).toBe(80)
    const db = backend.context.db
    expect(automerge(db)).toBe(4)
    // The WAL checkpoint interval raised for the batch (store.ts BULK_WAL_PAGES) is the connection's default again.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    expect(phraseSearch(db, 'lake station 133')).toHaveLength(1)
    expectLibraryIntact(db)
  }, 60_000)

  it('an import restores the default policy an interrupted bulk import left behind', async () => {
    const backend = tempBackend()
    backends.push(backend)
    const db = backend.context.db
    db.exec("INSERT INTO documents_fts(documents_fts, rank) VALUES('automerge', 16)")
    const file = join(backend.dir, 'one.txt')
    writeFileSync(file, 'One note\n\nA single small file after an interrupted batch.\n')
    const report = await importViaApi(backend, [file])
    expect(report.imported).toBe(1)
    expect(automerge(db)).toBe(4)
    expectLibraryIntact(db)
  })
})
