/**
 * The read-only file route shared by the web host (`GET /files/<id>[/<part>]`) and the desktop app's `app://` scheme
 * (`app://lectern/files/<id>[/<part>]`): a document's stored original, or an image embedded in it. Every answer
 * carries an exact Content-Type, `nosniff`, and `Content-Security-Policy: sandbox` so that nothing served here can
 * ever run script or be rendered as a page of our origin.
 */
import { readFile } from 'node:fs/promises'
import type { DocumentId } from '@shared/contract'
import type { Db, ImportLimits } from '../core/context'
import type { Logger } from '../platform/logger'
import { readEmbeddedPart } from './embedded-parts'
import { originalRow, storedFile } from './originals-service'

export const FILE_ROUTE_PREFIX = '/files/'

/** Headers of every file answer. */
export const FILE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, no-store',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
}

export type FileAnswer = { status: number; headers: Record<string, string>; body: Buffer }

const text = (status: number, body: string): FileAnswer => ({
  status,
  headers: { ...FILE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  body: Buffer.from(body),
})

/**
 * Parse `/files/<id>` or `/files/<id>/<part…>` (already URL-decoded per segment); null when the path is not ours.
 * A part path must be a plain relative path inside the archive: no `..`, no empty or dot segments.
 */
export function parseFilePath(pathname: string): { id: DocumentId; part: string | null } | null {
  if (!pathname.startsWith(FILE_ROUTE_PREFIX)) return null
  const segments = pathname.slice(FILE_ROUTE_PREFIX.length).split('/')
  const idText = segments.shift() ?? ''
  if (!/^[1-9]\d{0,15}$/.test(idText)) return null
  let decoded: string[]
  try {
    decoded = segments.map((s) => decodeURIComponent(s))
  } catch {
    return null
  }
  if (decoded.length === 0) return { id: Number(idText) as DocumentId, part: null }
  if (decoded.some((s) => s === '' || s === '.' || s === '..' || /[\\\u0000-\u001f]/.test(s)))
    return null
  return { id: Number(idText) as DocumentId, part: decoded.join('/') }
}

/** What serving a stored original needs: the library, its folder, the zip limits and a log. */
export type OriginalFileDeps = {
  readonly db: Db
  libraryDir: string
  limits: Pick<ImportLimits, 'maxZipEntries'>
  log: Logger
}

export async function serveOriginal(
  context: OriginalFileDeps,
  id: DocumentId,
  part: string | null,
): Promise<FileAnswer> {
  let row: ReturnType<typeof originalRow>
  try {
    row = originalRow(context.db, id)
  } catch {
    return text(404, 'No such document.')
  }
  const file = storedFile(context.libraryDir, row)
  if (!file || !row.media_type) return text(404, 'This document has no stored original.')
  try {
    if (part === null) {
      const bytes = await readFile(file)
      const headers: Record<string, string> = { ...FILE_HEADERS, 'Content-Type': row.media_type }
      // Text and markup originals are downloads only, never rendered.
      if (row.media_type === 'application/octet-stream')
        headers['Content-Disposition'] = 'attachment'
      return { status: 200, headers, body: bytes }
    }
    if (row.format !== 'epub' && row.format !== 'docx')
      return text(404, 'This document has no embedded files.')
    const found = await readEmbeddedPart(file, part, context.limits.maxZipEntries)
    if (!found) return text(404, 'No such image in this document.')
    return {
      status: 200,
      headers: { ...FILE_HEADERS, 'Content-Type': found.mediaType },
      body: found.bytes,
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return text(404, 'The stored original is missing (see `lectern check`).')
    context.log.error(`file route: document ${id} could not be served`, error)
    return text(500, 'The stored original could not be read.')
  }
}
