import type { ApiErrorCode } from '@shared/contract'

/** Exit codes of the `lectern` command. */
export const EXIT = {
  ok: 0,
  /** Any error: bad arguments, an API error, a damaged library, a failed check. */
  error: 1,
  /** `import`: some files failed while the others were imported. */
  partial: 2,
  /** Interrupted by Ctrl+C (what finished is kept). */
  interrupted: 130,
} as const

/** A failure to report as one line (`lectern: …`) or, with `--json`, as `{"error":{"code","message"}}`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: ApiErrorCode | 'usage' = 'usage',
    readonly exitCode: number = EXIT.error,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

export const usageError = (message: string): CliError => new CliError(message, 'usage')
