/**
 * The import pipeline: walk → size check → extract (worker pool, off the main thread) → write (grouped
 * transactions, one savepoint per file) → report. One broken file fails alone with its reason; cancellation stops
 * new work and keeps what finished. The main thread only stats, posts paths and writes rows, and it yields between
 * write groups, so its event loop stays responsive during large imports.
 */
import type { ImportFileResult, ImportReport } from '@shared/contract'
import type { ChangeSink, Db, ImportLimits } from '../core/context'
import type { ProgressUpdate } from '../core/job-runner'
import type { Logger } from '../platform/logger'
import { fileTooLarge } from './errors'
import { CANCELLED, createExtraction, type ExtractOutcome } from './extraction'
import { detectMissingLanguage } from './language'
import { beginBulkIndexing, finishBulkIndexing, type WriteEntry, writeGroup } from './store'
import { cleanStagedUploads, incomingDirFor } from './uploads'
import { collectFiles, realRoots, type WalkFile } from './walk'

export type ImportOptions = {
  paths: string[]
  tags?: string[]
  jobId?: string | null
  signal?: AbortSignal
  progress?: (update: ProgressUpdate) => void
  /** Filled with where the time went (benchmarks): main-thread stages and the workers' summed phases. */
  timings?: ImportTimings
  /** Keep each file as an original in the library (default true; the originals benchmark measures without). */
  keepOriginals?: boolean
}

/** Milliseconds per stage. Worker phases are summed over files (they overlap in time when the pool has 2+ workers). */
export type ImportTimings = {
  walkMs: number
  writeMs: number
  writeGroups: number
  readMs: number
  parseMs: number
  hashMs: number
  /** Language detection and stem pairs in the workers (summed). */
  deriveMs: number
  pages: number
}

export const emptyTimings = (): ImportTimings => ({
  walkMs: 0,
  writeMs: 0,
  writeGroups: 0,
  readMs: 0,
  parseMs: 0,
  hashMs: 0,
  deriveMs: 0,
  pages: 0,
})

/**
 * Writes are grouped: one transaction (one fsync) per group, each file a savepoint inside it. A group waits up to
 * GROUP_WAIT_MS for GROUP_MIN results to gather, then writes for at most GROUP_BUDGET_MS or GROUP_BUDGET_CHARS of text
 * (FTS indexing is the cost) and yields to the event loop before the next group.
 */
const GROUP_MIN = 32
const GROUP_WAIT_MS = 20
const GROUP_BUDGET_MS = 25
/**
 * FTS5 indexes at commit, roughly 0.1–0.3 ms per KB of text here: about 100 KB keeps a commit near 25 ms. Measured
 * and kept: 64 KB made 50 % more groups (621 vs 420 for 3,467 files) without lowering the event-loop p99 (62.8 vs
 * 68.3 ms in the same loaded run); larger groups save only fsyncs (~0.5 ms each here) and lengthen every commit.
 */
const GROUP_BUDGET_CHARS = 100_000
/**
 * Back-pressure: workers parse faster than FTS indexes, so extraction pauses while this much extracted text (and
 * HTML) waits to be written. Bounds memory whatever the batch size.
 */
const MAX_PENDING_CHARS = 32 * 1024 * 1024
/**
 * Bytes of input files handed to the workers and not yet back: with several files queued per worker
 * (WORKER_QUEUE_DEPTH), this bounds the memory their results can take before back-pressure sees them. At least one
 * file per worker is always in flight, whatever its size.
 */
const MAX_IN_FLIGHT_BYTES = 16 * 1024 * 1024

/** Batches of at least this many files use the bulk FTS5 merge policy (see `beginBulkIndexing` in store.ts). */
const BULK_FILES = 64

/**
 * Batches of at least this many files have an undeclared language detected in the import workers rather than on the
 * main thread. Each import starts its own workers, and eld's database takes each one ~1.5–2 s and 31 MB of heap to
 * load (measured 2026-12-06 at load ~8: 1,974 / 1,440 / 1,535 ms), where the main thread loads it once per process;
 * but detecting costs the main thread ~2.4 ms per file (profile of the 3,458 White House .txt files: 8.2 s of its
 * 48 s busy) and its first load blocks the event loop. Small batches keep the main thread's copy.
 */
