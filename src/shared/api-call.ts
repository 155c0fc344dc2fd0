/**
 * The one way an Envelope becomes a value or a thrown error, for every caller that wants exceptions (the renderer's
 * transports, in-process callers such as tests). Small runtime code with no imports beyond the contract's types, so
 * main, preload and renderer can all bundle it.
 */
import type { ApiErrorCode, Envelope } from './contract'

/** A failed API call: the backend's code and its person-readable message (and details such as `reason`). */
export class ApiCallError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'ApiCallError'
  }
}

/** The value of a successful envelope, or an ApiCallError carrying its error. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw new ApiCallError(envelope.error.code, envelope.error.message, envelope.error.details)
}

const CODES: readonly ApiErrorCode[] = [
  'not_found',
  'invalid_args',
  'conflict',
  'cancelled',
  'internal',
]

/**
 * Rebuild an ApiCallError from a plain `{ code, message }`: Electron's contextBridge strips Error subclasses, so the
 * preload rejects with a plain object. Anything else becomes `internal`.
 */
export function toApiCallError(error: unknown): ApiCallError {
  if (error instanceof ApiCallError) return error
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  return new ApiCallError(
    CODES.includes(code as ApiErrorCode) ? (code as ApiErrorCode) : 'internal',
    typeof message === 'string' ? message : 'The call failed.',
  )
}
