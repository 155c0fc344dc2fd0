/**
 * The library's copies of imported files: `<library>/files/ab/<sha256>.<ext>`, content-addressed (the name is the
 * hash of the bytes, so equal files are stored once and a changed file never overwrites another document's copy).
 * Electron-free and database-free: import workers call keepOriginal directly.
 */
import { createHash, randomBytes } from 'node:crypto'
import {
  createReadStream,
  mkdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { isMainThread } from 'node:worker_threads'
import type { DocumentFormat } from '@shared/contract'
import type { KeptOriginal } from './types'

export const ORIGINALS_DIR = 'files'

/** The extension a stored original gets: from the detected format, never from the (untrusted) file name. */
const EXT: Record<DocumentFormat, string> = {
  pdf: 'pdf',
  epub: 'epub',
  docx: 'docx',
  html: 'html',
  md: 'md',
  txt: 'txt',
}

/**
 * The Content-Type an original is served with. Markup and text originals are served as opaque downloads: the reader
 * shows their extracted text, and a browser must never render an imported web page from our origin.
 */
const MEDIA_TYPE: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  epub: 'application/epub+zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'application/octet-stream',
  md: 'application/octet-stream',
  txt: 'application/octet-stream',
}

const SHA256 = /^[0-9a-f]{64}$/
const EXT_NAME = /^[a-z0-9]{1,8}$/

export function originalPath(libraryDir: string, sha256: string, ext: string): string {
  // Both parts come from our own rows; refuse anything else so a damaged row cannot name another path.
  if (!SHA256.test(sha256) || !EXT_NAME.test(ext)) throw new Error('not a stored original name')
  return join(libraryDir, ORIGINALS_DIR, sha256.slice(0, 2), `${sha256}.${ext}`)
}

export const sha256Of = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex')

/** Hash a stored file by streaming it (originals can be large). */
export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolveHash, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolveHash(hash.digest('hex')))
  })
}

/**
 * Keep `bytes` as an original (idempotent): written to a temporary name and renamed, so a crash never leaves a
 * half-written file under a hash name. A file already there with the same size is trusted (its name is its hash;
 * `check` verifies the contents).
 */
export async function keepOriginal(
  libraryDir: string,
  bytes: Uint8Array,
  format: DocumentFormat,
): Promise<KeptOriginal> {
  const sha256 = sha256Of(bytes)
  const ext = EXT[format]
  const target = originalPath(libraryDir, sha256, ext)
  const kept = { sha256, ext, bytes: bytes.byteLength, mediaType: MEDIA_TYPE[format] }
  if (!isMainThread) {
    keepSync(target, bytes)
    return kept
  }
  const existing = await stat(target).catch(() => null)
  if (existing?.isFile() && existing.size === bytes.byteLength) return kept
  await mkdir(join(target, '..'), { recursive: true })
  const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`
  try {
    await writeFile(temp, bytes, { flag: 'wx' })
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  return kept
}

/**
 * keepOriginal's steps, synchronously, in an import worker (see readLimited in extract.ts: each asynchronous step is
 * a round trip through libuv's thread pool, and the worker has nothing else to do meanwhile). The `files/ab/` folder
 * is made only when writing finds it missing: one system call per file instead of two.
 */
function keepSync(target: string, bytes: Uint8Array): void {
  const existing = statSync(target, { throwIfNoEntry: false })
  if (existing?.isFile() && existing.size === bytes.byteLength) return
  const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`
  try {
    try {
      writeFileSync(temp, bytes, { flag: 'wx' })
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error
      mkdirSync(dirname(target), { recursive: true })
      writeFileSync(temp, bytes, { flag: 'wx' })
    }
    renameSync(temp, target)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // Never written: nothing to remove.
    }
    throw error
  }
}

export const mediaTypeOf = (format: DocumentFormat): string => MEDIA_TYPE[format]
