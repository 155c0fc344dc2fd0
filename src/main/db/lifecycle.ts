/**
 * Library housekeeping around an open backend: the daily verified backup at start, explicit backups, restore,
 * the integrity check and the info panel. `createLifecycle` holds the state (settings, the backup in flight) in its
 * closure, so `stop()` can wait for a running backup instead of cutting it off; a restore replaces the connection
 * in its one holder (library-connection.ts), never in a context.
 */
import { statSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import type { BackupInfo, CheckReport, LibraryInfo, LibraryTable } from '@shared/contract'
import type { ChangeSink, Db, LibraryLifecycle } from '../core/context'
import { conflict, DomainError, invalidArgs, notFound } from '../core/errors'
import type { Logger } from '../platform/logger'
import {
  type BackupEntry,
  BackupVerificationError,
  backupDirFor,
  createBackup,
  DEFAULT_KEEP,
  discardStaged,
  listBackups,
  stageRestore,
  swapInRestore,
} from './backup'
import { checkDatabase } from './integrity'
import type { LibraryConnectionHolder } from './library-connection'
import { schemaVersion } from './migrate'
import { clearCorruptMarker, markDamaged, openLibrary } from './open-library'
import { scanOwners } from './owners'

export type BackupSettings = {
  /** Rolling backups to keep (default 7). */
  keep?: number
  /** Make a backup at start when the newest is older than this many hours (default 24); null turns it off. */
  autoIntervalHours?: number | null
}

export type MaintenanceOptions = BackupSettings & {
  electronBinding?: string
  /**
   * Housekeeping the domains own, run once at start before the backup decision (the composition root passes the
   * trash purge: db/ does not reach up into library/). Failures are logged, not thrown.
   */
  housekeeping?: (db: Db) => void
  /** The originals' part in check, info, backup and restore (the composition root passes originals/: db/ cannot). */
  originals?: OriginalsHooks
}

/** What db/ needs from the kept originals (src/main/originals), passed in so this layer does not reach up. */
export type OriginalsHooks = {
  check(db: Db, libraryDir: string): Promise<string[]>
  stats(db: Db): LibraryInfo['originals']
  mirror(libraryDir: string, backupDir: string): Promise<number>
  recover(
    db: Db,
    libraryDir: string,
    backupDir: string,
  ): Promise<{ restored: number; missing: string[] }>
}

/** What the lifecycle needs of the backend: the connection's holder, the files, a log and a change sink. */
export type LifecycleDeps = {
  connection: LibraryConnectionHolder
  version: string
  libraryDir: string
  databaseFile: string
  /** This backend's owner record id (owners.ts), so a restore can tell other live owners from itself. */
  ownerId?: string
  /** When set (web host), restore reads only the library's own backups. */
  importRoots?: string[]
  /** The built import worker (out/main/import-worker.js); the verification worker sits next to it. */
  workerScript?: string
  log: Logger
  /** Whether a job (an import) is running: a restore waits for none. */
  jobsRunning(): boolean
  changed: ChangeSink
}

type State = {
  originals?: OriginalsHooks
  /** Built verification worker next to the import worker (out/main/verify-worker.js), when present. */
  verifyWorker?: string
  keep: number
  autoIntervalHours: number | null
  electronBinding?: string
  backupDir: string
  inflight: Promise<unknown> | null
}

const ALL_TABLES: LibraryTable[] = ['documents', 'tags', 'quotes', 'searches', 'comparisons']

/** Run `task` after any backup already running, and track it so close() can wait. */
function serialised<T>(state: State, task: () => Promise<T>): Promise<T> {
  const previous = state.inflight ?? Promise.resolve()
  const next = previous.catch(() => undefined).then(task)
  // The tracker never rejects (callers handle `next`), so a failed backup is not an unhandled rejection.
  const tracked: Promise<unknown> = next.then(
    () => undefined,
    () => undefined,
  )
  void tracked.then(() => {
    if (state.inflight === tracked) state.inflight = null
  })
  state.inflight = tracked
  return next
}

function isEmpty(db: Db): boolean {
  const row = db
    .prepare('SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM quotes) AS n')
    .get() as { n: number }
  return row.n === 0
}

/** Whether a start-up backup is due: the newest rolling backup is older than the interval (or missing). */
export function isBackupDue(dir: string, intervalHours: number, now: Date = new Date()): boolean {
  const newest = listBackups(dir).find((b) => b.kind === 'rolling')
  if (!newest) return true
  return now.getTime() - Date.parse(newest.createdAt) >= intervalHours * 3_600_000
}

const toInfo = (entry: BackupEntry): BackupInfo => ({
  file: entry.file,
  createdAt: entry.createdAt,
  bytes: entry.bytes,
})

function safeSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

/**
 * The lifecycle of an open library: call `start()` once after opening (the trash purge and, when due, the daily
 * backup in the background), `stop()` before closing.
 */
export function createLifecycle(
  deps: LifecycleDeps,
  options: MaintenanceOptions = {},
): LibraryLifecycle & { start(): void } {
  const connection = deps.connection
  const autoIntervalHours = options.autoIntervalHours === undefined ? 24 : options.autoIntervalHours
  const state: State = {
    keep: Math.max(1, Math.floor(options.keep ?? DEFAULT_KEEP)),
    autoIntervalHours,
    electronBinding: options.electronBinding,
    originals: options.originals,
    verifyWorker: deps.workerScript
      ? join(dirname(deps.workerScript), 'verify-worker.js')
      : undefined,
    backupDir: backupDirFor(deps.libraryDir),
    inflight: null,
  }

  /**
   * Set up housekeeping for a freshly opened backend: run the domains' housekeeping (the trash purge) and, when due, start the daily backup in
   * the background (the backend answers calls meanwhile). Never writes to a library marked damaged.
   */
  function start(): void {
    if (connection.corrupt) return
    try {
      options.housekeeping?.(connection.db)
    } catch (error) {
      deps.log.warn('Could not purge old trash', error)
    }
    const interval = state.autoIntervalHours
    if (interval === null) return
    try {
      if (isEmpty(connection.db) || !isBackupDue(state.backupDir, interval)) return
    } catch (error) {
      deps.log.warn('Could not decide whether a backup is due', error)
      return
    }
    serialised(state, async () => {
      const entry = await createBackup(connection.db, {
        dir: state.backupDir,
        keep: state.keep,
        electronBinding: state.electronBinding,
        verifyWorker: state.verifyWorker,
      })
      deps.log.info('Daily backup written and verified', entry.file)
      await state.originals?.mirror(deps.libraryDir, state.backupDir)
    }).catch((error: unknown) => deps.log.error('Daily backup failed', error))
  }

  /** Wait for a backup in flight (on close). */
  async function stop(): Promise<void> {
    while (state.inflight) await state.inflight.catch(() => undefined)
  }

  /** Write a verified backup now. Refused while the library is marked damaged (it would back up the damage). */
  async function backup(): Promise<BackupInfo> {
    if (connection.corrupt) {
      throw conflict(
        'The library is damaged, so it is not backed up (that would rotate out a good backup). Restore it first.',
      )
    }
    try {
      const entry = await serialised(state, () =>
        createBackup(connection.db, {
          dir: state.backupDir,
          keep: state.keep,
          electronBinding: state.electronBinding,
          verifyWorker: state.verifyWorker,
        }).then(async (written) => {
          await state.originals?.mirror(deps.libraryDir, state.backupDir)
          return written
        }),
      )
      return toInfo(entry)
    } catch (error) {
      if (error instanceof BackupVerificationError) {
        throw new DomainError(
          'internal',
          `The backup did not verify and was discarded; earlier backups are unchanged. ${error.message}`,
        )
      }
      throw error
    }
  }

  function backups(): BackupInfo[] {
    return listBackups(state.backupDir).map(toInfo)
  }

  /**
   * Which file `restore` should read. A bare name means a file in the backup folder. When the backend limits file
   * access (the web host sets `importRoots`), only files in the backup folder are accepted.
   */
  function resolveBackupFile(file: string): string {
    const dir = state.backupDir
    const bare = !file.includes('/') && !file.includes('\\')
    const full = bare ? resolve(dir, file) : resolve(file)
    const rel = relative(dir, full)
    const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
    if ((bare || deps.importRoots) && !inside) {
      throw invalidArgs('Choose one of the library’s own backups (see library.backups).')
    }
    return full
  }

  /**
   * A restore renames the live file aside: another process with the library open would keep writing into the renamed
   * file and lose every write (issue #11 defect 1). So it is refused while any other live owner (desktop app, web
   * host, another CLI command, or another backend in this process) holds the library; the owner records say who.
   * Checked once before the work and again right before the swap.
   */
  function refuseWhileOpenElsewhere(): void {
    const others = scanOwners(deps.databaseFile).live.filter((o) => o.id !== deps.ownerId)
    if (others.length === 0) return
    const who = others.map(
      (o) => `${o.role}, process ${o.pid}${o.host === hostname() ? '' : ` on ${o.host}`}`,
    )
    throw conflict(
      `The library is open in another Lectern (${who.join('; ')}). Close it first, then restore: ` +
        'a restore under a running app would lose what it saves.',
    )
  }

  /**
   * Replace the library with a backup that verifies: `file`, or else the newest good one. The current file is kept
   * aside (`library.sqlite.damaged-<stamp>` when it was damaged, `.replaced-<stamp>` otherwise).
   */
  async function restore(file?: string): Promise<BackupInfo> {
    if (deps.jobsRunning()) {
      throw conflict('An import is still running; cancel it or wait for it before restoring.')
    }
    refuseWhileOpenElsewhere()
    await stop()
    const candidates: BackupEntry[] = file
      ? [
          {
            file: resolveBackupFile(file),
            name: file,
            kind: 'rolling',
            createdAt: new Date().toISOString(),
            bytes: 0,
          },
        ]
      : listBackups(state.backupDir)
    if (candidates.length === 0) {
      throw notFound('backup', `in ${state.backupDir} (none has been made yet)`)
    }
    let staged: { incoming: string; entry: BackupEntry } | undefined
    const failures: string[] = []
    for (const candidate of candidates) {
      try {
        staged = {
          incoming: stageRestore(candidate.file, deps.databaseFile, state.electronBinding),
          entry: candidate,
        }
        break
      } catch (error) {
        const why =
          error instanceof BackupVerificationError
            ? error.problems[0]
            : (error as NodeJS.ErrnoException).code === 'ENOENT'
              ? 'no such file'
              : 'it could not be read'
        failures.push(`${candidate.name}: ${why}`)
        deps.log.warn(`Backup ${candidate.file} cannot be restored`, why)
      }
    }
    if (!staged) {
      const message = file
        ? `Cannot restore ${file}: ${failures[0]?.split(': ').slice(1).join(': ') ?? 'it does not verify'}.`
        : `No backup verifies (${failures.slice(0, 3).join('; ')}).`
      throw new DomainError(file ? 'invalid_args' : 'not_found', message)
    }
    try {
      refuseWhileOpenElsewhere() // verifying the backup took time: someone may have opened the library
    } catch (error) {
      discardStaged(staged.incoming)
      throw error
    }
    const wasCorrupt = connection.corrupt !== null
    try {
      if (!wasCorrupt) connection.db.pragma('wal_checkpoint(TRUNCATE)')
    } catch {
      // A damaged file may refuse to checkpoint; it is being replaced anyway.
    }
    connection.db.close()
    try {
      swapInRestore(staged.incoming, deps.databaseFile, wasCorrupt ? 'damaged' : 'replaced')
    } catch (error) {
      discardStaged(staged.incoming)
      // Reopen whatever is in place so the backend stays usable, then report.
      const reopened = openLibrary(deps.databaseFile, {
        log: deps.log,
        backupDir: state.backupDir,
        electronBinding: state.electronBinding,
      })
      connection.replace(reopened)
      throw error
    }
    const opened = openLibrary(deps.databaseFile, {
      log: deps.log,
      backupDir: state.backupDir,
      electronBinding: state.electronBinding,
    })
    connection.replace(opened)
    if (!opened.corrupt) clearCorruptMarker(deps.databaseFile)
    if (!opened.corrupt) {
      try {
        const { missing } = (await state.originals?.recover(
          opened.db,
          deps.libraryDir,
          state.backupDir,
        )) ?? { missing: [] }
        if (missing.length > 0)
          deps.log.warn(`Restore: ${missing.length} original(s) are in no backup`, missing[0])
      } catch (error) {
        deps.log.error('Restore: originals could not be put back', error)
      }
    }
    deps.changed(ALL_TABLES)
    const bytes = staged.entry.bytes
    return {
      file: staged.entry.file,
      createdAt: staged.entry.createdAt,
      bytes: bytes > 0 ? bytes : safeSize(staged.entry.file),
    }
  }

  /**
   * SQLite integrity_check plus the FTS5 rank-1 checks, then every stored original (present, same sha256). Damage to
   * the database makes the library read-only; a missing or altered original is reported but loses nothing (the
   * document's text is in the database).
   */
  async function check(): Promise<CheckReport> {
    const problems = checkDatabase(connection.db, { mode: 'full', fts: true })
    if (problems.length > 0 && !connection.corrupt) {
      // Only damage to the file itself locks the library; FTS-only problems are repaired by a rebuild.
      const fileDamaged = !problems.every((p) => p.startsWith('full-text index'))
      if (fileDamaged) {
        connection.corrupt = markDamaged(connection.db, deps.databaseFile, problems, deps.log)
      }
    }
    if (connection.corrupt && problems.length === 0) {
      problems.push(`the library is marked damaged: ${connection.corrupt.message}`)
    }
    if (!connection.corrupt) {
      try {
        problems.push(...((await state.originals?.check(connection.db, deps.libraryDir)) ?? []))
      } catch (error) {
        deps.log.error('check: originals could not be checked', error)
        problems.push('stored originals could not be checked (see the log)')
      }
    }
    return { ok: problems.length === 0, problems }
  }

  function safeOriginalsStats(): LibraryInfo['originals'] {
    try {
      const stats = state.originals?.stats(connection.db)
      if (stats) return stats
    } catch {
      // A damaged library answers info with what it can.
    }
    return { documents: 0, files: 0, bytes: 0, withoutOriginal: 0 }
  }

  function info(): LibraryInfo {
    const count = (table: 'documents' | 'quotes'): number => {
      try {
        const row = connection.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as {
          n: number
        }
        return row.n
      } catch {
        return 0
      }
    }
    let version = 0
    try {
      version = schemaVersion(connection.db)
    } catch {
      version = 0
    }
    return {
      version: deps.version,
      libraryDir: deps.libraryDir,
      databaseFile: deps.databaseFile,
      schemaVersion: version,
      documentCount: count('documents'),
      quoteCount: count('quotes'),
      originals: safeOriginalsStats(),
      corrupt: connection.corrupt,
    }
  }

  return { start, stop, info, check, backup, backups, restore }
}
