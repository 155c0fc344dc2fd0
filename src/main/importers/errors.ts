import type { ExtractFailure, LimitName } from './types'

/**
 * A file that cannot be imported, with a reason written for a person ("not a PDF (no %PDF header)"). Thrown by
 * detection and extractors; the pipeline records it as a failed (or skipped) import and carries on with the batch.
 */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly limit?: LimitName,
    /** True for files that are not documents at all (an image in a folder): status `skipped`, not `failed`. */
    readonly skip = false,
  ) {
    super(message)
    this.name = 'ImportError'
  }
}

const MB = 1024 * 1024

/** Human-readable byte count: "200 MB", "12.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`
  return `${bytes} bytes`
}

/** The error for a file larger than `maxFileBytes`. */
export function fileTooLarge(size: number, max: number): ImportError {
  return new ImportError(
    `file is ${formatBytes(size)}, over the ${formatBytes(max)} size limit (maxFileBytes)`,
    'maxFileBytes',
  )
}

/**
 * Turn anything an extractor threw into a failure record. Library errors (pdf.js, JSZip, mammoth) carry
 * messages of their own; they are kept, prefixed with what was being read, and cut to one short line.
 */
export function toFailure(error: unknown, what = 'file'): ExtractFailure {
  const failure = describeFailure(error, what)
  const format = (error as { format?: unknown } | null)?.format
  if (typeof format === 'string') failure.format = format as ExtractFailure['format']
  return failure
}

function describeFailure(error: unknown, what: string): ExtractFailure {
  if (error instanceof ImportError) {
    const failure: ExtractFailure = { reason: error.message }
    if (error.limit) failure.limit = error.limit
    if (error.skip) failure.skip = true
    return failure
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return { reason: `${what} is nested too deeply to read (stack limit reached)` }
  }
  const message = error instanceof Error ? error.message : String(error)
  const line = message.split('\n')[0]?.trim().slice(0, 300) || 'unknown error'
  return { reason: `cannot read ${what}: ${line}` }
}
