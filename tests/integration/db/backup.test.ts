import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import {
  BackupVerificationError,
  createBackup,
  listBackups,
  verifyCopy,
  verifyCopyAsync,
} from '../../../src/main/db/backup'
import { openDb } from '../../../src/main/db/connection'
import { LATEST_VERSION, migrate } from '../../../src/main/db/migrate'
import { ensureBuilt, REPO } from '../cli/run-cli'
import { insertDocument } from '../library/seed'
import {
  addDocuments,
  backupsDir,
  countDocuments,
  openBackend,
  populatedLibrary,
  tempLibraries,
} from './library-files'

const { library, cleanups } = tempLibraries()

function countIn(file: string): number {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('library.backup', () => {
  it('writes a verified, self-contained copy that holds every document', async () => {
    const dir = library()
    await populatedLibrary(dir, 40)
    const backend = openBackend(dir)
    cleanups.push(() => backend.close())
    const info = await call(backend.context, 'library.backup', {})
    expect(info.file.startsWith(backupsDir(dir))).toBe(true)
    expect(info.bytes).toBeGreaterThan(40 * 2000)
    expect(Date.now() - Date.parse(info.createdAt)).toBeLessThan(60_000)
    expect(countIn(info.file)).toBe(40)
    expect(verifyCopy(info.file)).toEqual([])
    // One file: rollback-journal mode, no -wal/-shm beside it, no temp files left.
    expect(readdirSync(backupsDir(dir))).toEqual([info.file.split('/').pop()])
    expect(await call(backend.context, 'library.backups', {})).toEqual([info])
  })

  it('verifies a backup taken while documents are being written', async () => {
    const dir = library()
    await populatedLibrary(dir, 300)
    const backend = openBackend(dir)
    cleanups.push(() => backend.close())
    let written = 0
    let backupDone = false
    let writtenDuringBackup = 0
    // Small backup steps and one write between steps: the copy is taken while the library changes under it.
    const writer = (async () => {
      for (let i = 0; i < 100; i++) {
        addDocuments(backend, 1, 10_000 + written)
        written++
        if (!backupDone) writtenDuringBackup++
        await new Promise((r) => setImmediate(r))
      }
    })()
    const entry = await createBackup(backend.context.db, { dir: backupsDir(dir), pagesPerStep: 16 })
    backupDone = true
    await writer
    expect(writtenDuringBackup).toBeGreaterThan(5)
    expect(verifyCopy(entry.file)).toEqual([])
    const copied = countIn(entry.file)
    expect(copied).toBeGreaterThanOrEqual(300)
    expect(copied).toBeLessThanOrEqual(300 + written)
  })

  it('keeps only the newest N rolling backups', async () => {
    const dir = library()
    await populatedLibrary(dir, 5)
    const backend = openBackend(dir, { backups: { keep: 3 } })
    cleanups.push(() => backend.close())
    const made = []
    for (let i = 0; i < 5; i++) made.push(await call(backend.context, 'library.backup', {}))
    const kept = await call(backend.context, 'library.backups', {})
    expect(kept.map((b) => b.file)).toEqual(
      made
        .slice(2)
        .reverse()
        .map((b) => b.file),
    )
  })

  it('never lets a failing backup replace a good one', async () => {
    const dir = library()
    await populatedLibrary(dir, 20)
    const backend = openBackend(dir)
    cleanups.push(() => backend.close())
    const good = await call(backend.context, 'library.backup', {})
    // Damage the FTS index logically: a document inserted behind the trigger's back.
    const db = backend.context.db
    db.exec('DROP TRIGGER documents_ai')
    insertDocument(db, { title: 'Missing from the index', text: 'unindexed words here' })
    const envelope = await backend.dispatch('library.backup', {})
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect((envelope as { error: { message: string } }).error.message).toMatch(
      /did not verify.*earlier backups are unchanged/,
    )
    await expect(createBackup(db, { dir: backupsDir(dir) })).rejects.toBeInstanceOf(
      BackupVerificationError,
    )
    expect(await call(backend.context, 'library.backups', {})).toEqual([good])
    expect(readdirSync(backupsDir(dir)).filter((f) => f.startsWith('.tmp'))).toEqual([])
  })
})

describe('verification in a worker thread', () => {
  it('verifies with the built worker, and still refuses a bad copy', async () => {
    ensureBuilt()
    const verifyWorker = join(REPO, 'out', 'main', 'verify-worker.js')
    expect(existsSync(verifyWorker)).toBe(true)
    const dir = library()
    await populatedLibrary(dir, 30)
    const backend = openBackend(dir)
    cleanups.push(() => backend.close())
    const entry = await createBackup(backend.context.db, { dir: backupsDir(dir), verifyWorker })
    expect(countIn(entry.file)).toBe(30)
    expect(await verifyCopyAsync(entry.file, { verifyWorker })).toEqual([])
    const bogus = join(dir, 'bogus.sqlite')
    writeFileSync(bogus, 'not a database')
    expect((await verifyCopyAsync(bogus, { verifyWorker }))[0]).toMatch(/could not be opened/)
  })
})

describe('automatic backups', () => {
  it('backs up at start once per interval, and never an empty library', async () => {
    const dir = library()
    const empty = openBackend(dir, { backups: { autoIntervalHours: 24 } })
    await empty.close()
    expect(listBackups(backupsDir(dir))).toEqual([])

    await populatedLibrary(dir, 10)
    const first = openBackend(dir, { backups: { autoIntervalHours: 24 } })
    await first.close() // waits for the backup in flight
    const after = listBackups(backupsDir(dir))
    expect(after).toHaveLength(1)
    expect(countIn(after[0]!.file)).toBe(10)

    const second = openBackend(dir, { backups: { autoIntervalHours: 24 } })
    await second.close()
    expect(listBackups(backupsDir(dir))).toHaveLength(1)
  })

  it('takes a verified pre-migration copy before upgrading an old library', async () => {
    const dir = library()
    const { mkdirSync } = await import('node:fs')
    mkdirSync(dir, { recursive: true })
    const old = openDb(join(dir, 'library.sqlite'), { migrate: false })
    migrate(old, 10)
    insertDocument(old, { title: 'Written by an older Lectern' })
    old.close()

    const backend = openBackend(dir)
    cleanups.push(() => backend.close())
    const copies = listBackups(backupsDir(dir))
    expect(copies).toHaveLength(1)
    expect(copies[0]).toMatchObject({ kind: 'pre-migration' })
    expect(copies[0]!.name).toMatch(new RegExp(`^library-v10-to-v${LATEST_VERSION}-`))
    const copy = new Database(copies[0]!.file, { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(10)
    copy.close()
    expect(countDocuments(backend)).toBe(1)
    expect(existsSync(copies[0]!.file)).toBe(true)
  })
})
