import type { ApiErrorCode } from '@shared/contract'

/** A failure the user can act on. Its message is shown as is, so write it for a person. */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const notFound = (what: string, id: unknown): DomainError =>
  new DomainError('not_found', `No ${what} with id ${String(id)}.`)
export const invalidArgs = (message: string): DomainError =>
  new DomainError('invalid_args', message)
export const conflict = (message: string): DomainError => new DomainError('conflict', message)
