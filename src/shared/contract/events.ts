import type { JobOutcome, JobProgress } from './jobs'

export type LibraryTable = 'documents' | 'tags' | 'quotes' | 'searches' | 'comparisons'

/** Events pushed by the backend. Key = '<domain>.<event>'. */
export type ApiEvents = {
  'job.progress': JobProgress
  'job.finished': JobOutcome
  /** Something changed: caches keyed on these tables should refetch. */
  'library.changed': { tables: LibraryTable[] }
}

export type ApiEventName = keyof ApiEvents
