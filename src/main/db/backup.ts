/**
 * Verified backups of the library database (SECURITY.md §4, issue 7 §2).
 *
 * - Rolling backups use SQLite's online backup API (`db.backup`): it copies pages while the one read-write
 *   connection keeps working, and since only that connection writes, the copy is never restarted.
 * - Every copy is written to a temp file in the backup folder, then verified on its own handles (read-only
 *   `integrity_check`, then the FTS5 rank-1 checks inside a rolled-back transaction), and only then renamed into
 *   the rotation. A copy that fails is deleted and never replaces a good one; pruning happens only after success.
 * - Before a migration, `VACUUM INTO` (synchronous, so it fits `openDb`'s `beforeMigrate` hook) writes a
 *   pre-migration copy, verified the same way; migrations abort if it cannot be made.
 * - Restores copy the chosen backup next to the library, verify that exact copy, move the current file and any
 *   `-wal`/`-shm` aside (a stale WAL replayed onto a restored file corrupts it), and rename the copy into place.
 *
 * File names (UTC): `library-20250424-101500-123.sqlite` (rolling), `library-v10-to-v20-20250424-101500-123.sqlite`
 * (pre-migration). Copies are stored in rollback-journal mode so each backup is one self-contained file.
 */
import { randomUUID } from 'node:crypto'
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { BackupInfo } from '@shared/contract'
import Database from 'better-sqlite3'
import { registerSearchFunctions } from '../text/search-text'
import { bindingFor, type Db } from './connection'
import { ftsCheck, sqliteCheck } from './integrity'
import { LATEST_VERSION } from './migrate'

export const BACKUP_DIR_NAME = 'backups'
/** Rolling backups kept unless configured otherwise. */
export const DEFAULT_KEEP = 7
/** Pre-migration copies kept (they only matter around upgrades). */
export const PRE_MIGRATION_KEEP = 3

const ROLLING = /^library-(\d{8}-\d{6}-\d{3})(?:-(\d+))?\.sqlite$/
const PRE_MIGRATION = /^library-v(\d+)-to-v(\d+)-(\d{8}-\d{6}-\d{3})(?:-(\d+))?\.sqlite$/

export type BackupKind = 'rolling' | 'pre-migration'

export type BackupEntry = BackupInfo & { kind: BackupKind; name: string }

/** Thrown when a backup copy does not verify; the rotation was left untouched. */
export class BackupVerificationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The backup copy failed verification: ${problems.slice(0, 3).join('; ')}`)
    this.name = 'BackupVerificationError'
  }
}

export const backupDirFor = (libraryDir: string): string => join(libraryDir, BACKUP_DIR_NAME)

/** `20250424-101500-123` for an instant (UTC). */
export function stampOf(date: Date): string {
  const iso = date.toISOString() // 2025-04-24T10:15:00.123Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}-${iso.slice(20, 23)}`
}

