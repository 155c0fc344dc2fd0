import type { ImportReport, JobId, JobOutcome, JobProgress } from '@shared/contract'
import { getApi } from '../../api/client'
import { errorMessage, queryCache } from '../../api/use-api-query'
import { getShell } from '../../platform/shell'
import { createStore } from '../../state/store'

/** One import as the tray shows it. */
export type ImportState =
  | { phase: 'idle' }
  /** The picker is open, or picked files are being handed to the backend. */
  | { phase: 'preparing' }
  | { phase: 'running'; jobId: JobId; progress: JobProgress | null; cancelling: boolean }
  | {
      phase: 'finished'
      status: JobOutcome['status']
      report: ImportReport | null
      error: string | null
      /** Files the browser could not hand to the host (upload refused), reported with the import's failures. */
      uploadFailures?: UploadFailure[]
    }

export type UploadFailure = { name: string; reason: string }

/** The web shell's partial-upload error: some files uploaded (`paths`), others refused (`failures`). */
function partialUpload(error: unknown): { paths: string[]; failures: UploadFailure[] } | null {
  if (!error || typeof error !== 'object') return null
  const { paths, failures } = error as { paths?: unknown; failures?: unknown }
  if (!Array.isArray(paths) || !Array.isArray(failures)) return null
  return { paths: paths as string[], failures: failures as UploadFailure[] }
}

let pendingUploadFailures: UploadFailure[] = []

export const importStore = createStore<{ current: ImportState }>({ current: { phase: 'idle' } })

// Events can overtake the answer to `documents.import` (a tiny import may finish first), so keep what arrives.
const finished = new Map<string, JobOutcome>()
const lastProgress = new Map<string, JobProgress>()
let listening = false

/** Subscribe to job events once, at start-up. */
export function listenForJobs(): () => void {
  if (listening) return () => {}
  listening = true
  const api = getApi()
  const offProgress = api.on('job.progress', (progress) => {
    lastProgress.set(progress.jobId, progress)
    const current = importStore.get().current
    if (current.phase === 'running' && current.jobId === progress.jobId) {
      importStore.set({ current: { ...current, progress } })
    }
  })
  const offFinished = api.on('job.finished', (outcome) => settle(outcome))
  return () => {
    listening = false
    offProgress()
    offFinished()
  }
}

function settle(outcome: JobOutcome): void {
  finished.set(outcome.jobId, outcome)
  const current = importStore.get().current
  if (current.phase !== 'running' || current.jobId !== outcome.jobId) return
  importStore.set({
    current: {
      phase: 'finished',
      status: outcome.status,
      report: outcome.result ?? null,
      error: outcome.error ?? null,
      uploadFailures: pendingUploadFailures,
    },
  })
  pendingUploadFailures = []
  queryCache.invalidate(['documents', 'tags', 'quotes'])
}

function isBusy(): boolean {
  const phase = importStore.get().current.phase
  return phase === 'preparing' || phase === 'running'
}

/** Import the given paths (already readable by the backend). */
export async function importPaths(
  paths: string[],
  uploadFailures: UploadFailure[] = [],
): Promise<void> {
  pendingUploadFailures = uploadFailures
  if (paths.length === 0) {
    importStore.set({
      current:
        uploadFailures.length > 0
          ? {
              phase: 'finished',
              status: 'failed',
              report: null,
              error: 'None of the files could be read.',
              uploadFailures,
            }
          : { phase: 'idle' },
    })
    return
  }
  try {
    const { jobId } = await getApi().invoke('documents.import', { paths })
    importStore.set({
      current: {
        phase: 'running',
        jobId,
        progress: lastProgress.get(jobId) ?? null,
        cancelling: false,
      },
    })
    const early = finished.get(jobId)
    if (early) {
      settle(early)
      return
    }
    // The event stream is the fast path; `jobs.wait` covers a dropped stream.
    getApi()
      .invoke('jobs.wait', { jobId })
      .then(settle, () => {})
  } catch (error) {
    importStore.set({
      current: { phase: 'finished', status: 'failed', report: null, error: errorMessage(error) },
    })
  }
}

/**
 * Ask for files (or a folder) and import them. Must be called straight from the click handler: the browser only
 * opens a file picker during a user gesture.
 */
export function pickAndImport(folder: boolean): void {
  if (isBusy()) return
  importStore.set({ current: { phase: 'preparing' } })
  getShell()
    .pickImportPaths({ folder })
    .then(
      (paths) => importPaths(paths),
      (error: unknown) => failedToStage(error),
    )
}

/** Import files dropped on the window. */
export async function importDropped(files: File[]): Promise<void> {
  if (isBusy() || files.length === 0) return
  importStore.set({ current: { phase: 'preparing' } })
  try {
    await importPaths(await getShell().stageDroppedFiles(files))
  } catch (error) {
    await failedToStage(error)
  }
}

/** Picked files could not all be staged: import the ones that were, and report the others. */
async function failedToStage(error: unknown): Promise<void> {
  const partial = partialUpload(error)
  if (partial) {
    await importPaths(partial.paths, partial.failures)
    return
  }
  importStore.set({
    current: { phase: 'finished', status: 'failed', report: null, error: errorMessage(error) },
  })
}

/** Stop the running import; what finished stays in the library. */
export async function cancelImport(): Promise<void> {
  const current = importStore.get().current
  if (current.phase !== 'running') return
  importStore.set({ current: { ...current, cancelling: true } })
  await getApi()
    .invoke('jobs.cancel', { jobId: current.jobId })
    .catch(() => {})
}

export function dismissImport(): void {
  if (!isBusy()) importStore.set({ current: { phase: 'idle' } })
}
