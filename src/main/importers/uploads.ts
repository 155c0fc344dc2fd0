/**
 * Files imported from the browser are uploaded into `<library>/incoming/<batch>/<relative name>` (web host), with a
 * fresh random batch each time, so their source path never repeats and cannot say "this is the same file again".
 * A staged upload's stable identity is its original relative name plus its text: a re-upload updates the earlier
 * document of that name whose text is close enough, and when several are, nothing is guessed (the import reports
 * the ambiguity and adds a new document). Staged files are deleted once their import has run.
 */
import { readdir, rm, rmdir } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import type { DocumentId } from '@shared/contract'
import type { Db } from '../db/connection'
import { documentsRepository } from '../library/documents.repository'

/** Same folder name as the web host's INCOMING_DIR. */
export const INCOMING_FOLDER = 'incoming'

export const incomingDirFor = (libraryDir: string): string => join(libraryDir, INCOMING_FOLDER)

/** `<batch>/<relative name>` → the relative name (with `/`), or null when `path` is not a staged upload. */
export function uploadName(incomingDir: string, path: string): string | null {
  const rel = relative(incomingDir, path)
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return null
  const parts = rel.split(sep)
  return parts.length >= 2 ? parts.slice(1).join('/') : null
}

/** Word-set Dice similarity of two texts (first 50,000 words each): enough to tell a revision from another text. */
export function textSimilarity(a: string, b: string): number {
  const words = (text: string) =>
    new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 50_000))
  const x = words(a)
  const y = words(b)
  if (x.size + y.size === 0) return 1
  let shared = 0
  for (const w of x) if (y.has(w)) shared++
  return (2 * shared) / (x.size + y.size)
}

/** A revision keeps most of its words; another text under the same name does not. */
export const SAME_FILE_SIMILARITY = 0.5

export type UploadMatch =
  | { kind: 'none' }
  | { kind: 'one'; id: DocumentId }
  | { kind: 'ambiguous'; ids: DocumentId[] }

/** Earlier documents imported from an upload of the same relative name whose text is close to `text`. */
export function matchUpload(db: Db, incomingDir: string, name: string, text: string): UploadMatch {
  const base = name.split('/').pop() ?? name
  const prefix = incomingDir.endsWith(sep) ? incomingDir : `${incomingDir}${sep}`
  const rows = documentsRepository.underFolderNamed(db, prefix, base)
  const ids = rows
    .filter((r) => uploadName(incomingDir, r.path) === name)
    .filter((r) => textSimilarity(r.text, text) >= SAME_FILE_SIMILARITY)
    .map((r) => r.id)
  if (ids.length === 0) return { kind: 'none' }
  if (ids.length === 1) return { kind: 'one', id: ids[0] as DocumentId }
  return { kind: 'ambiguous', ids }
}

/** Delete staged uploads that have been imported, and the batch folders they leave empty. Never throws. */
export async function cleanStagedUploads(
  incomingDir: string,
  paths: readonly string[],
): Promise<void> {
  const batches = new Set<string>()
  for (const path of paths) {
    if (uploadName(incomingDir, path) === null) continue
    batches.add(join(incomingDir, relative(incomingDir, path).split(sep)[0] as string))
    await rm(path, { force: true }).catch(() => {})
  }
  for (const batch of batches) await removeEmptyFolders(batch)
}

async function removeEmptyFolders(folder: string): Promise<boolean> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return false
  }
  let empty = true
  for (const name of names) {
    const child = join(folder, name)
    // Only folders can be emptied further; a file left here (a failed or later upload) keeps its batch.
    if (!(await removeEmptyFolders(child))) empty = false
  }
  if (!empty) return false
  try {
    await rmdir(folder)
    return true
  } catch {
    return false
  }
}
