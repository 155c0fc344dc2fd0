import { randomUUID } from 'node:crypto'
import type {
  JobId,
  JobKind,
  JobOutcome,
  JobProgress,
  JobResults,
  JobTicket,
} from '@shared/contract'
import type { EventBus } from './event-bus'

export type ProgressUpdate = Omit<JobProgress, 'jobId' | 'kind'>

/** What a job's body receives: a cancellation signal and a progress reporter (VS Code's pattern, web types). */
export type JobControl = {
  jobId: JobId
  signal: AbortSignal
  progress: (update: ProgressUpdate) => void
}

/** Thrown (or returned) by a job body when it stops because of `signal`; carries what finished. */
export class JobCancelled<R = unknown> extends Error {
  constructor(readonly partial?: R) {
    super('cancelled')
    this.name = 'JobCancelled'
  }
}

type Running = {
  controller: AbortController
  last?: JobProgress
  done: Promise<JobOutcome>
}

const PROGRESS_INTERVAL_MS = 100 // about 10 events a second

/** Owns job ids, AbortControllers and progress throttling; emits exactly one `job.finished` per job. */
export class JobRunner {
  #running = new Map<JobId, Running>()
  #finished = new Map<JobId, JobOutcome>()

  constructor(private readonly events: EventBus) {}

  /** Run `body` as a job of `kind`; its result type is the kind's (JobResults in the contract). */
  start<K extends JobKind>(kind: K, body: (job: JobControl) => Promise<JobResults[K]>): JobTicket {
    const jobId = randomUUID() as JobId
    const controller = new AbortController()
    let lastSent = 0
    let pending: JobProgress | undefined
    let timer: NodeJS.Timeout | undefined
    const entry: Running = { controller, done: Promise.resolve(null as unknown as JobOutcome) }
    const flush = (): void => {
      if (timer) clearTimeout(timer)
      timer = undefined
      if (pending) {
        lastSent = Date.now()
        this.events.emit('job.progress', pending)
        pending = undefined
      }
    }
    const progress = (update: ProgressUpdate): void => {
      const event: JobProgress = { jobId, kind, ...update }
      entry.last = event
      pending = event
      const wait = PROGRESS_INTERVAL_MS - (Date.now() - lastSent)
      if (wait <= 0) flush()
      else timer ??= setTimeout(flush, wait)
    }
    entry.done = (async (): Promise<JobOutcome> => {
      // Let the caller receive the ticket (and subscribe) before the first event.
      await new Promise((resolve) => setImmediate(resolve))
      let outcome: JobOutcome
      try {
        const result = await body({ jobId, signal: controller.signal, progress })
        outcome = { jobId, kind, status: controller.signal.aborted ? 'cancelled' : 'done', result }
      } catch (error) {
        if (error instanceof JobCancelled)
          outcome = {
            jobId,
            kind,
            status: 'cancelled',
            result: error.partial as JobResults[K] | undefined,
          }
        else
          outcome = {
            jobId,
            kind,
            status: 'failed',
            error: error instanceof Error ? error.message : String(error),
          }
      }
      flush()
      this.#running.delete(jobId)
      this.#finished.set(jobId, outcome)
      if (this.#finished.size > 200) {
        const oldest = this.#finished.keys().next().value
        if (oldest) this.#finished.delete(oldest)
      }
      this.events.emit('job.finished', outcome)
      return outcome
    })()
    this.#running.set(jobId, entry)
    return { jobId }
  }

  cancel(jobId: JobId): boolean {
    const job = this.#running.get(jobId)
    if (!job) return false
    job.controller.abort()
    return true
  }

  async wait(jobId: JobId): Promise<JobOutcome | undefined> {
    const finished = this.#finished.get(jobId)
    if (finished) return finished
    return this.#running.get(jobId)?.done
  }

  list(): JobProgress[] {
    return [...this.#running.values()].flatMap((r) => (r.last ? [r.last] : []))
  }

  /** Cancel everything and wait for the bodies to stop (on shutdown). */
  async stopAll(): Promise<void> {
    const all = [...this.#running.values()]
    for (const job of all) job.controller.abort()
    await Promise.allSettled(all.map((job) => job.done))
  }
}
