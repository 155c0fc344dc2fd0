import type { ApiError } from '@shared/contract'
import { ZodError } from 'zod'
import { DomainError } from '../core/errors'

/** Shorten a zod error to one readable line: `quoteIds.0: expected number, received string`. */
function describeZod(error: ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'Invalid arguments.'
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : ''
  return `Invalid arguments: ${where}${issue.message}${more}`
}

/**
 * Turn anything thrown by a handler into the one error shape that crosses a transport. Unknown errors become
 * `internal` with a generic message (the detail goes to the log): never a stack trace or a raw SQLite message.
 */
export function toApiError(error: unknown, log: (e: unknown) => void = () => {}): ApiError {
  if (error instanceof DomainError) {
    return error.details
      ? { code: error.code, message: error.message, details: error.details }
      : { code: error.code, message: error.message }
  }
  if (error instanceof ZodError) return { code: 'invalid_args', message: describeZod(error) }
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'cancelled', message: 'The operation was cancelled.' }
  }
  const sqliteCode = (error as { code?: unknown } | null)?.code
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    log(error)
    return { code: 'conflict', message: 'That change conflicts with data already in the library.' }
  }
  if (
    typeof sqliteCode === 'string' &&
    (sqliteCode === 'SQLITE_FULL' || sqliteCode.startsWith('SQLITE_IOERR'))
  ) {
    log(error)
    return {
      code: 'internal',
      message: 'The library could not be written (disk full or unwritable); nothing was changed.',
    }
  }
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_READONLY')) {
    // A library found damaged at open is held read-only (src/main/db/open-library.ts).
    log(error)
    return {
      code: 'conflict',
      message:
        'The library is read-only because it is damaged; restore it from a backup (lectern restore).',
    }
  }
  if (
    typeof sqliteCode === 'string' &&
    (sqliteCode.startsWith('SQLITE_CORRUPT') || sqliteCode === 'SQLITE_NOTADB')
  ) {
    log(error)
    return {
      code: 'internal',
      message: 'The library file is damaged. Restore it from a backup (lectern restore).',
    }
  }
  log(error)
  return {
    code: 'internal',
    message: 'Something went wrong inside Lectern; the details are in the log.',
  }
}
