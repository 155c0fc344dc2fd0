import { copyFileSync, existsSync, readdirSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentId } from '@shared/contract'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { markerFileFor } from '../../../src/main/db/open-library'
import { insertDocument } from '../library/seed'
import {
  addDocuments,
  countDocuments,
  openBackend,
  overwritePages,
  pageCount,
  populatedLibrary,
  tempLibraries,
} from './library-files'

const { library, cleanups } = tempLibraries()

/** A library of `count` documents with one verified backup of exactly that state. */
async function libraryWithBackup(count: number): Promise<{ dir: string; file: string }> {
  const dir = library()
  const file = await populatedLibrary(dir, count)
  const backend = openBackend(dir)
  await call(backend.context, 'library.backup', {})
  await backend.close()
  return { dir, file }
}

/** Detection, refusal and recovery that every kind of damage must show. */
async function expectDetectedAndRestorable(
  dir: string,
  file: string,
  count: number,
): Promise<void> {
  const backend = openBackend(dir)
  cleanups.push(() => backend.close())
  expect(backend.context.corrupt?.message).toMatch(/integrity check/)
  expect(existsSync(markerFileFor(file))).toBe(true)
  const info = await call(backend.context, 'library.info', {})
  expect(info.corrupt).not.toBeNull()

  const write = await backend.dispatch('tags.addToDocuments', { documentIds: [1], names: ['x'] })
  expect(write).toMatchObject({ ok: false, error: { code: 'conflict' } })
  expect((write as { error: { message: string } }).error.message).toMatch(
    /damaged and read-only.*lectern restore/,
  )
  // A damaged library is never backed up over the good copies.
  expect(await backend.dispatch('library.backup', {})).toMatchObject({ ok: false })
  expect((await call(backend.context, 'library.check', {})).ok).toBe(false)

  const restored = await call(backend.context, 'library.restore', {})
  expect(restored.file).toContain('backups')
  expect(backend.context.corrupt).toBeNull()
  expect(existsSync(markerFileFor(file))).toBe(false)
  expect(countDocuments(backend)).toBe(count)
  expect(await call(backend.context, 'library.check', {})).toEqual({ ok: true, problems: [] })
  // The damaged file is kept aside, not deleted.
  expect(readdirSync(dir).some((f) => f.startsWith('library.sqlite.damaged-'))).toBe(true)
  // Writes work again.
  const tagged = await call(backend.context, 'tags.addToDocuments', {
    documentIds: [1 as DocumentId],
    names: ['ok'],
  })
  expect(tagged.changed).toBe(1)
}

describe('corruption at open', () => {
  it('detects overwritten pages, refuses writes, and restores the newest good backup', async () => {
    const { dir, file } = await libraryWithBackup(150)
    const pages = pageCount(file)
    const middle = Math.floor(pages / 2)
    overwritePages(file, [middle, middle + 1, middle + 2, 2])
    await expectDetectedAndRestorable(dir, file, 150)
  })

  it('detects a truncated file', async () => {
    const { dir, file } = await libraryWithBackup(120)
    truncateSync(file, Math.floor(pageCount(file) / 3) * 4096)
    await expectDetectedAndRestorable(dir, file, 120)
  })

  it('detects a file that is not a database at all, and still answers reads', async () => {
    const { dir, file } = await libraryWithBackup(10)
    writeFileSync(file, Buffer.alloc(64 * 1024, 0x5a))
    const backend = openBackend(dir)
    expect(backend.context.corrupt).not.toBeNull()
    expect(await call(backend.context, 'documents.list', {})).toEqual({ total: 0, documents: [] })
    await backend.close()
    await expectDetectedAndRestorable(dir, file, 10)
  })

  it('detects a stale WAL left beside a file restored by hand', async () => {
    const dir = library()
    const file = await populatedLibrary(dir, 60)
    const keep = `${file}.older`
    copyFileSync(file, keep) // the state a person might "restore" by copying a file back
    const backend = openBackend(dir)
    await call(backend.context, 'library.backup', {})
    addDocuments(backend, 200, 1000, 3000)
    backend.context.db.pragma('wal_checkpoint(TRUNCATE)')
    addDocuments(backend, 80, 5000, 3000) // these pages stay in the WAL
    const staleWal = `${file}-wal.stale`
    copyFileSync(`${file}-wal`, staleWal)
    await backend.close()
    // Put the older file back with the newer WAL beside it.
    copyFileSync(keep, file)
    copyFileSync(staleWal, `${file}-wal`)
    await expectDetectedAndRestorable(dir, file, 60)
  })

  it('after an unclean shutdown with sound data, opens normally with every committed document', async () => {
    const dir = library()
    const file = await populatedLibrary(dir, 20)
    const crashed = join(dir, '..', 'crashed')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(crashed)
    const backend = openBackend(dir)
    addDocuments(backend, 30, 100)
    // Copy the files while the connection is open and the WAL holds the last commits: what a power cut leaves.
    copyFileSync(file, join(crashed, 'library.sqlite'))
    copyFileSync(`${file}-wal`, join(crashed, 'library.sqlite-wal'))
    await backend.close()
    const reopened = openBackend(crashed)
    cleanups.push(() => reopened.close())
    expect(reopened.context.corrupt).toBeNull()
    expect(countDocuments(reopened)).toBe(50)
  })

  it('rebuilds a full-text index that disagrees with its documents after an unclean shutdown', async () => {
    const dir = library()
    const file = await populatedLibrary(dir, 5)
    const backend = openBackend(dir)
    backend.context.db.exec('DROP TRIGGER documents_ai')
    insertDocument(backend.context.db, {
      title: 'Behind the index',
      text: 'okapi sighting reported',
    })
    const report = await call(backend.context, 'library.check', {})
    expect(report.ok).toBe(false)
    expect(report.problems[0]).toMatch(/full-text index documents_fts/)
    expect(backend.context.corrupt).toBeNull() // derived data: not a reason to lock the library
    const crashed = join(dir, '..', 'crashed2')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(crashed)
    copyFileSync(file, join(crashed, 'library.sqlite'))
    copyFileSync(`${file}-wal`, join(crashed, 'library.sqlite-wal'))
    await backend.close()
    const reopened = openBackend(crashed)
    cleanups.push(() => reopened.close())
    expect(reopened.context.corrupt).toBeNull()
    const hits = reopened.context.db
      .prepare("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH 'okapi'")
      .get() as { n: number }
    expect(hits.n).toBe(1)
  })

  it('says clearly when there is no backup to restore', async () => {
    const dir = library()
    const file = await populatedLibrary(dir, 30)
    overwritePages(file, [3, 4, 5, 6])
    const backend = openBackend(dir)
    cleanups.push(() => backend.close())
    expect(backend.context.corrupt).not.toBeNull()
    const envelope = await backend.dispatch('library.restore', {})
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect((envelope as { error: { message: string } }).error.message).toMatch(/none has been made/)
  })

  it('refuses to restore a file that is not a good library, and changes nothing', async () => {
    const { dir, file } = await libraryWithBackup(15)
    const bogus = join(dir, '..', 'bogus.sqlite')
    writeFileSync(bogus, 'not a database at all')
    const backend = openBackend(dir)
    cleanups.push(() => backend.close())
    const envelope = await backend.dispatch('library.restore', { file: bogus })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    expect(countDocuments(backend)).toBe(15)
    expect(backend.context.corrupt).toBeNull()
    const db = new Database(file, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
