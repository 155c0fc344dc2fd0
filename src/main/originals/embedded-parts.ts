/**
 * Images inside a stored EPUB/DOCX original, listed and read for display (the reader shows them from the original,
 * never from the network). Only image entries are ever served; each is size-limited and inflated with yauzl's size
 * validation, so a lying entry cannot balloon.
 */
import { partMediaType } from '@shared/contract'
import yauzl, { type Entry, type ZipFile } from 'yauzl'

/** Largest embedded image served. */
export const MAX_PART_BYTES = 32 * 1024 * 1024

export type EmbeddedPart = { path: string; mediaType: string; bytes: number }

const openZip = (file: string): Promise<ZipFile> =>
  yauzl.openPromise(file, {
    lazyEntries: true,
    validateEntrySizes: true,
    decodeStrings: true,
    strictFileNames: true,
  })

/** Walk the central directory; `visit` returns true to stop. */
async function walk(
  file: string,
  maxEntries: number,
  visit: (zip: ZipFile, entry: Entry) => Promise<boolean>,
): Promise<void> {
  const zip = await openZip(file)
  try {
    if (zip.entryCount > maxEntries) throw new Error('too many entries')
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject)
      zip.on('end', () => resolve())
      zip.on('entry', (entry: Entry) => {
        visit(zip, entry).then((stop) => (stop ? resolve() : zip.readEntry()), reject)
      })
      zip.readEntry()
    })
  } finally {
    zip.close()
  }
}

export async function embeddedParts(file: string, maxEntries: number): Promise<EmbeddedPart[]> {
  const parts: EmbeddedPart[] = []
  await walk(file, maxEntries, async (_zip, entry) => {
    const mediaType = partMediaType(entry.fileName)
    if (mediaType && !entry.fileName.endsWith('/') && entry.uncompressedSize <= MAX_PART_BYTES)
      parts.push({ path: entry.fileName, mediaType, bytes: entry.uncompressedSize })
    return false
  })
  return parts
}

/** One image entry's bytes, or null when the original holds no such image. */
export async function readEmbeddedPart(
  file: string,
  path: string,
  maxEntries: number,
): Promise<{ bytes: Buffer; mediaType: string } | null> {
  const mediaType = partMediaType(path)
  if (!mediaType) return null
  let found: Buffer | null = null
  await walk(file, maxEntries, async (zip, entry) => {
    if (entry.fileName !== path) return false
    if (entry.uncompressedSize > MAX_PART_BYTES) return true
    const stream = await zip.openReadStreamPromise(entry)
    const chunks: Buffer[] = []
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk)
    found = Buffer.concat(chunks)
    return true
  })
  return found ? { bytes: found, mediaType } : null
}
