/**
 * `export.save`: render, then write atomically (write-file-atomic: temp file in the same folder, fsync, rename; the
 * temp file is removed on failure, so a failed save leaves no partial file). Never overwrites without
 * `overwrite: true`. When `path` is a folder the file name is sanitised and checked to stay inside it; when the
 * backend has export roots (web host), the target must lie inside one of them.
 */
import { realpathSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import type { ExportArgs } from '@shared/contract'
import writeFileAtomic from 'write-file-atomic'
import type { Db } from '../core/context'
import { conflict, DomainError, invalidArgs } from '../core/errors'
import { safeFileName } from './file-names'
import { FORMATS, renderExport } from './render-export'

export type SaveArgs = ExportArgs & { path: string; fileName?: string; overwrite?: boolean }

const isInside = (folder: string, target: string): boolean => {
  const rel = relative(folder, target)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

function statOrNull(path: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(path)
  } catch {
    return null
  }
}

/** The absolute file to write, from a folder (+ optional name) or a file path. */
function resolveTarget(args: SaveArgs, defaultName: string, ext: string): string {
  const path = resolve(args.path)
  const stat = statOrNull(path)
  if (stat?.isDirectory()) {
    const name = safeFileName(args.fileName ?? defaultName, ext)
    const target = resolve(path, name)
    // Defence in depth: a sanitised name cannot climb out, and this proves it.
    if (!isInside(path, target)) throw invalidArgs('That file name would leave the chosen folder.')
    return target
  }
  if (args.fileName !== undefined) throw invalidArgs(`There is no folder at “${path}”.`)
  const parent = statOrNull(dirname(path))
  if (!parent?.isDirectory()) throw invalidArgs(`The folder “${dirname(path)}” does not exist.`)
  return path
}

function checkExportRoots(roots: readonly string[] | undefined, target: string): void {
  if (!roots) return
  const folder = realpathSync(dirname(target))
  const real = join(folder, basename(target))
  const allowed = roots.some((root) => {
    try {
      return isInside(realpathSync(root), real)
    } catch {
      return false
    }
  })
  if (!allowed) throw invalidArgs(`Exports can only be saved inside: ${roots.join(', ')}.`)
}

function writeError(error: unknown, target: string): DomainError {
  const code = (error as { code?: unknown }).code
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EROFS'
        ? 'the disk is read-only'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? 'the disk is full'
          : code === 'ENOENT'
            ? 'the folder does not exist'
            : code === 'EISDIR'
              ? 'a folder has that name'
              : 'the file could not be written'
  return new DomainError('invalid_args', `Cannot save “${target}”: ${reason}. Nothing was written.`)
}

/** What saving an export needs: the library and, when set, the only folders it may write under. */
export type ExportDeps = { readonly db: Db; exportRoots?: string[] }

/** Render and save; returns where it went and how many bytes. */
export async function saveExport(
  backend: ExportDeps,
  args: SaveArgs,
  now: Date = new Date(),
): Promise<{ path: string; bytes: number }> {
  const { bytes, preview } = await renderExport(backend.db, args, now)
  const target = resolveTarget(args, preview.fileName, FORMATS[args.format].ext)
  checkExportRoots(backend.exportRoots, target)
  const existing = statOrNull(target)
  if (existing?.isDirectory()) throw invalidArgs(`“${target}” is a folder.`)
  if (existing && !args.overwrite) {
    throw conflict(`“${basename(target)}” already exists. Save again with overwrite to replace it.`)
  }
  try {
    await writeFileAtomic(target, bytes, { fsync: true })
  } catch (error) {
    throw writeError(error, target)
  }
  return { path: target, bytes: bytes.length }
}
