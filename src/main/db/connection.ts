import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { Db } from '../core/context'
import {
  LATEST_VERSION,
  migrate,
  NewerLibraryError,
  pendingMigrations,
  schemaVersion,
} from './migrate'

export type { Db }

export type OpenOptions = {
  /** Path of the Electron-ABI build of better-sqlite3, passed by the Electron shell (see bindingFor). */
  electronBinding?: string
  /** Open without writing anything (checks, backups, inspection). */
  readonly?: boolean
  /** Called before pending migrations run on an existing library (to take a backup); may throw to abort. */
  beforeMigrate?: (db: Db, from: number, to: number) => void
  /** Skip migrations (tests that build a library at an old version). */
  migrate?: boolean
}

/**
 * better-sqlite3 has one `.node` binary per ABI: plain Node (tests, CLI, web host) uses the package's own build;
 * Electron must be handed its staged build (scripts/stage-electron-sqlite.mjs). Pure, so both branches are testable.
 */
export function bindingFor(
  versions: NodeJS.ProcessVersions,
  electronBinding?: string,
): string | undefined {
  if (!versions.electron) return undefined
  if (!electronBinding) {
    throw new Error(
      'Electron build of better-sqlite3 not staged: run npm run native:electron (tests and the web host are unaffected)',
    )
  }
  return electronBinding
}

/**
 * Open (creating if needed) a library database and bring its schema up to date.
 *
 * Durability choice: WAL with `synchronous=FULL`. WAL+NORMAL never corrupts, but a power cut may roll back the
 * last commits; quotes and notes are user work and one fsync per file-sized transaction is cheap, so FULL.
 */
export function openDb(file: string, options: OpenOptions = {}): Db {
  const nativeBinding = bindingFor(process.versions, options.electronBinding)
  const base: Database.Options = nativeBinding ? { nativeBinding } : {}

  if (options.readonly) {
    const db = new Database(file, { ...base, readonly: true, fileMustExist: true })
    db.pragma('query_only = ON')
    return db
  }

  // A library from a newer Lectern must stay byte-for-byte unchanged, and even `journal_mode=WAL` writes the
  // header: look at user_version through a read-only handle first.
  if (existsSync(file)) {
    const probe = new Database(file, { ...base, readonly: true, fileMustExist: true })
    try {
      const found = schemaVersion(probe)
      if (found > LATEST_VERSION) throw new NewerLibraryError(found, LATEST_VERSION)
    } finally {
      probe.close()
    }
  }

  const db = new Database(file, base)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    if (options.migrate !== false) {
      const from = schemaVersion(db)
      const pending = pendingMigrations(db)
      if (pending.length > 0 && from > 0) options.beforeMigrate?.(db, from, LATEST_VERSION)
      migrate(db)
    }
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
