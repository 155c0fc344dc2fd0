/**
 * Re-extraction (`lectern reextract`, documents.reextract): run today's extractors on the stored originals and
 * replace each document's extracted content, re-anchoring its quotes. Documents without a kept original are skipped
 * with the reason; a missing or unreadable original fails alone, and the document keeps its current text.
 */
import type { DocumentId, ImportFileResult, ImportReport } from '@shared/contract'
import type { ProgressUpdate } from '../core/job-runner'
import { createExtraction } from '../importers/extraction'
import { originalPath } from '../importers/original-files'
import { type ImportDeps, toReport } from '../importers/pipeline'
import { storeFailure, writeReextracted } from '../importers/store'
import type { ExtractedFile } from '../importers/types'
import { originalsRepository, type ReextractTarget } from './originals.repository'

export type ReextractOptions = {
  ids?: DocumentId[]
  all?: boolean
  signal?: AbortSignal
  progress?: (update: ProgressUpdate) => void
}

/** Documents written per transaction. */
const GROUP = 32

type Target = ReextractTarget

function targets(backend: ReextractDeps, options: ReextractOptions): Target[] {
  if (options.all) return originalsRepository.reextractTargets(backend.db)
  const ids = [...new Set(options.ids ?? [])]
  return ids.map(
    (id) =>
      originalsRepository.reextractTarget(backend.db, id) ?? {
        id,
        title: '',
        file_name: null,
        source_path: null,
        sha256: null,
        ext: null,
        bytes: null,
      },
  )
}

/** What re-extraction needs of the backend: what an import needs, without import roots. */
export type ReextractDeps = Omit<ImportDeps, 'importRoots'>

export async function runReextract(
  backend: ReextractDeps,
  options: ReextractOptions,
): Promise<ImportReport> {
  const list = targets(backend, options)
  const results: ImportFileResult[] = []
  const bytesTotal = list.reduce((sum, t) => sum + (t.bytes ?? 0), 0)
  let bytesDone = 0
  const report = (current?: string): void =>
    options.progress?.({
      step: 'Re-extracting',
      done: results.length,
      total: list.length,
      bytesDone,
      bytesTotal,
      current,
    })
  const extraction = createExtraction(backend.limits, backend.workerScript)
  const onAbort = (): void => extraction.cancel()
  options.signal?.addEventListener('abort', onAbort, { once: true })
  let wrote = false
  const pending: { target: Target; label: string; file: ExtractedFile }[] = []
  // Writes are grouped like an import's: one transaction (one fsync) per group, each document in its own savepoint,
  // so one that cannot be stored fails alone.
  const flush = (): void => {
    const group = pending.splice(0)
    if (group.length === 0) return
    const mark = results.length
    try {
      writeAll(group)
    } catch (error) {
      // The group's transaction could not commit (disk full): nothing of it was kept.
      backend.log.error('reextract: a group of documents could not be stored', error)
      results.length = mark
      for (const { target, label } of group)
        results.push({
          path: label,
          status: 'failed',
          documentId: target.id,
          title: target.title,
          error: storeFailure(error),
        })
    }
  }
  const writeAll = (group: typeof pending): void => {
    backend.db.transaction(() => {
      for (const { target, label, file } of group) {
        try {
          const written = backend.db.transaction(() =>
            writeReextracted(backend.db, target.id, file),
          )()
          wrote = true
          results.push({
            path: label,
            status: 'updated',
            documentId: target.id,
            format: file.format,
            ...written,
          })
        } catch (error) {
          backend.log.error(`reextract: document ${target.id} could not be stored`, error)
          results.push({
            path: label,
            status: 'failed',
            documentId: target.id,
            title: target.title,
            error: storeFailure(error),
          })
        }
      }
    })()
  }
  try {
    const inFlight = new Set<Promise<void>>()
    const window = extraction.concurrency * extraction.depth
    for (const target of list) {
      if (options.signal?.aborted) break
      const label = target.file_name ?? `document ${target.id}`
      if (!target.title) {
        results.push({
          path: label,
          status: 'failed',
          documentId: target.id,
          error: 'no such document',
        })
        continue
      }
      if (!target.sha256 || !target.ext) {
        results.push({
          path: label,
          status: 'skipped',
          documentId: target.id,
          title: target.title,
          error:
            'no original kept (imported before Lectern kept originals): re-import the file to keep it',
        })
        continue
      }
      const file = originalPath(backend.libraryDir, target.sha256, target.ext)
      // Read as the file it was imported as (format, fallback title, the folder a generic name is titled by), not as
      // its hash name.
      const name = target.source_path ?? target.file_name ?? `${target.title}.${target.ext}`
      const task: Promise<void> = extraction.extract(file, name).then((outcome) => {
        inFlight.delete(task)
        bytesDone += target.bytes ?? 0
        if (!outcome.ok) {
          if (outcome.failure.reason === 'cancelled') return
          const missing = /ENOENT|no such file/i.test(outcome.failure.reason)
          results.push({
            path: label,
            status: 'failed',
            documentId: target.id,
            title: target.title,
            error: missing
              ? 'the stored original is missing (see `lectern check`); the document keeps its text'
              : outcome.failure.reason,
          })
        } else {
          pending.push({ target, label, file: outcome.file })
          if (pending.length >= GROUP) flush()
        }
        report(label)
      })
      inFlight.add(task)
      while (inFlight.size >= window) await Promise.race(inFlight)
    }
    await Promise.all(inFlight)
    flush()
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
    await extraction.close()
  }
  report()
  if (wrote) backend.changed(['documents', 'quotes'])
  return toReport(results)
}
