/**
 * Where files are parsed: a pool of worker threads (the default) or in-process (no worker script, or
 * `limits.workers` 0; unit tests run from sources this way). Each file has a time limit; in a worker it also has a
 * memory ceiling, and a worker that hits either is terminated and replaced, so one bad file fails alone.
 */
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ImportLimits } from '../core/context'
import { toFailure } from './errors'
import { receivePairs } from './stem-dictionary'
import type {
  ExtractedFile,
  ExtractFailure,
  ExtractLimits,
  WorkerRequest,
  WorkerResponse,
} from './types'

export type ExtractOutcome =
  | { ok: true; file: ExtractedFile }
  | { ok: false; failure: ExtractFailure }

export interface Extraction {
  /** How many files may usefully be in flight at once. */
  readonly concurrency: number
  /** How many files the caller should keep in flight per unit of concurrency to keep every parser busy. */
  readonly depth: number
  /** `name`: read the file as if so named (format, title fallback): re-extraction of a stored original. */
  extract(path: string, name?: string): Promise<ExtractOutcome>
  /** Stop work in progress (cancellation): pending and running extractions resolve as cancelled failures. */
  cancel(): void
  close(): Promise<void>
}

export const CANCELLED: ExtractFailure = { reason: 'cancelled' }

const MB = 1024 * 1024

/** The memory ceiling of one worker: room for a file at the size limit several times over (decode, text, HTML). */
export function workerMemoryMb(limits: ImportLimits): number {
  return limits.workerMemoryMb ?? Math.max(768, Math.ceil((limits.maxFileBytes / MB) * 6))
}

