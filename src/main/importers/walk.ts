/**
 * Files and folders → the list of files to import. Folders are walked recursively with an explicit stack (no
 * recursion), hidden and system files skipped, symlink loops detected by (device, inode), each file listed once
 * however many links reach it. When import roots are set (web host), every path must resolve (realpath) inside one.
 */
import type { Dirent, Stats } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { basename, isAbsolute, join, relative, resolve } from 'node:path'

export type WalkFile = { path: string; size: number }
export type WalkProblem = { path: string; status: 'failed' | 'skipped'; reason: string }
export type WalkResult = { files: WalkFile[]; problems: WalkProblem[] }

export type WalkOptions = {
  /** Realpaths of the folders imports must stay inside (undefined: anywhere). */
  roots?: string[]
  signal?: AbortSignal
  /** Called now and then with the folder being scanned. */
  onFolder?: (path: string, found: number) => void
}

const SYSTEM_NAMES = new Set([
  'thumbs.db',
  'ehthumbs.db',
  'desktop.ini',
  '$recycle.bin',
  'system volume information',
  '__macosx',
  'lost+found',
  'icon\r',
  '.ds_store',
])

/** Hidden (dot) files, OS litter, Office lock files (`~$x.docx`) and editor backups (`x~`). */
export function isHiddenOrSystem(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name.endsWith('~') ||
    SYSTEM_NAMES.has(name.toLowerCase())
  )
}

/** Is `path` equal to or inside `root`? Both must be absolute and already resolved. */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** Resolve the real paths of the import roots (roots that do not exist are dropped). */
export async function realRoots(roots: string[] | undefined): Promise<string[] | undefined> {
  if (!roots) return undefined
  const out: string[] = []
  for (const root of roots) {
    try {
      out.push(await realpath(resolve(root)))
    } catch {
      // A missing root allows nothing.
    }
  }
  return out
}

/** A person-readable reason for a failed file-system call. */
export function fsReason(error: unknown): string {
  const code = (error as { code?: string } | null)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ELOOP':
      return 'too many levels of symbolic links'
    case 'ENAMETOOLONG':
      return 'the path is too long'
    case 'ENOTDIR':
      return 'a part of the path is not a folder'
    case 'EISDIR':
      return 'is a folder'
    default:
      return error instanceof Error
        ? `cannot read it (${error.message.split('\n')[0]})`
        : 'cannot read it'
  }
}

export const OUTSIDE_ROOTS = 'outside the folders this Lectern may import from'

type Pending = { path: string; explicit: boolean }

/** Walk the inputs. Never throws for a bad path: every problem becomes a WalkProblem. */
export async function collectFiles(
  inputs: string[],
  options: WalkOptions = {},
): Promise<WalkResult> {
  const roots = options.roots
  const files: WalkFile[] = []
  const problems: WalkProblem[] = []
  const seenFiles = new Set<string>()
  const seenDirs = new Set<string>()
  const stack: Pending[] = inputs.map((p) => ({ path: resolve(p), explicit: true })).reverse()
  let lastReport = 0

  while (stack.length > 0) {
    if (options.signal?.aborted) break
    const { path, explicit } = stack.pop() as Pending
    let real: string
    let info: Stats
    try {
      real = await realpath(path)
      info = await stat(real)
    } catch (error) {
      if (roots && !roots.some((r) => isInside(path, r)))
        problems.push({ path, status: 'failed', reason: OUTSIDE_ROOTS })
      else problems.push({ path, status: 'failed', reason: fsReason(error) })
      continue
    }
    if (roots && !roots.some((r) => isInside(real, r))) {
      problems.push({ path, status: 'failed', reason: OUTSIDE_ROOTS })
      continue
    }
    if (info.isDirectory()) {
      const key = `${info.dev}:${info.ino}`
      if (seenDirs.has(key)) continue // a symlink loop or a folder reached twice
      seenDirs.add(key)
      let entries: Dirent[]
      try {
        entries = await readdir(path, { withFileTypes: true })
      } catch (error) {
        problems.push({ path, status: 'failed', reason: fsReason(error) })
        continue
      }
      const now = Date.now()
      if (options.onFolder && now - lastReport > 100) {
        lastReport = now
        options.onFolder(path, files.length)
      }
      const names = entries
        .filter((e) => !isHiddenOrSystem(e.name))
        .map((e) => e.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      for (let i = names.length - 1; i >= 0; i--)
        stack.push({ path: join(path, names[i] as string), explicit: false })
      continue
    }
    if (!info.isFile()) {
      if (explicit) problems.push({ path, status: 'skipped', reason: 'not a regular file' })
      continue
    }
    if (seenFiles.has(real)) continue
    seenFiles.add(real)
    if (!explicit && isHiddenOrSystem(basename(path))) continue
    files.push({ path, size: info.size })
  }
  return { files, problems }
}
