/**
 * Shared primitives of the Lectern API contract. Types and string constants only: this folder is imported by main,
 * preload, renderer and tests, so it must never pull in runtime code.
 */

/** Branded integer ids: a TagId cannot go where a DocumentId belongs. They are SQLite rowids on the wire. */
export type DocumentId = number & { readonly __brand: 'DocumentId' }
export type TagId = number & { readonly __brand: 'TagId' }
export type QuoteId = number & { readonly __brand: 'QuoteId' }
export type JobId = string & { readonly __brand: 'JobId' }

/** A calendar date as precise as the source says: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDate = string

/** An instant, ISO 8601 in UTC (`2025-04-24T10:00:00.000Z`). */
export type Timestamp = string

export type ApiErrorCode = 'not_found' | 'invalid_args' | 'conflict' | 'cancelled' | 'internal'

/** The only error shape that crosses a transport. `message` is written for a person; never a stack or raw SQL. */
export type ApiError = { code: ApiErrorCode; message: string; details?: Record<string, unknown> }

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** A page of results plus the number of rows that match regardless of paging. */
export type Page<T> = { total: number; items: T[] }

/** Returned at once by long operations; progress arrives as `job.progress`, the end as one `job.finished`. */
export type JobTicket = { jobId: JobId }

/** One word-level diff segment: 'same' wording, 'removed' only in the first text, 'added' only in the second. */
export type DiffSegment = { text: string; kind: 'same' | 'added' | 'removed' }
