import type { LibraryTable } from '@shared/contract'
import type Database from 'better-sqlite3'
import type { Logger } from '../platform/logger'
import type { EventBus } from './event-bus'
import type { JobRunner } from './job-runner'

/** An open library connection. Declared here so every layer can name it without importing db/. */
export type Db = Database.Database

/** Limits the importers enforce; configurable per backend (tests use small ones). */
export type ImportLimits = {
  maxFileBytes: number
  timeoutMs: number
  maxZipBytes: number
  maxZipEntries: number
  /** Worker threads for parsing; 0 parses in-process (tests, tiny machines). */
  workers: number
  /** Memory ceiling of one import worker in MB (V8 old generation); default derived from maxFileBytes. */
  workerMemoryMb?: number
}

/** Everything a handler may use. Built once per open library by createBackend. */
export type BackendContext = {
  db: Db
  version: string
  libraryDir: string
  databaseFile: string
  events: EventBus
  jobs: JobRunner
  log: Logger
  limits: ImportLimits
  /**
   * When set (web host), import paths must lie under one of these folders; the desktop app grants paths its own
   * dialogs returned instead. Undefined means any readable path (CLI).
   */
  importRoots?: string[]
  /** When set, export.save may only write under these folders. */
  exportRoots?: string[]
  /** Absolute path of the built import worker script (out/main/import-worker.js); absent = parse in-process. */
  workerScript?: string
  /** Set when the library failed its check at open: writes are refused until a restore. */
  corrupt: { message: string } | null
  /** Announce that cached views over these tables are stale. */
  changed(tables: LibraryTable[]): void
}
