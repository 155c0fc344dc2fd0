import { createHash } from 'node:crypto'
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { bindingFor, openDb } from '../../../src/main/db/connection'
import { LATEST_VERSION, MIGRATIONS, NewerLibraryError } from '../../../src/main/db/migrate'
import { tempDir } from '../../support/temp-library'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

describe('openDb', () => {
  it('creates a library with WAL, FULL sync, foreign keys and the latest schema', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    db.close()
  })

  it('keeps the migration list strictly increasing', () => {
    const versions = MIGRATIONS.map((m) => m.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
  })

  it('refuses a library from a newer version and leaves the file byte-for-byte unchanged', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const file = join(dir, 'library.sqlite')
    const db = openDb(file)
    db.pragma(`user_version = ${LATEST_VERSION + 1000}`)
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const copy = join(dir, 'copy.sqlite')
    copyFileSync(file, copy)
    const before = createHash('sha256').update(readFileSync(copy)).digest('hex')
    expect(() => openDb(copy)).toThrow(NewerLibraryError)
    expect(() => openDb(copy)).toThrow(/newer version of Lectern/)
    expect(createHash('sha256').update(readFileSync(copy)).digest('hex')).toBe(before)
  })
})

describe('bindingFor', () => {
  it('uses the package build under plain Node', () => {
    expect(bindingFor({ node: '20.20.2' } as NodeJS.ProcessVersions)).toBeUndefined()
  })
  it('insists on a staged build under Electron', () => {
    const electron = { node: '24.0.0', electron: '45.5.0' } as NodeJS.ProcessVersions
    expect(() => bindingFor(electron)).toThrow(/native:electron/)
    expect(bindingFor(electron, '/x/better_sqlite3.node')).toBe('/x/better_sqlite3.node')
  })
})