function timeoutFailure(ms: number): ExtractFailure {
  const seconds = ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`
  return {
    reason: `reading it took longer than the ${seconds} time limit (timeoutMs)`,
    limit: 'timeoutMs',
  }
}

/** What an extraction does besides extracting: keep the original, detect the language, stem (extract.ts). */
export type ExtractOptions = Pick<ExtractLimits, 'libraryDir' | 'detectLanguage' | 'stemPairs'>

const extractLimits = (limits: ImportLimits, options: ExtractOptions): ExtractLimits => ({
  maxFileBytes: limits.maxFileBytes,
  maxZipBytes: limits.maxZipBytes,
  maxZipEntries: limits.maxZipEntries,
  ...(options.libraryDir ? { libraryDir: options.libraryDir } : {}),
  ...(options.detectLanguage ? { detectLanguage: true } : {}),
  ...(options.stemPairs ? { stemPairs: true } : {}),
})

/** Parse on the calling thread; the time limit only stops waiting (synchronous parsing cannot be interrupted). */
class InProcessExtraction implements Extraction {
  readonly concurrency = 1
  readonly depth = 2
  #cancelled = false
  constructor(
    private readonly limits: ImportLimits,
    private readonly options: ExtractOptions,
  ) {}

  async extract(path: string, name?: string): Promise<ExtractOutcome> {
    if (this.#cancelled) return { ok: false, failure: CANCELLED }
    // Loaded on first use: the extractors pull in jsdom, pdf.js and mammoth, which a main process need not load.
    const { extractFile } = await import('./extract')
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<ExtractOutcome>((done) => {
      timer = setTimeout(
        () => done({ ok: false, failure: timeoutFailure(this.limits.timeoutMs) }),
        this.limits.timeoutMs,
      )
    })
    const work = extractFile(path, extractLimits(this.limits, this.options), name).then(
      (file): ExtractOutcome => {
        if (file.stems) receivePairs(file.stems)
        return { ok: true, file }
      },
      (error): ExtractOutcome => ({ ok: false, failure: toFailure(error) }),
    )
    try {
      return await Promise.race([work, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  cancel(): void {
    this.#cancelled = true
  }

  async close(): Promise<void> {}
}

type Task = { path: string; name?: string; id: number; resolve: (outcome: ExtractOutcome) => void }
type Slot = {
  worker: Worker
  ready: boolean
  /** Tasks posted to this worker, in the order it runs them; the first one is being parsed. */
  tasks: Task[]
  timer?: NodeJS.Timeout
}

/**
 * Files posted to one worker ahead of the one it parses. Measured (scripts/bench/import.ts, 3,467 .txt files): with
 * one file per worker, the workers sat idle ~60 % of the time, because the main thread, busy committing a write group
 * (FTS5 indexing, 10–50 ms), could not hand them the next file. A few files queued inside each worker keep them parsing
 * through a commit. The time limit still applies per file: its clock starts when the file reaches the head of the
 * worker's queue (never earlier), and a worker killed for one file hands its queued files back to the pool, so one
 * bad file still fails alone. Measured, 3,467 .txt files, pool of 2, three interleaved pairs on the shared machine:
 * depth 1 (one file per worker, as before) 398 / 401 / 469 files/s, depth 3: 457 / 456 / 586 files/s (+14 % median,
 * every pair); depth 2 was no better than 1 in its run; depth 16 no better than 3 (389/390 vs 396/403 files/s pool
 * of 2, 468/441 vs 413/444 one worker) with a worse event-loop p99 (49–57 vs 43–48 ms) and +60 MB RSS. Beyond 3 the
 * main thread's writes are the limit (see store.ts).
 */
export const WORKER_QUEUE_DEPTH = 3

/** Node flags that load module hooks, each followed by its module (also accepted as `--flag=module`). */
const MODULE_HOOK_FLAGS = new Set([
  '--import',
  '--require',
  '-r',
  '--loader',
  '--experimental-loader',
])

/**
 * The parent's Node flags without its module hooks, for a built worker (plain JavaScript, no loader needed). A worker
 * inherits its parent's flags, so under a TypeScript runner (tsx: the benchmarks, scripts) every module it loads
 * went through the runner's transform: measured 2026-12-06, a built worker took 2.0–2.7 s of CPU to start under tsx
 * against 1.4 s without, and eld's 1.5 MB database module was transformed again at its first use. Other flags
 * (--cpu-prof, memory options) are kept.
 */
export function withoutModuleHooks(execArgv: readonly string[]): string[] {
  const kept: string[] = []
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string
    if (MODULE_HOOK_FLAGS.has(arg)) {
      i++
      continue
    }
    if (MODULE_HOOK_FLAGS.has(arg.split('=')[0] as string) && arg.includes('=')) continue
    kept.push(arg)
  }
  return kept
}

/**
 * A fixed-size pool of import workers, started lazily. A task is handed to a worker only once the worker reports
 * `ready` (modules loaded), so the time limit measures parsing, not start-up.
 */
export class WorkerPool implements Extraction {
  readonly concurrency: number
  /** Each worker's queue, plus one file waiting in the pool to refill it. */
  readonly depth = WORKER_QUEUE_DEPTH + 1
  private readonly script: string
  #slots: Slot[] = []
  #queue: Task[] = []
  #nextId = 1
  #closed = false
  /** Workers that died before they were ready, in a row: a broken install must fail the queue, not spin. */
  #failedStarts = 0
  readonly #memoryMb: number

  constructor(
    script: string,
    size: number,
    private readonly limits: ImportLimits,
    private readonly options: ExtractOptions = {},
  ) {
    this.script = resolve(script)
    this.concurrency = Math.max(1, size)
    this.#memoryMb = workerMemoryMb(limits)
  }

  extract(path: string, name?: string): Promise<ExtractOutcome> {
    if (this.#closed) return Promise.resolve({ ok: false, failure: CANCELLED })
    return new Promise((done) => {
      this.#queue.push({ path, ...(name ? { name } : {}), id: 0, resolve: done })
      this.#pump()
    })
  }

  #spawn(): Slot {
    // Sources (tests, benchmarks from the repo): the worker registers tsx's require hook, then loads the .ts entry.
    const fromSource = this.script.endsWith('.ts')
    const entry = fromSource
      ? "require('tsx/cjs'); require(require('node:worker_threads').workerData.script)"
      : this.script
    const worker = new Worker(entry, {
      eval: fromSource,
      ...(fromSource ? {} : { execArgv: withoutModuleHooks(process.execArgv) }),
      workerData: { script: this.script },
      resourceLimits: {
        maxOldGenerationSizeMb: this.#memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(this.#memoryMb / 4))),
      },
      stdout: false,
      stderr: false,
    })
    const slot: Slot = { worker, ready: false, tasks: [] }
    worker.on('message', (response: WorkerResponse) => {
      if ('ready' in response) {
        slot.ready = true
        this.#failedStarts = 0
        this.#pump()
        return
      }
      // Recorded as answers arrive, in the worker's order, whatever becomes of this file (stem-dictionary.ts).
      if (response.ok && response.file.stems) receivePairs(response.file.stems)
      if (response.id !== slot.tasks[0]?.id) return
      this.#finish(
        slot,
        response.ok ? { ok: true, file: response.file } : { ok: false, failure: response.failure },
      )
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const failure: ExtractFailure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? {
              reason: `reading it needed more than the ${this.#memoryMb} MB memory ceiling for one file (workerMemoryMb)`,
              limit: 'memory',
            }
          : toFailure(error)
      this.#retire(slot, failure)
    })
    worker.on('exit', () =>
      this.#retire(slot, { reason: 'the import worker stopped unexpectedly' }),
    )
    this.#slots.push(slot)
    return slot
  }

  /** The time limit of the file at the head of a worker's queue, from now. */
  #startClock(slot: Slot): void {
    clearTimeout(slot.timer)
    slot.timer = undefined
    if (slot.tasks.length === 0) return
    slot.timer = setTimeout(
      () => this.#retire(slot, timeoutFailure(this.limits.timeoutMs)),
      this.limits.timeoutMs,
    )
  }

  #pump(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      // The ready worker with the shortest queue, if any has room.
      let slot: Slot | undefined
      for (const s of this.#slots)
        if (
          s.ready &&
          s.tasks.length < WORKER_QUEUE_DEPTH &&
          (!slot || s.tasks.length < slot.tasks.length)
        )
          slot = s
      if (!slot || slot.tasks.length > 0) {
        // Start another worker when all are busy or starting, the pool has room, and work is waiting for it.
        let starting = this.#slots.filter((s) => !s.ready).length
        while (this.#slots.length < this.concurrency && starting < this.#queue.length) {
          try {
            this.#spawn()
            starting++
          } catch (error) {
            this.#failQueue(
              `the import worker could not start (${error instanceof Error ? error.message : String(error)})`,
            )
            return
          }
        }
        if (!slot) return
      }
      const task = this.#queue.shift() as Task
      task.id = this.#nextId++
      slot.tasks.push(task)
      if (slot.tasks.length === 1) this.#startClock(slot)
      const request: WorkerRequest = {
        id: task.id,
        path: task.path,
        ...(task.name ? { name: task.name } : {}),
        limits: { ...extractLimits(this.limits, this.options), memoryMb: this.#memoryMb },
      }
      slot.worker.postMessage(request)
    }
  }

  #failQueue(reason: string): void {
    for (const task of this.#queue.splice(0)) task.resolve({ ok: false, failure: { reason } })
  }

  #finish(slot: Slot, outcome: ExtractOutcome): void {
    const task = slot.tasks.shift()
    this.#startClock(slot)
    task?.resolve(outcome)
    this.#pump()
  }

  /**
   * Remove a worker (timed out, crashed, out of memory): the file it was parsing fails with `failure`; files queued
   * behind it go back to the front of the pool's queue; a fresh worker replaces it.
   */
  #retire(slot: Slot, failure: ExtractFailure): void {
    const index = this.#slots.indexOf(slot)
    if (index < 0) return
    this.#slots.splice(index, 1)
    clearTimeout(slot.timer)
    const [task, ...waiting] = slot.tasks.splice(0)
    void slot.worker.terminate()
    if (failure === CANCELLED) for (const t of waiting) t.resolve({ ok: false, failure })
    else this.#queue.unshift(...waiting)
    task?.resolve({ ok: false, failure })
    if (!slot.ready && !this.#closed && ++this.#failedStarts >= 3) {
      this.#failQueue(`the import worker could not start (${failure.reason})`)
      return
    }
    this.#pump()
  }

  cancel(): void {
    this.#closed = true
    for (const task of this.#queue.splice(0)) task.resolve({ ok: false, failure: CANCELLED })
    for (const slot of [...this.#slots]) this.#retire(slot, CANCELLED)
  }

  async close(): Promise<void> {
    this.#closed = true
    for (const task of this.#queue.splice(0)) task.resolve({ ok: false, failure: CANCELLED })
    const slots = this.#slots.splice(0)
    for (const slot of slots) {
      clearTimeout(slot.timer)
      for (const task of slot.tasks.splice(0)) task.resolve({ ok: false, failure: CANCELLED })
    }
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }
}

/**
 * The extraction a backend should use: workers when a worker script exists and `limits.workers` > 0. With
 * `options.libraryDir`, every file extracted successfully is also kept as an original in that library.
 */
export function createExtraction(
  limits: ImportLimits,
  workerScript: string | undefined,
  options: ExtractOptions = {},
): Extraction {
  if (!workerScript || limits.workers <= 0) return new InProcessExtraction(limits, options)
  const size = Math.max(1, Math.min(limits.workers, availableParallelism()))
  return new WorkerPool(workerScript, size, limits, options)
}
