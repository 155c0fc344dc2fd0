/**
 * The bounded pre-pass every ZIP-based format (EPUB, DOCX) goes through before JSZip or mammoth sees it
 * (SECURITY.md §2). The central directory lies, so each entry is inflated through a byte counter: the real total
 * may not pass `maxZipBytes`, the entry count may not pass `maxZipEntries`. Entry names that escape the archive
 * (`..`, absolute, drive letters, backslashes) are rejected, and so are nested archives (EPUB) — except Office
 * embeddings in DOCX, which are counted but never opened. XML entries are scanned for entity declarations.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { formatBytes, ImportError } from './errors'
import type { ExtractLimits } from './types'

export type ZipKind = 'EPUB' | 'DOCX'

export type ZipSurvey = {
  /** Entry names, in archive order. */
  names: string[]
  /** Sum of real inflated bytes. */
  inflatedBytes: number
  /** XML entries that declare entities (`<!ENTITY`): never expanded, reported so callers can refuse or warn. */
  entityDeclarations: string[]
}

const ARCHIVE_NAME = /\.(?:zip|epub|docx|xlsx|pptx|odt|ods|odp|jar|gz|tgz|bz2|xz|7z|rar|zst|cab)$/i
const XML_NAME = /\.(?:xml|rels|opf|ncx|xhtml|html|htm|svg|smil)$/i
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

const openZip = (buffer: Buffer): Promise<ZipFile> =>
  yauzl.fromBufferPromise(buffer, {
    lazyEntries: true,
    validateEntrySizes: true,
    decodeStrings: true,
    strictFileNames: true,
  })

/** A readable description of yauzl's complaints about names. */
function nameError(kind: ZipKind, message: string): ImportError | null {
  const m = /^(invalid characters in fileName|absolute path|invalid relative path): (.*)$/.exec(
    message,
  )
  if (!m) return null
  return new ImportError(
    `${kind} rejected: unsafe entry name "${(m[2] ?? '').slice(0, 200)}" (it points outside the archive)`,
  )
}

/**
 * Walk and inflate every entry within the limits. Throws ImportError naming the limit (`maxZipBytes`,
 * `maxZipEntries`) or the unsafe name; returns what it saw.
 */
export async function surveyZip(
  bytes: Uint8Array,
  kind: ZipKind,
  limits: ExtractLimits,
): Promise<ZipSurvey> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let zip: ZipFile
  try {
    zip = await openZip(buffer)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw (
      nameError(kind, message) ??
      new ImportError(`not a valid ${kind}: damaged ZIP archive (${message.slice(0, 120)})`)
    )
  }
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close()
    throw new ImportError(
      `${kind} has ${zip.entryCount.toLocaleString('en')} entries, over the ${limits.maxZipEntries.toLocaleString('en')} entry limit (maxZipEntries)`,
      'maxZipEntries',
    )
  }
  const survey: ZipSurvey = { names: [], inflatedBytes: 0, entityDeclarations: [] }
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown): void => {
        const message = error instanceof Error ? error.message : String(error)
        if (error instanceof ImportError) reject(error)
        else if (/too many bytes|too few bytes/.test(message))
          reject(
            new ImportError(
              `${kind} rejected: an entry inflates to a different size than it declares (zip bomb?)`,
            ),
          )
        else
          reject(
            nameError(kind, message) ??
              new ImportError(
                `not a valid ${kind}: damaged ZIP archive (${message.slice(0, 120)})`,
              ),
          )
      }
      zip.on('error', fail)
      zip.on('end', () => resolve())
      zip.on('entry', (entry: Entry) => {
        survey.names.push(entry.fileName)
        if (entry.fileName.endsWith('/')) {
          zip.readEntry()
          return
        }
        const nestedAllowed = kind === 'DOCX' && /^word\/embeddings\//i.test(entry.fileName)
        if (ARCHIVE_NAME.test(entry.fileName) && !nestedAllowed) {
          fail(
            new ImportError(
              `${kind} rejected: it contains another archive ("${entry.fileName.slice(0, 200)}")`,
            ),
          )
          return
        }
        inflateEntry(zip, entry, kind, limits, survey, nestedAllowed).then(
          () => zip.readEntry(),
          fail,
        )
      })
      zip.readEntry()
    })
  } finally {
    zip.close()
  }
  return survey
}

async function inflateEntry(
  zip: ZipFile,
  entry: Entry,
  kind: ZipKind,
  limits: ExtractLimits,
  survey: ZipSurvey,
  nestedAllowed: boolean,
): Promise<void> {
  const stream = await zip.openReadStreamPromise(entry)
  const scanXml = XML_NAME.test(entry.fileName)
  let tail = ''
  let first = true
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first) {
        first = false
        if (!nestedAllowed && ZIP_MAGIC.every((b, i) => chunk[i] === b))
          throw new ImportError(
            `${kind} rejected: it contains another archive ("${entry.fileName.slice(0, 200)}")`,
          )
      }
      survey.inflatedBytes += chunk.length
      if (survey.inflatedBytes > limits.maxZipBytes) {
        throw new ImportError(
          `${kind} inflates past the ${formatBytes(limits.maxZipBytes)} limit for unpacked archives (maxZipBytes; zip bomb?)`,
          'maxZipBytes',
        )
      }
      if (scanXml) {
        const text = tail + chunk.toString('latin1')
        if (text.includes('<!ENTITY') && !survey.entityDeclarations.includes(entry.fileName))
          survey.entityDeclarations.push(entry.fileName)
        tail = text.slice(-8)
      }
    }
  } finally {
    stream.destroy()
  }
}
