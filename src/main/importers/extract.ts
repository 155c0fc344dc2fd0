/**
 * One file → one ExtractedFile: read (size-checked), detect, extract, hash. Runs inside an import worker, or
 * in-process when there is no worker script (unit tests, `limits.workers` 0).
 */
import { open } from 'node:fs/promises'
import type { DocumentFormat } from '@shared/contract'
import { detectFormat } from './detect'
import { fileTooLarge, ImportError } from './errors'
import type { Extractor } from './extractors/common'
import { extractDocx } from './extractors/docx'
import { extractEpub } from './extractors/epub'
import { extractHtml } from './extractors/html'
import { extractMarkdown } from './extractors/markdown'
import { extractPdf } from './extractors/pdf'
import { extractText } from './extractors/text'
import { contentHash, oneLine, wordCount } from './normalise'
import { cleanTags } from './tags'
import type { ExtractedFile, ExtractLimits } from './types'

export const EXTRACTORS: Record<DocumentFormat, Extractor> = {
  txt: extractText,
  md: extractMarkdown,
  html: extractHtml,
  pdf: extractPdf,
  epub: extractEpub,
  docx: extractDocx,
}

/** Read a whole file, refusing it before reading when it is over the size limit. */
export async function readLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    if (size > maxBytes) throw fileTooLarge(size, maxBytes)
    const bytes = await handle.readFile()
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) throw fileTooLarge(bytes.length, maxBytes)
    return bytes
  } finally {
    await handle.close()
  }
}

/** Extract one file from its bytes (already read). */
export async function extractBytes(bytes: Uint8Array, path: string, limits: ExtractLimits): Promise<ExtractedFile> {
  const format = detectFormat(bytes, path)
  const doc = await EXTRACTORS[format]({ bytes, path, limits })
  if (doc.text.includes('\u0000')) throw new ImportError('internal: extractor left NUL characters in the text')
  return {
    ...doc,
    title: oneLine(doc.title, 500) || 'Untitled',
    tags: cleanTags(doc.tags),
    contentHash: contentHash(doc.text, bytes),
    wordCount: wordCount(doc.text),
    size: bytes.length,
    pages: doc.pageStarts?.length ?? 1,
  }
}

/** Read and extract one file. */
export async function extractFile(path: string, limits: ExtractLimits): Promise<ExtractedFile> {
  const bytes = await readLimited(path, limits.maxFileBytes)
  return extractBytes(bytes, path, limits)
}
