/**
 * One file → one ExtractedFile: read (size-checked), detect, extract, hash. Runs inside an import worker, or
 * in-process when there is no worker script (unit tests, `limits.workers` 0).
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { getHeapStatistics } from 'node:v8'
import { isMainThread } from 'node:worker_threads'
import type { DocumentFormat } from '@shared/contract'
import { detectFormat } from './detect'
import { fileTooLarge, ImportError } from './errors'
import { type Extractor, fileTitle } from './extractors/common'
import { extractDocx } from './extractors/docx'
import { extractEpub } from './extractors/epub'
import { extractHtml } from './extractors/html'
import { extractMarkdown } from './extractors/markdown'
import { extractPdf } from './extractors/pdf'
import { extractText } from './extractors/text'
import { fileStems } from './file-stems'
import { detectMissingLanguage } from './language'
import { finishMetadata } from './metadata/finish'
import { contentHash, oneLine, wordCount } from './normalise'
import { keepOriginal } from './original-files'
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

/**
 * Read a whole file, refusing it before reading when it is over the size limit. In an import worker, synchronously:
 * the worker parses one file at a time and has nothing else to run meanwhile, and each asynchronous step (open, stat,
 * read, close) is a hop through libuv's thread pool and back, which on the White House .txt import cost the workers
 * more CPU than reading itself (profile 2026-12-06: openFileHandle, stat, fstat, close ~1.5 s per worker). On the
 * main thread (in-process extraction) reads stay asynchronous, so a large file never blocks its event loop.
 */
export async function readLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  if (!isMainThread) return readLimitedSync(path, maxBytes)
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

function readLimitedSync(path: string, maxBytes: number): Uint8Array {
  const fd = openSync(path, 'r')
  try {
    const { size } = fstatSync(fd)
    if (size > maxBytes) throw fileTooLarge(size, maxBytes)
    const bytes = readFileSync(fd)
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) throw fileTooLarge(bytes.length, maxBytes)
    return bytes
  } finally {
    closeSync(fd)
  }
}

/**
 * Heap a text format needs per byte of file: the decoded string, cleaned copies, the hash's normalised copy, and for
 * markup the DOM and HTML strings. Deliberately generous.
 */
const HEAP_PER_BYTE: Partial<Record<DocumentFormat, number>> = { txt: 6, md: 14, html: 14 }
const MB = 1024 * 1024

/**
 * Refuse a file that would need more heap than the worker's ceiling before allocating it. Node terminates a worker
 * that reaches its `resourceLimits` cleanly only when the heap grows in small steps; one huge allocation past the
 * limit aborts the whole process. So big, predictable allocations are checked here, and resourceLimits stays the
 * backstop for parsers that grow step by step.
 */
export function assertFitsMemory(
  format: DocumentFormat,
  bytes: number,
  memoryMb: number | undefined,
): void {
  const factor = HEAP_PER_BYTE[format]
  if (!memoryMb || !factor) return
  const need = bytes * factor
  const free = memoryMb * MB - getHeapStatistics().used_heap_size
  if (need > free)
    throw new ImportError(
      `reading it would need about ${Math.ceil(need / MB)} MB, over the ${memoryMb} MB memory ceiling for one file (workerMemoryMb)`,
      'memory',
    )
}

/** Extract one file from its bytes (already read). */
export async function extractBytes(
  bytes: Uint8Array,
  path: string,
  limits: ExtractLimits,
  readMs = 0,
): Promise<ExtractedFile> {
  const started = performance.now()
  const format = detectFormat(bytes, path)
  let doc: Awaited<ReturnType<Extractor>>
  try {
    assertFitsMemory(format, bytes.length, limits.memoryMb)
    doc = finishMetadata(await EXTRACTORS[format]({ bytes, path, limits }), fileTitle(path))
  } catch (error) {
    // The format is known by now: the import log records it with the failure.
    if (typeof error === 'object' && error !== null)
      (error as { format?: string }).format ??= format
    throw error
  }
  if (doc.text.includes('\u0000'))
    throw new ImportError('internal: extractor left NUL characters in the text')
  const parsed = performance.now()
  const hash = contentHash(doc.text, bytes)
  const words = wordCount(doc.text)
  return {
    ...doc,
    // An undeclared language is detected after extraction (extractFile with `detectLanguage`, or the pipeline).
    languageSource: doc.language ? 'declared' : null,
    title: oneLine(doc.title, 500) || 'Untitled',
    tags: cleanTags(doc.tags),
    contentHash: hash,
    wordCount: words,
    size: bytes.length,
    pages: doc.pageStarts?.length ?? 1,
    timings: { readMs, parseMs: parsed - started, hashMs: performance.now() - parsed },
  }
}

/**
 * Read and extract one file; `name` (default: `path`) is what the file is read as (format by extension, fallback
 * title), so a stored original `files/ab/abcd….pdf` re-extracts as the file it was imported from. With
 * `limits.libraryDir`, the bytes are kept as the document's original once extraction succeeded.
 */
export async function extractFile(
  path: string,
  limits: ExtractLimits,
  name: string = path,
): Promise<ExtractedFile> {
  const started = performance.now()
  const bytes = await readLimited(path, limits.maxFileBytes)
  const file = await extractBytes(bytes, name, limits, performance.now() - started)
  if (limits.libraryDir) file.original = await keepOriginal(limits.libraryDir, bytes, file.format)
  await deriveSearchData(file, limits)
  return file
}

/**
 * What the main thread would otherwise compute before writing the file (language detection, stem pairs), done
 * where the file was extracted when the pipeline asks: the main thread writes every document and is the import's
 * bottleneck, the workers wait on it (see pipeline.ts).
 */
async function deriveSearchData(file: ExtractedFile, limits: ExtractLimits): Promise<void> {
  if (!limits.detectLanguage && !limits.stemPairs) return
  const started = performance.now()
  if (limits.detectLanguage) await detectMissingLanguage(file)
  if (limits.stemPairs) {
    const stems = fileStems(file)
    if (stems) file.stems = stems
  }
  file.timings.deriveMs = performance.now() - started
}