const WORKER_LANGUAGE_FILES = BULK_FILES

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Count results into the report shape. */
export function toReport(results: ImportFileResult[]): ImportReport {
  const report: ImportReport = {
    imported: 0,
    duplicates: 0,
    updated: 0,
    failed: 0,
    skipped: 0,
    results,
  }
  for (const r of results) {
    if (r.status === 'imported') report.imported++
    else if (r.status === 'duplicate') report.duplicates++
    else if (r.status === 'updated') report.updated++
    else if (r.status === 'failed') report.failed++
    else report.skipped++
  }
  return report
}

/** What an import needs of the backend (the backend context provides all of it). */
export type ImportDeps = {
  /** Read at each use: the connection's holder may replace it (restore waits for imports, but reads stay fresh). */
  readonly db: Db
  limits: ImportLimits
  libraryDir: string
  /** When set, paths must lie under one of these folders (web host). */
  importRoots?: string[]
  /** The built import worker; absent = parse in-process. */
  workerScript?: string
  log: Logger
  changed: ChangeSink
}

/** Run one import batch to the end (or until `signal` aborts). Never throws for a bad file. */
export async function runImport(
  backend: ImportDeps,
  options: ImportOptions,
): Promise<ImportReport> {
  const { signal, progress } = options
  const jobId = options.jobId ?? null
  const tags = options.tags ?? []
  const limits = backend.limits

  const timings = options.timings
  const walkStarted = performance.now()
  progress?.({ step: 'Scanning', done: 0, total: 0, bytesDone: 0, bytesTotal: 0 })
  const roots = await realRoots(backend.importRoots)
  const incomingDir = incomingDirFor(backend.libraryDir)
  const walked = await collectFiles(options.paths, {
    roots,
    signal,
    onFolder: (current, found) =>
      progress?.({ step: 'Scanning', done: 0, total: found, bytesDone: 0, bytesTotal: 0, current }),
  })

  if (timings) timings.walkMs += performance.now() - walkStarted
  const total = walked.files.length + walked.problems.length
  const bytesTotal = walked.files.reduce((sum, f) => sum + f.size, 0)
  const results: ImportFileResult[] = []
  let bytesDone = 0
  let current: string | undefined
  const report = (): void =>
    progress?.({ step: 'Importing', done: results.length, total, bytesDone, bytesTotal, current })

  // Writes: a queue drained in groups; between groups the event loop runs.
  const pending: { entry: WriteEntry; bytes: number; chars: number }[] = walked.problems.map(
    (p) => ({
      entry: {
        kind: 'log',
        item: { path: p.path, size: null, status: p.status, reason: p.reason, jobId },
      },
      bytes: 0,
      chars: 0,
    }),
  )
  let pendingChars = 0
  let wrote = false
  let flushing: Promise<void> | null = null
  let waitTimer: NodeJS.Timeout | undefined
  let draining = false
  const flush = async (): Promise<void> => {
    while (pending.length > 0) {
      const writeStarted = performance.now()
      const written = writeGroup(
        backend.db,
        pending.map((p) => p.entry),
        (error) => backend.log.error('import: a file could not be stored', error),
        GROUP_BUDGET_MS,
        GROUP_BUDGET_CHARS,
      )
      if (timings) {
        timings.writeMs += performance.now() - writeStarted
        timings.writeGroups++
      }
      const group = pending.splice(0, written.length)
      for (const g of group) pendingChars -= g.chars
      for (const [i, r] of written.entries()) {
        results.push(r)
        bytesDone += group[i]?.bytes ?? 0
        if (r.status === 'imported' || r.status === 'updated') wrote = true
      }
      report()
      await tick()
      // Between groups, wait for a fuller group unless the extraction is over.
      if (!draining && pending.length < GROUP_MIN) break
    }
  }
  const scheduleFlush = (): void => {
    if (flushing) return
    const start = (): void => {
      clearTimeout(waitTimer)
      waitTimer = undefined
      flushing ??= flush().finally(() => {
        flushing = null
        if (pending.length > 0) scheduleFlush()
      })
    }
    if (draining || pending.length >= GROUP_MIN) start()
    else waitTimer ??= setTimeout(start, GROUP_WAIT_MS)
  }

  if (walked.files.length >= BULK_FILES) {
    try {
      beginBulkIndexing(backend.db)
    } catch (error) {
      // Only a speed setting: the import goes on with FTS5's default merging.
      backend.log.error('import: could not switch the search index to bulk merging', error)
    }
  }
  // Stem pairs always come from the extraction; the language too in bulk (see WORKER_LANGUAGE_FILES).
  const languageInWorkers = walked.files.length >= WORKER_LANGUAGE_FILES
  const extraction = createExtraction(limits, backend.workerScript, {
    ...(options.keepOriginals === false ? {} : { libraryDir: backend.libraryDir }),
    detectLanguage: languageInWorkers,
    stemPairs: true,
  })
  const onAbort = (): void => extraction.cancel()
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    scheduleFlush()
    const queue = walked.files
    let next = 0
    const inFlight = new Set<Promise<void>>()
    let inFlightBytes = 0
    const handle = (file: WalkFile, outcome: ExtractOutcome): void => {
      if (outcome.ok) {
        if (timings) {
          timings.readMs += outcome.file.timings.readMs
          timings.parseMs += outcome.file.timings.parseMs
          timings.hashMs += outcome.file.timings.hashMs
          timings.deriveMs += outcome.file.timings.deriveMs ?? 0
          timings.pages += outcome.file.pages
        }
        const chars = outcome.file.text.length + (outcome.file.html?.length ?? 0)
        pendingChars += chars
        pending.push({
          entry: {
            kind: 'store',
            item: {
              path: file.path,
              size: outcome.file.size,
              file: outcome.file,
              tags,
              jobId,
              incomingDir,
            },
          },
          bytes: file.size,
          chars,
        })
      } else if (outcome.failure !== CANCELLED) {
        pending.push({
          entry: {
            kind: 'log',
            item: {
              path: file.path,
              size: file.size,
              status: outcome.failure.skip ? 'skipped' : 'failed',
              reason: outcome.failure.reason,
              format: outcome.failure.format ?? null,
              jobId,
            },
          },
          bytes: file.size,
          chars: 0,
        })
      }
      scheduleFlush()
    }
    // Keep each worker fed with files waiting behind the one it parses (see WORKER_QUEUE_DEPTH).
    const window = extraction.concurrency * extraction.depth
    while (next < queue.length && !signal?.aborted) {
      const file = queue[next++] as WalkFile
      if (file.size > limits.maxFileBytes) {
        handle(file, {
          ok: false,
          failure: {
            reason: fileTooLarge(file.size, limits.maxFileBytes).message,
            limit: 'maxFileBytes',
          },
        })
        continue
      }
      current = file.path
      inFlightBytes += file.size
      const task: Promise<void> = extraction.extract(file.path).then(async (outcome) => {
        if (outcome.ok && !languageInWorkers) await detectMissingLanguage(outcome.file)
        inFlight.delete(task)
        inFlightBytes -= file.size
        handle(file, outcome)
      })
      inFlight.add(task)
      while (
        inFlight.size >= window ||
        (inFlight.size >= extraction.concurrency && inFlightBytes > MAX_IN_FLIGHT_BYTES)
      )
        await Promise.race(inFlight)
      while (pendingChars > MAX_PENDING_CHARS && !signal?.aborted) {
        scheduleFlush()
        await (flushing ?? tick())
      }
      // Writes run between extractions; let a pending flush start before more files are queued.
      if (extraction.concurrency === 1) await tick()
    }
    await Promise.all(inFlight)
    draining = true
    while (flushing || pending.length > 0) {
      if (!flushing) scheduleFlush()
      await flushing
    }
  } finally {
    clearTimeout(waitTimer)
    signal?.removeEventListener('abort', onAbort)
    await extraction.close()
    try {
      await finishBulkIndexing(backend.db, tick, !signal?.aborted)
    } catch (error) {
      // The documents are stored; later writes merge the index as FTS5 normally does.
      backend.log.error('import: could not finish merging the search index', error)
    }
  }
  current = undefined
  // Staged browser uploads have served their purpose once imported (or refused): incoming/ must not grow forever.
  await cleanStagedUploads(
    incomingDir,
    results.map((r) => r.path),
  )
  report()
  if (wrote) backend.changed(['documents', 'tags'])
  return toReport(results)
}
