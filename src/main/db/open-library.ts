/**
 * Open a library with corruption detection (SECURITY.md §4, issue 7 §2).
 *
 * Before anything is written (even `journal_mode=WAL` writes the header, and migrations write the schema), a
 * read-only handle checks the file: `quick_check` normally, the full `integrity_check` after an unclean shutdown
 * (a non-empty `-wal` next to the file while no live process owns the library, see owners.ts: a stale WAL left
 * beside a restored file is a real corruption source) or
 * when a damage marker from an earlier run exists. A library that fails is never written to: it is opened
 * read-only (`query_only`), or replaced by an empty read-only placeholder when it cannot be read at all, a marker
 * file `library.sqlite.is-corrupt` records why, and `corrupt` tells the backend to refuse writes until a restore.
 * Nothing here throws for damage, so a damaged library never crash-loops the app; only a library from a newer
 * Lectern (left untouched) and plain I/O failures (permissions) throw.
 *
 * After an unclean shutdown the FTS5 indexes are also checked (rank 1) and rebuilt when they disagree with their
 * content: derived data is rebuilt rather than recovered.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { Logger } from '../platform/logger'
import { registerSearchFunctions } from '../text/search-text'
import { createPreMigrationBackup } from './backup'
import { bindingFor, type Db, openDb } from './connection'
import { ftsCheck, rebuildFts, sqliteCheck } from './integrity'
import { LATEST_VERSION, migrate, NewerLibraryError } from './migrate'
import { removeStaleOwners, scanOwners } from './owners'

export const CORRUPT_MARKER_SUFFIX = '.is-corrupt'

export type OpenCheck = 'quick' | 'skip'

export type OpenLibraryOptions = {
  log: Logger
  /** Folder for pre-migration backups. */
  backupDir: string
  electronBinding?: string
  /**
   * `quick` (default): quick_check at every open. `skip`: no routine check (short-lived read-only commands such as
   * `lectern search`); an unclean shutdown, a marker or pending migrations still force a check.
   */
  check?: OpenCheck
}

export type OpenedLibrary = {
  db: Db
  corrupt: { message: string } | null
  /** A non-empty `-wal` was found and no live process owns the library: the last session did not close cleanly. */
  uncleanShutdown: boolean
  /** Another live process (or backend) had the library open when this one opened it. */
  sharedWithLiveOwner: boolean
  /** What the checks found (empty when the library is sound or was not checked). */
  problems: string[]
}

export type CorruptMarker = { message: string; problems: string[]; detectedAt: string }

export const markerFileFor = (databaseFile: string): string =>
  `${databaseFile}${CORRUPT_MARKER_SUFFIX}`

/** The marker's content, or undefined when there is none (or it is unreadable). */
export function readCorruptMarker(databaseFile: string): CorruptMarker | undefined {
  try {
    return JSON.parse(readFileSync(markerFileFor(databaseFile), 'utf8')) as CorruptMarker
  } catch {
    return existsSync(markerFileFor(databaseFile))
      ? { message: 'marked damaged', problems: [], detectedAt: '' }
      : undefined
  }
}

export function writeCorruptMarker(databaseFile: string, marker: CorruptMarker): void {
  try {
    writeFileSync(markerFileFor(databaseFile), `${JSON.stringify(marker, null, 2)}\n`)
  } catch {
    // The marker is a convenience for the next start; the in-memory flag already refuses writes.
  }
}

export function clearCorruptMarker(databaseFile: string): void {
  rmSync(markerFileFor(databaseFile), { force: true })
}

const isDamageCode = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
}

/** One short line for messages shown to people (integrity_check output can span lines). */
export function summariseProblem(problem: string | undefined): string {
  const line = (problem ?? 'unknown problem').split('\n')[0]?.trim() ?? ''
  return line.length > 160 ? `${line.slice(0, 157)}...` : line
}

const describeError = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error)
}

function fileSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

/** What the read-only probe found. */
type Probe = { version: number; problems: string[] }

function probe(file: string, base: Database.Options, mode: 'quick' | 'full' | 'none'): Probe {
  let handle: Db | undefined
  try {
    handle = new Database(file, { ...base, readonly: true, fileMustExist: true })
    const version = handle.pragma('user_version', { simple: true }) as number
    if (version > LATEST_VERSION) return { version, problems: [] }
    const effective = mode === 'none' && version < LATEST_VERSION ? 'quick' : mode
    const problems = effective === 'none' ? [] : sqliteCheck(handle, effective)
    return { version, problems }
  } catch (error) {
    return {
      version: -1,
      problems: [`the file could not be read as a database (${describeError(error)})`],
    }
  } finally {
    handle?.close()
  }
}

