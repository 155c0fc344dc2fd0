import type { BackendContext } from './context'
import { DomainError } from './errors'

/** The message every refused write carries while the library is marked damaged. */
export function corruptWriteMessage(reason: string): string {
  return (
    `The library is damaged and read-only until it is restored (${reason}). ` +
    'Restore it from the newest good backup: `lectern restore`, or Library > Restore in the app.'
  )
}

/**
 * Refuse writes while the library is marked damaged (SECURITY.md §4: a library that fails its check is never
 * written to). Every write handler calls this first; the connection is also `query_only` as a backstop.
 */
export function assertWritable(context: Pick<BackendContext, 'corrupt'>): void {
  if (context.corrupt) {
    throw new DomainError('conflict', corruptWriteMessage(context.corrupt.message), {
      reason: 'library_corrupt',
    })
  }
}