function instantOf(stamp: string): string {
  const [day = '', time = '', ms = '000'] = stamp.split('-')
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${ms}Z`
}

/** Every backup in the folder, newest first. Files that are not ours are ignored. */
export function listBackups(dir: string): BackupEntry[] {
  if (!existsSync(dir)) return []
  const entries: (BackupEntry & { sortKey: string })[] = []
  for (const name of readdirSync(dir)) {
    const rolling = ROLLING.exec(name)
    const pre = rolling ? null : PRE_MIGRATION.exec(name)
    const stamp = rolling?.[1] ?? pre?.[3]
    if (!stamp) continue
    const file = join(dir, name)
    let bytes = 0
    try {
      bytes = statSync(file).size
    } catch {
      continue
    }
    const serial = (rolling?.[2] ?? pre?.[4] ?? '0').padStart(6, '0')
    entries.push({
      name,
      file,
      bytes,
      kind: rolling ? 'rolling' : 'pre-migration',
      createdAt: instantOf(stamp),
      sortKey: `${stamp}-${serial}`,
    })
  }
  entries.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0))
  return entries.map(({ sortKey: _sortKey, ...entry }) => entry)
}

/** A name in the folder that is not taken yet. */
function freshName(dir: string, prefix: string, now: Date): string {
  const stamp = stampOf(now)
  let name = `${prefix}-${stamp}.sqlite`
  for (let n = 2; existsSync(join(dir, name)); n++) name = `${prefix}-${stamp}-${n}.sqlite`
  return name
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Make a rename durable where the OS allows it (directories cannot be fsynced on Windows). */
function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Best effort: see SECURITY.md §5 on rename durability.
  }
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
    rmSync(f, { force: true })
}

/**
 * Verify a database copy: it must be a Lectern library this version can open, pass `integrity_check`, and pass
 * the FTS5 rank-1 checks. Converts the copy to rollback-journal mode (it is ours: a temp copy). Returns problems.
 */
export function verifyCopy(file: string, electronBinding?: string): string[] {
  const nativeBinding = bindingFor(process.versions, electronBinding)
  const base: Database.Options = nativeBinding ? { nativeBinding } : {}
  try {
    // Rollback-journal mode makes the copy one self-contained file and lets a read-only handle open it cleanly.
    const writable = new Database(file, { ...base, fileMustExist: true })
    try {
      writable.pragma('journal_mode = DELETE')
    } finally {
      writable.close()
    }
    const readonly = new Database(file, { ...base, readonly: true, fileMustExist: true })
    try {
      const version = readonly.pragma('user_version', { simple: true }) as number
      if (version > LATEST_VERSION) {
        return [
          `it was written by a newer version of Lectern (schema ${version}; this version knows up to ${LATEST_VERSION})`,
        ]
      }
      const problems = sqliteCheck(readonly, 'full')
      if (problems.length > 0) return problems
      const hasDocuments = readonly
        .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'documents'")
        .get()
      if (!hasDocuments) return ['it is not a Lectern library (no documents table)']
    } finally {
      readonly.close()
    }
    // FTS5 runs its check as an INSERT, which read-only handles refuse: a writable handle, rolled back.
    const checker = new Database(file, { ...base, fileMustExist: true })
    registerSearchFunctions(checker) // the FTS content views call it (migration 0090)
    try {
      return ftsCheck(checker)
    } finally {
      checker.close()
    }
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code
    return [
      `it could not be opened as a database (${typeof code === 'string' ? code : (error as Error).message})`,
    ]
  }
}

/**
 * `verifyCopy` in a worker thread (out/main/verify-worker.js) when `verifyWorker` names one, so seconds of checking
 * do not block the backend; in-process otherwise (tests, or a worker that fails to start).
 */
export async function verifyCopyAsync(
  file: string,
  options: { electronBinding?: string; verifyWorker?: string } = {},
): Promise<string[]> {
  const script = options.verifyWorker
  if (!script || !existsSync(script)) return verifyCopy(file, options.electronBinding)
  return inWorker(script, { task: 'verify', file, electronBinding: options.electronBinding }).catch(
    () => verifyCopy(file, options.electronBinding),
  )
}

/** Delete the oldest backups of a kind beyond `keep`. */
export function pruneBackups(dir: string, kind: BackupKind, keep: number): string[] {
  const removed: string[] = []
  const ofKind = listBackups(dir).filter((b) => b.kind === kind)
  for (const old of ofKind.slice(Math.max(1, keep))) {
    rmSync(old.file, { force: true })
    removed.push(old.file)
  }
  return removed
}

/** Verify `temp`, then move it to `dir/name` durably; on failure delete it and throw. */
function admit(temp: string, dir: string, name: string, electronBinding?: string): BackupEntry {
  return admitVerified(temp, dir, name, verifyCopy(temp, electronBinding))
}

function admitVerified(temp: string, dir: string, name: string, problems: string[]): BackupEntry {
  if (problems.length > 0) {
    removeQuietly(temp)
    throw new BackupVerificationError(problems)
  }
  fsyncFile(temp)
  const target = join(dir, name)
  renameSync(temp, target)
  fsyncDir(dir)
  const entry = listBackups(dir).find((b) => b.file === target)
  if (!entry) throw new Error('backup vanished after rename')
  return entry
}

export type BackupOptions = {
  dir: string
  keep?: number
  now?: Date
  /** Pages per step of the online backup (smaller steps let the event loop serve other calls in between). */
  pagesPerStep?: number
  /** The Electron build of better-sqlite3, when running inside Electron (see `bindingFor`). */
  electronBinding?: string
  /** The built verification worker (out/main/verify-worker.js); absent = verify in-process. */
  verifyWorker?: string
}

/**
 * Copy `source` (a live library in WAL mode) to `temp` with `VACUUM INTO` on a read-only connection of its own, then
 * verify and fsync the copy. Runs in the verify worker: the read transaction sees one consistent snapshot and, in
 * WAL mode, does not block the backend's writes. Returns the verification problems ([] = good).
 */
export function copyAndVerify(source: string, temp: string, electronBinding?: string): string[] {
  const nativeBinding = bindingFor(process.versions, electronBinding)
  const handle = new Database(source, {
    ...(nativeBinding ? { nativeBinding } : {}),
    readonly: true,
    fileMustExist: true,
  })
  try {
    handle.pragma('busy_timeout = 10000')
    handle.prepare('VACUUM INTO ?').run(temp)
  } finally {
    handle.close()
  }
  const problems = verifyCopy(temp, electronBinding)
  if (problems.length === 0) fsyncFile(temp)
  return problems
}

type WorkerRequest =
  | { task: 'verify'; file: string; electronBinding?: string }
  | { task: 'backup'; source: string; temp: string; electronBinding?: string }

/** Run one request in the worker; resolves with its problems, rejects when the worker cannot run it. */
function inWorker(script: string, request: WorkerRequest): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(script, { workerData: request })
    let answered = false
    worker.once('message', (message: { problems?: string[]; error?: string }) => {
      answered = true
      if (message.problems) resolvePromise(message.problems)
      else reject(new Error(message.error ?? 'the backup worker failed'))
    })
    worker.once('error', (error) => {
      if (!answered) reject(error)
      answered = true
    })
    worker.once('exit', () => {
      if (!answered) reject(new Error('the backup worker exited without answering'))
      answered = true
    })
  })
}

/**
 * Rolling backup, verified before it enters the rotation. With the built worker (`verifyWorker`) the copy
 * (`VACUUM INTO` from its own read-only connection), the integrity checks and the fsync all run off the backend's
 * event loop: at 100,000 documents (1 GB) they take ~15 s, and the online backup's final commit and fsync alone held
 * the loop for 0.3–0.5 s. Without the worker (tests), the online backup API copies in steps on this thread.
 */
export async function createBackup(db: Db, options: BackupOptions): Promise<BackupEntry> {
  mkdirSync(options.dir, { recursive: true })
  const temp = join(options.dir, `.tmp-${randomUUID()}.sqlite`)
  let problems: string[] | undefined
  const script = options.verifyWorker
  if (script && existsSync(script) && db.name && !db.memory) {
    try {
      problems = await inWorker(script, {
        task: 'backup',
        source: db.name,
        temp,
        electronBinding: options.electronBinding,
      })
    } catch {
      // Fall back to the in-process path below, from a clean slate.
      removeQuietly(temp)
      problems = undefined
    }
  }
  if (!problems) {
    try {
      const pages = options.pagesPerStep ?? 1000
      await db.backup(temp, { progress: () => pages })
    } catch (error) {
      removeQuietly(temp)
      throw error
    }
    problems = await verifyCopyAsync(temp, options)
  }
  // The name is chosen after the (possibly long) verification, so two backups never race for it.
  const name = freshName(options.dir, 'library', options.now ?? new Date())
  const entry = admitVerified(temp, options.dir, name, problems)
  pruneBackups(options.dir, 'rolling', options.keep ?? DEFAULT_KEEP)
  return entry
}

/**
 * Pre-migration copy with `VACUUM INTO` (synchronous: usable from `openDb`'s `beforeMigrate`). Throws when the
 * copy cannot be made or does not verify, which aborts the migration and leaves the library as it was.
 */
export function createPreMigrationBackup(
  db: Db,
  dir: string,
  from: number,
  to: number,
  now = new Date(),
  electronBinding?: string,
): BackupEntry {
  mkdirSync(dir, { recursive: true })
  const temp = join(dir, `.tmp-${randomUUID()}.sqlite`)
  try {
    db.prepare('VACUUM INTO ?').run(temp)
  } catch (error) {
    removeQuietly(temp)
    throw error
  }
  const name = freshName(dir, `library-v${from | 0}-to-v${to | 0}`, now)
  const entry = admit(temp, dir, name, electronBinding)
  pruneBackups(dir, 'pre-migration', PRE_MIGRATION_KEEP)
  return entry
}

/**
 * First half of a restore: copy a backup next to the library file and verify that exact copy. Nothing else is
 * touched, so the live library keeps working if this throws (BackupVerificationError or an I/O error).
 * Returns the path of the verified copy, for `swapInRestore`.
 */
export function stageRestore(
  backupFile: string,
  databaseFile: string,
  electronBinding?: string,
): string {
  const incoming = join(
    dirname(databaseFile),
    `.${basename(databaseFile)}.restoring-${randomUUID()}`,
  )
  try {
    copyFileSync(backupFile, incoming)
  } catch (error) {
    removeQuietly(incoming)
    throw error
  }
  const problems = verifyCopy(incoming, electronBinding)
  if (problems.length > 0) {
    removeQuietly(incoming)
    throw new BackupVerificationError(problems)
  }
  fsyncFile(incoming)
  return incoming
}

/** Discard a staged copy that will not be used. */
export function discardStaged(incoming: string): void {
  removeQuietly(incoming)
}

/**
 * Second half of a restore, with every connection to `databaseFile` closed: move the current file and its
 * `-wal`/`-shm` aside as `<file>.<asideLabel>-<stamp>` (kept, never deleted), then rename the staged copy into
 * place. Returns the aside path (undefined when there was no file).
 */
export function swapInRestore(
  incoming: string,
  databaseFile: string,
  asideLabel: string,
  now = new Date(),
): string | undefined {
  const aside = existsSync(databaseFile)
    ? `${databaseFile}.${asideLabel}-${stampOf(now)}`
    : undefined
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const file = `${databaseFile}${suffix}`
    if (!existsSync(file)) continue
    if (aside) renameSync(file, `${aside}${suffix}`)
    else rmSync(file, { force: true })
  }
  renameSync(incoming, databaseFile)
  fsyncDir(dirname(databaseFile))
  return aside
}