/**
 * A handle for a damaged library: the file itself, read-only, when its schema is readable at our version (so the
 * user can still read and export what survives); otherwise an empty in-memory library. Always `query_only`.
 */
function openForReadingOnly(file: string, base: Database.Options): Db {
  try {
    const handle = new Database(file, { ...base, readonly: true, fileMustExist: true })
    try {
      handle.pragma('query_only = ON')
      registerSearchFunctions(handle)
      const version = handle.pragma('user_version', { simple: true }) as number
      handle.prepare('SELECT count(*) FROM sqlite_schema').get()
      if (version === LATEST_VERSION) return handle
    } catch {
      // fall through to the placeholder
    }
    handle.close()
  } catch {
    // fall through to the placeholder
  }
  const placeholder = new Database(':memory:', base)
  registerSearchFunctions(placeholder)
  migrate(placeholder)
  placeholder.pragma('query_only = ON')
  return placeholder
}

function damaged(
  file: string,
  base: Database.Options,
  problems: string[],
  state: { uncleanShutdown: boolean; sharedWithLiveOwner: boolean },
  log: Logger,
): OpenedLibrary {
  const message = `it failed its integrity check: ${summariseProblem(problems[0])}`
  log.error(`Library ${file} is damaged; opening it read-only`, problems.slice(0, 5).join('; '))
  writeCorruptMarker(file, { message, problems, detectedAt: new Date().toISOString() })
  return { db: openForReadingOnly(file, base), corrupt: { message }, ...state, problems }
}

/** Open (creating if needed) the library file, checking it first. See the module comment. */
export function openLibrary(file: string, options: OpenLibraryOptions): OpenedLibrary {
  const nativeBinding = bindingFor(process.versions, options.electronBinding)
  const base: Database.Options = nativeBinding ? { nativeBinding } : {}
  const existed = existsSync(file)
  const walInUse = existed && fileSize(`${file}-wal`) > 0
  // A WAL beside a live owner (the app or web host running) is normal, not a crash (owners.ts).
  const owners = scanOwners(file)
  const sharedWithLiveOwner = owners.live.length > 0
  const uncleanShutdown = walInUse && !sharedWithLiveOwner
  if (!sharedWithLiveOwner) removeStaleOwners(owners.staleFiles)
  const state = { uncleanShutdown, sharedWithLiveOwner }
  const marker = existed ? readCorruptMarker(file) : undefined

  if (existed) {
    const mode = marker || uncleanShutdown ? 'full' : options.check === 'skip' ? 'none' : 'quick'
    const found = probe(file, base, mode)
    if (found.problems.length > 0) return damaged(file, base, found.problems, state, options.log)
    if (marker) {
      options.log.warn(`Library ${file} passes its check now; removing the damage marker`)
      clearCorruptMarker(file)
    }
  }

  let db: Db
  try {
    db = openDb(file, {
      electronBinding: options.electronBinding,
      beforeMigrate: (handle, from, to) => {
        const backup = createPreMigrationBackup(
          handle,
          options.backupDir,
          from,
          to,
          new Date(),
          options.electronBinding,
        )
        options.log.info(`Backed up the library before migrating it to schema ${to}`, backup.file)
      },
    })
  } catch (error) {
    if (error instanceof NewerLibraryError) throw error
    if (isDamageCode(error)) {
      return damaged(file, base, [`opening failed (${describeError(error)})`], state, options.log)
    }
    throw error
  }

  // Derived data is only rebuilt when nobody else has the library open (uncleanShutdown implies that).
  if (uncleanShutdown) {
    const ftsProblems = ftsCheck(db)
    if (ftsProblems.length > 0) {
      options.log.warn(
        'Full-text index disagreed with its documents; rebuilding it',
        ftsProblems[0],
      )
      rebuildFts(db)
    }
  }
  return { db, corrupt: null, ...state, problems: [] }
}

/** Switch a live connection to read-only after damage is found while running (a failed `library.check`). */
export function markDamaged(
  db: Db,
  databaseFile: string,
  problems: string[],
  log: Logger,
): { message: string } {
  const message = `it failed its integrity check: ${summariseProblem(problems[0])}`
  log.error(`Library ${databaseFile} is damaged; refusing writes`, problems.slice(0, 5).join('; '))
  writeCorruptMarker(databaseFile, { message, problems, detectedAt: new Date().toISOString() })
  try {
    db.pragma('query_only = ON')
  } catch {
    // The handle may already be unusable; the in-memory flag still refuses writes.
  }
  return { message }
}
