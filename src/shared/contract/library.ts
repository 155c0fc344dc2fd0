import type { Timestamp } from './common'

export type LibraryInfo = {
  version: string
  libraryDir: string
  databaseFile: string
  schemaVersion: number
  documentCount: number
  quoteCount: number
  /** Originals kept in `<library>/files/`: documents with one, distinct files, their bytes on disk, and documents
   * whose original is not kept (imported before originals were). */
  originals: { documents: number; files: number; bytes: number; withoutOriginal: number }
  /** Set when the library failed its check at open and is read-only until restored. */
  corrupt: { message: string } | null
}

export type CheckReport = { ok: boolean; problems: string[] }

export type BackupInfo = { file: string; createdAt: Timestamp; bytes: number }

export type LibraryApi = {
  'library.info': (args: Record<string, never>) => LibraryInfo
  /** SQLite integrity_check plus the FTS5 integrity checks (rank 1). */
  'library.check': (args: Record<string, never>) => CheckReport
  'library.backup': (args: Record<string, never>) => BackupInfo
  'library.backups': (args: Record<string, never>) => BackupInfo[]
  /** Replace the library with a verified backup (the newest good one when `file` is omitted). */
  'library.restore': (args: { file?: string }) => BackupInfo
}
