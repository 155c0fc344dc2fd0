import type { JobId, JobTicket } from './common'
import type { ImportReport } from './documents'

/** What each kind of long job produces. Adding a job kind = one entry here plus its body in main. */
export type JobResults = {
  import: ImportReport
  /** Documents re-read from their stored originals (documents.reextract). */
  reextract: ImportReport
}

export type JobKind = keyof JobResults

/** Progress of a long job, throttled to about 10 events a second; the last one is always sent. */
export type JobProgress = {
  jobId: JobId
  kind: JobKind
  /** Human-readable step, e.g. "Importing". */
  step: string
  /** Items finished so far. */
  done: number
  /** Items in all; 0 when unknown. */
  total: number
  /** Bytes finished so far and in all (0 when unknown). */
  bytesDone: number
  bytesTotal: number
  /** The item being worked on now (a file path for imports). */
  current?: string
}

/** Exactly one per job. `result` is set when status is `done` (and holds partial results when `cancelled`). */
export type JobOutcome<K extends JobKind = JobKind> = {
  [Kind in K]: {
    jobId: JobId
    kind: Kind
    status: 'done' | 'cancelled' | 'failed'
    result?: JobResults[Kind]
    error?: string
  }
}[K]

export type JobsApi = {
  /** Cancel a running job; what finished stays. Unknown or finished jobs are a no-op. */
  'jobs.cancel': (args: { jobId: JobId }) => { cancelled: boolean }
  /** Wait for a job to end (used by the CLI and tests); resolves at once for a finished job. */
  'jobs.wait': (args: { jobId: JobId }) => JobOutcome
  /** Jobs still running. */
  'jobs.list': (args: Record<string, never>) => JobProgress[]
}

export type { JobTicket }
