import type { BackupInfo, CheckReport, LibraryInfo, LibraryTable } from '@shared/contract'
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

/**
 * The open library's connection and health, with one owner (db/library-connection.ts): a restore replaces both
 * there, and everyone reads them through it when they need them.
 */
export type LibraryConnection = {
  readonly db: Db
  /** Set when the library failed its check: writes are refused until a restore. */
  corrupt: { message: string } | null
}

/** Backup, restore, check and info of the open library (db/lifecycle.ts), with their state (backup in flight). */
export type LibraryLifecycle = {
  info(): LibraryInfo
  check(): Promise<CheckReport>
  backup(): Promise<BackupInfo>
  backups(): BackupInfo[]
  restore(file?: string): Promise<BackupInfo>
  /** Wait for a backup in flight (close). */
  stop(): Promise<void>
}

/** Announce that cached views over these tables are stale (`library.changed`). */
export type ChangeSink = (tables: LibraryTable[]) => void

/** Everything a handler may use. Built once per open library by createBackend. */
export type BackendContext = {
  /** The open connection, read through `connection` (it changes on restore). */
  readonly db: Db
  connection: LibraryConnection
  lifecycle: LibraryLifecycle
  version: string
  libraryDir: string
  databaseFile: string
  /** This backend's owner record id (db/owners.ts), so it can tell other live owners of the library from itself. */
  ownerId?: string
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
  /** Set when the library failed its check at open: writes are refused until a restore (`connection.corrupt`). */
  corrupt: { message: string } | null
  /** Announce that cached views over these tables are stale. */
  changed: ChangeSink
}
