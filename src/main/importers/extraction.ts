/**
 * Where files are parsed: a pool of worker threads (the default) or in-process (no worker script, or
 * `limits.workers` 0; unit tests run from sources this way). Each file has a time limit; in a worker it also has a
 * memory ceiling, and a worker that hits either is terminated and replaced, so one bad file fails alone.
 */
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ImportLimits } from '../backend/context'
import { toFailure } from './errors'
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
  extract(path: string): Promise<ExtractOutcome>
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

const extractLimits = (limits: ImportLimits): ExtractLimits => ({
  maxFileBytes: limits.maxFileBytes,
  maxZipBytes: limits.maxZipBytes,
  maxZipEntries: limits.maxZipEntries,
})

/** Parse on the calling thread; the time limit only stops waiting (synchronous parsing cannot be interrupted). */
class InProcessExtraction implements Extraction {
  readonly concurrency = 1
  #cancelled = false
  constructor(private readonly limits: ImportLimits) {}

  async extract(path: string): Promise<ExtractOutcome> {
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
    const work = extractFile(path, extractLimits(this.limits)).then(
      (file): ExtractOutcome => ({ ok: true, file }),
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

type Task = { path: string; resolve: (outcome: ExtractOutcome) => void }
type Slot = {
  worker: Worker
  ready: boolean
  task: Task | null
  id: number
  timer?: NodeJS.Timeout
}

/**
 * A fixed-size pool of import workers, started lazily. A task is handed to a worker only once the worker reports
 * `ready` (modules loaded), so the time limit measures parsing, not start-up.
 */
export class WorkerPool implements Extraction {
  readonly concurrency: number
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
  ) {
    this.script = resolve(script)
    this.concurrency = Math.max(1, size)
    this.#memoryMb = workerMemoryMb(limits)
  }

  extract(path: string): Promise<ExtractOutcome> {
    if (this.#closed) return Promise.resolve({ ok: false, failure: CANCELLED })
    return new Promise((done) => {
      this.#queue.push({ path, resolve: done })
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
      workerData: { script: this.script },
      resourceLimits: {
        maxOldGenerationSizeMb: this.#memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(this.#memoryMb / 4))),
      },
      stdout: false,
      stderr: false,
    })
    const slot: Slot = { worker, ready: false, task: null, id: 0 }
    worker.on('message', (response: WorkerResponse) => {
      if ('ready' in response) {
        slot.ready = true
        this.#failedStarts = 0
        this.#pump()
        return
      }
      if (response.id !== slot.id || !slot.task) return
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

  #pump(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      const slot = this.#slots.find((s) => s.ready && s.task === null)
      if (!slot) {
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
        return
      }
      const task = this.#queue.shift() as Task
      slot.task = task
      slot.id = this.#nextId++
      slot.timer = setTimeout(
        () => this.#retire(slot, timeoutFailure(this.limits.timeoutMs)),
        this.limits.timeoutMs,
      )
      const request: WorkerRequest = {
        id: slot.id,
        path: task.path,
        limits: { ...extractLimits(this.limits), memoryMb: this.#memoryMb },
      }
      slot.worker.postMessage(request)
    }
  }

  #failQueue(reason: string): void {
    for (const task of this.#queue.splice(0)) task.resolve({ ok: false, failure: { reason } })
  }

  #finish(slot: Slot, outcome: ExtractOutcome): void {
    clearTimeout(slot.timer)
    const task = slot.task
    slot.task = null
    task?.resolve(outcome)
    this.#pump()
  }

  /** Remove a worker (timed out, crashed, out of memory): its task fails with `failure`; a fresh worker replaces it. */
  #retire(slot: Slot, failure: ExtractFailure): void {
    const index = this.#slots.indexOf(slot)
    if (index < 0) return
    this.#slots.splice(index, 1)
    clearTimeout(slot.timer)
    const task = slot.task
    slot.task = null
    void slot.worker.terminate()
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
      slot.task?.resolve({ ok: false, failure: CANCELLED })
    }
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }
}

/** The extraction a backend should use: workers when a worker script exists and `limits.workers` > 0. */
export function createExtraction(
  limits: ImportLimits,
  workerScript: string | undefined,
): Extraction {
  if (!workerScript || limits.workers <= 0) return new InProcessExtraction(limits)
  const size = Math.max(1, Math.min(limits.workers, availableParallelism()))
  return new WorkerPool(workerScript, size, limits)
}
