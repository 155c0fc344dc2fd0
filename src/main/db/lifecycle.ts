/**
 * Library housekeeping around an open backend: the daily verified backup at start, explicit backups, restore,
 * the integrity check and the info panel. Per-backend state (settings, the backup in flight) is kept beside the
 * context, so `close()` can wait for a running backup instead of cutting it off.
 */
import { statSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import type { BackupInfo, CheckReport, LibraryInfo, LibraryTable } from '@shared/contract'
import type { BackendContext, Db } from '../core/context'
import { conflict, DomainError, invalidArgs, notFound } from '../core/errors'
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

const states = new WeakMap<BackendContext, State>()

const ALL_TABLES: LibraryTable[] = ['documents', 'tags', 'quotes', 'searches', 'comparisons']

function stateOf(context: BackendContext): State {
  let state = states.get(context)
  if (!state) {
    state = {
      keep: DEFAULT_KEEP,
      autoIntervalHours: null,
      backupDir: backupDirFor(context.libraryDir),
      inflight: null,
    }
    states.set(context, state)
  }
  return state
}

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

function isEmpty(context: BackendContext): boolean {
  const row = context.db
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

/**
 * Set up housekeeping for a freshly opened backend: run the domains' housekeeping (the trash purge) and, when due, start the daily backup in
 * the background (the backend answers calls meanwhile). Never writes to a library marked damaged.
 */
export function startMaintenance(context: BackendContext, options: MaintenanceOptions = {}): void {
  const state = stateOf(context)
  state.keep = Math.max(1, Math.floor(options.keep ?? DEFAULT_KEEP))
  state.autoIntervalHours = options.autoIntervalHours === undefined ? 24 : options.autoIntervalHours
  state.electronBinding = options.electronBinding
  state.originals = options.originals
  state.verifyWorker = context.workerScript
    ? join(dirname(context.workerScript), 'verify-worker.js')
    : undefined
  if (context.corrupt) return
  try {
    options.housekeeping?.(context.db)
  } catch (error) {
    context.log.warn('Could not purge old trash', error)
  }
  const interval = state.autoIntervalHours
  if (interval === null) return
  try {
    if (isEmpty(context) || !isBackupDue(state.backupDir, interval)) return
  } catch (error) {
    context.log.warn('Could not decide whether a backup is due', error)
    return
  }
  serialised(state, async () => {
    const entry = await createBackup(context.db, {
      dir: state.backupDir,
      keep: state.keep,
      electronBinding: state.electronBinding,
      verifyWorker: state.verifyWorker,
    })
    context.log.info('Daily backup written and verified', entry.file)
    await state.originals?.mirror(context.libraryDir, state.backupDir)
  }).catch((error: unknown) => context.log.error('Daily backup failed', error))
}

/** Wait for a backup in flight (on close). */
export async function stopMaintenance(context: BackendContext): Promise<void> {
  const state = states.get(context)
  while (state?.inflight) await state.inflight.catch(() => undefined)
}

const toInfo = (entry: BackupEntry): BackupInfo => ({
  file: entry.file,
  createdAt: entry.createdAt,
  bytes: entry.bytes,
})

/** Write a verified backup now. Refused while the library is marked damaged (it would back up the damage). */
export async function backupNow(context: BackendContext): Promise<BackupInfo> {
  if (context.corrupt) {
    throw conflict(
      'The library is damaged, so it is not backed up (that would rotate out a good backup). Restore it first.',
    )
  }
  const state = stateOf(context)
  try {
    const entry = await serialised(state, () =>
      createBackup(context.db, {
        dir: state.backupDir,
        keep: state.keep,
        electronBinding: state.electronBinding,
        verifyWorker: state.verifyWorker,
      }).then(async (written) => {
        await state.originals?.mirror(context.libraryDir, state.backupDir)
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

export function listLibraryBackups(context: BackendContext): BackupInfo[] {
  return listBackups(stateOf(context).backupDir).map(toInfo)
}

/**
 * Which file `restore` should read. A bare name means a file in the backup folder. When the backend limits file
 * access (the web host sets `importRoots`), only files in the backup folder are accepted.
 */
function resolveBackupFile(context: BackendContext, file: string): string {
  const dir = stateOf(context).backupDir
  const bare = !file.includes('/') && !file.includes('\\')
  const full = bare ? resolve(dir, file) : resolve(file)
  const rel = relative(dir, full)
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
  if ((bare || context.importRoots) && !inside) {
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
function refuseWhileOpenElsewhere(context: BackendContext): void {
  const others = scanOwners(context.databaseFile).live.filter((o) => o.id !== context.ownerId)
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
export async function restoreLibrary(context: BackendContext, file?: string): Promise<BackupInfo> {
  if (context.jobs.list().length > 0) {
    throw conflict('An import is still running; cancel it or wait for it before restoring.')
  }
  refuseWhileOpenElsewhere(context)
  const state = stateOf(context)
  await stopMaintenance(context)
  const candidates: BackupEntry[] = file
    ? [
        {
          file: resolveBackupFile(context, file),
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
        incoming: stageRestore(candidate.file, context.databaseFile, state.electronBinding),
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
      context.log.warn(`Backup ${candidate.file} cannot be restored`, why)
    }
  }
  if (!staged) {
    const message = file
      ? `Cannot restore ${file}: ${failures[0]?.split(': ').slice(1).join(': ') ?? 'it does not verify'}.`
      : `No backup verifies (${failures.slice(0, 3).join('; ')}).`
    throw new DomainError(file ? 'invalid_args' : 'not_found', message)
  }
  try {
    refuseWhileOpenElsewhere(context) // verifying the backup took time: someone may have opened the library
  } catch (error) {
    discardStaged(staged.incoming)
    throw error
  }
  const wasCorrupt = context.corrupt !== null
  try {
    if (!wasCorrupt) context.db.pragma('wal_checkpoint(TRUNCATE)')
  } catch {
    // A damaged file may refuse to checkpoint; it is being replaced anyway.
  }
  context.db.close()
  try {
    swapInRestore(staged.incoming, context.databaseFile, wasCorrupt ? 'damaged' : 'replaced')
  } catch (error) {
    discardStaged(staged.incoming)
    // Reopen whatever is in place so the backend stays usable, then report.
    const reopened = openLibrary(context.databaseFile, {
      log: context.log,
      backupDir: state.backupDir,
      electronBinding: state.electronBinding,
    })
    context.db = reopened.db
    context.corrupt = reopened.corrupt
    throw error
  }
  const opened = openLibrary(context.databaseFile, {
    log: context.log,
    backupDir: state.backupDir,
    electronBinding: state.electronBinding,
  })
  context.db = opened.db
  context.corrupt = opened.corrupt
  if (!opened.corrupt) clearCorruptMarker(context.databaseFile)
  if (!opened.corrupt) {
    try {
      const { missing } = (await state.originals?.recover(
        opened.db,
        context.libraryDir,
        state.backupDir,
      )) ?? { missing: [] }
      if (missing.length > 0)
        context.log.warn(`Restore: ${missing.length} original(s) are in no backup`, missing[0])
    } catch (error) {
      context.log.error('Restore: originals could not be put back', error)
    }
  }
  context.changed(ALL_TABLES)
  const bytes = staged.entry.bytes
  return {
    file: staged.entry.file,
    createdAt: staged.entry.createdAt,
    bytes: bytes > 0 ? bytes : safeSize(staged.entry.file),
  }
}

function safeSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

/**
 * SQLite integrity_check plus the FTS5 rank-1 checks, then every stored original (present, same sha256). Damage to
 * the database makes the library read-only; a missing or altered original is reported but loses nothing (the
 * document's text is in the database).
 */
export async function checkLibrary(context: BackendContext): Promise<CheckReport> {
  const problems = checkDatabase(context.db, { mode: 'full', fts: true })
  if (problems.length > 0 && !context.corrupt) {
    // Only damage to the file itself locks the library; FTS-only problems are repaired by a rebuild.
    const fileDamaged = !problems.every((p) => p.startsWith('full-text index'))
    if (fileDamaged) {
      context.corrupt = markDamaged(context.db, context.databaseFile, problems, context.log)
    }
  }
  if (context.corrupt && problems.length === 0) {
    problems.push(`the library is marked damaged: ${context.corrupt.message}`)
  }
  if (!context.corrupt) {
    try {
      problems.push(
        ...((await stateOf(context).originals?.check(context.db, context.libraryDir)) ?? []),
      )
    } catch (error) {
      context.log.error('check: originals could not be checked', error)
      problems.push('stored originals could not be checked (see the log)')
    }
  }
  return { ok: problems.length === 0, problems }
}

function safeOriginalsStats(context: BackendContext): LibraryInfo['originals'] {
  try {
    const stats = stateOf(context).originals?.stats(context.db)
    if (stats) return stats
  } catch {
    // A damaged library answers info with what it can.
  }
  return { documents: 0, files: 0, bytes: 0, withoutOriginal: 0 }
}

export function libraryInfo(context: BackendContext): LibraryInfo {
  const count = (table: 'documents' | 'quotes'): number => {
    try {
      const row = context.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }
      return row.n
    } catch {
      return 0
    }
  }
  let version = 0
  try {
    version = schemaVersion(context.db)
  } catch {
    version = 0
  }
  return {
    version: context.version,
    libraryDir: context.libraryDir,
    databaseFile: context.databaseFile,
    schemaVersion: version,
    documentCount: count('documents'),
    quoteCount: count('quotes'),
    originals: safeOriginalsStats(context),
    corrupt: context.corrupt,
  }
}
