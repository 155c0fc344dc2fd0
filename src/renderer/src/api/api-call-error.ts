import type { ApiErrorCode } from '@shared/contract'

/** What a failed API call throws in the renderer: the backend's code and its person-readable message. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ApiCallError'
  }
}
