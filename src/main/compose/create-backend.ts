import { existsSync, mkdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import type { ApiEventName, ApiEvents, Envelope, LibraryTable } from '@shared/contract'
import { dispatch } from '../api/dispatch'
import type { CallContext } from '../api/handler-types'
import type { BackendContext, ImportLimits } from '../core/context'
import { EventBus } from '../core/event-bus'
import { JobRunner } from '../core/job-runner'
import { backupDirFor } from '../db/backup'
import { checkpointAndClose } from '../db/connection'
import { LibraryConnectionHolder } from '../db/library-connection'
import { type BackupSettings, createLifecycle } from '../db/lifecycle'
import { type OpenCheck, openLibrary } from '../db/open-library'
import { claimOwnership } from '../db/owners'
import { purgeDocumentTrash } from '../library/trash'
import { mirrorOriginals, recoverOriginals } from '../originals/original-backups'
import { checkOriginals, originalsStats } from '../originals/originals-service'
import { createLogger, type Logger } from '../platform/logger'
import { DATABASE_FILE } from '../platform/paths'
import { refreshVocabularyStepwise } from '../search/vocabulary'

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  timeoutMs: 60_000,
  maxZipBytes: 500 * 1024 * 1024,
  maxZipEntries: 10_000,
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
}

/** Deleted documents stay restorable this long (undo after a delete). */
const TRASH_HOURS = 24
const trashCutoff = (): string => new Date(Date.now() - TRASH_HOURS * 3_600_000).toISOString()

export type BackendOptions = {
  libraryDir: string
  version?: string
  log?: Logger
  limits?: Partial<ImportLimits>
  importRoots?: string[]
  exportRoots?: string[]
  workerScript?: string
  electronBinding?: string
  /** Integrity check at open: `quick` (default) or `skip` for short-lived read-only callers (see open-library.ts). */
  checkAtOpen?: OpenCheck
  /** Rolling verified backups: how many to keep, and the start-up interval in hours (null: never automatic). */
  backups?: BackupSettings
  /** What kind of program opens the library (`desktop`, `web`, `cli`), written in its owner file (owners.ts). */
  role?: string
  /** Hook run once the database is open (backups, integrity checks); may set `corrupt`. */
  afterOpen?: (backend: BackendContext) => void
}

export type Backend = {
  context: BackendContext
  /** The one entry point of every transport. Never throws. */
  dispatch(method: string, args: unknown, call?: CallContext): Promise<Envelope<unknown>>
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
  onAny(listener: (event: ApiEventName, payload: unknown) => void): () => void
  close(): Promise<void>
}

/** Open a library folder and build the handler context for it. Electron-free: runs under plain Node. */
export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.libraryDir, { recursive: true })
  const databaseFile = join(options.libraryDir, DATABASE_FILE)
  const log = options.log ?? createLogger()
  const events = new EventBus()
  const jobs = new JobRunner(events)
  // Checks the file before writing anything; a damaged library opens read-only with `corrupt` set.
  const opened = openLibrary(databaseFile, {
    log,
    backupDir: backupDirFor(options.libraryDir),
    electronBinding: options.electronBinding,
    check: options.checkAtOpen,
  })
  // Claimed after the open's check, which must not count this backend as a live owner.
  const owner = claimOwnership(databaseFile, options.role ?? 'backend')
  // The connection has one owner; the context reads through it, so a restore's new connection reaches everyone.
  const connection = new LibraryConnectionHolder(opened)
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const workerScript =
    options.workerScript && existsSync(options.workerScript) ? options.workerScript : undefined
  const changed = (tables: LibraryTable[]) => events.emit('library.changed', { tables })
  const lifecycle = createLifecycle(
    {
      connection,
      version: options.version ?? '0.1.0',
      libraryDir: options.libraryDir,
      databaseFile,
      ownerId: owner.record.id,
      importRoots: options.importRoots,
      workerScript,
      log,
      jobsRunning: () => jobs.list().length > 0,
      changed,
    },
    {
      ...options.backups,
      electronBinding: options.electronBinding,
      housekeeping: (db) => purgeDocumentTrash(db, trashCutoff()),
      originals: {
        check: checkOriginals,
        stats: originalsStats,
        mirror: mirrorOriginals,
        recover: recoverOriginals,
      },
    },
  )
  const context: BackendContext = {
    get db() {
      return connection.db
    },
    connection,
    lifecycle,
    version: options.version ?? '0.1.0',
    libraryDir: options.libraryDir,
    databaseFile,
    ownerId: owner.record.id,
    events,
    jobs,
    log,
    limits,
    importRoots: options.importRoots,
    exportRoots: options.exportRoots,
    workerScript,
    get corrupt() {
      return connection.corrupt
    },
    set corrupt(value) {
      connection.corrupt = value
    },
    changed,
  }
  lifecycle.start()
  // Bring the spelling vocabulary up to date when an import ends, so the first suggestion after a bulk import does
  // not pay for it on the query path (~0.5 s at 100,000 documents); stepwise, so the loop stays free meanwhile.
  let vocabulary: Promise<unknown> = Promise.resolve()
  const stopVocabulary = events.on('job.finished', (outcome) => {
    if (outcome.kind !== 'import' || connection.corrupt) return
    vocabulary = vocabulary
      .then(() => refreshVocabularyStepwise(connection.db))
      .catch((error: unknown) => {
        // Closed meanwhile (the backend is closing); the next search refreshes lazily.
        if (connection.db.open)
          log.warn('Could not refresh the spelling vocabulary after an import', error)
      })
  })
  options.afterOpen?.(context)
  let closed = false
  return {
    context,
    dispatch: (method, args, call) => dispatch(context, method, args, call),
    on: (event, listener) => events.on(event, listener),
    onAny: (listener) => events.onAny(listener),
    async close() {
      if (closed) return
      closed = true
      await jobs.stopAll()
      stopVocabulary()
      await vocabulary
      await lifecycle.stop()
      try {
        checkpointAndClose(context.db)
      } finally {
        owner.release()
      }
    },
  }
}
