/** Reusable zod pieces for argument validation. Strings are capped so a 10 MB argument is refused, not processed. */
import type { DocumentId, JobId, QuoteId, TagId } from '@shared/contract'
import { z } from 'zod'

export const MAX_TEXT = 100_000
export const MAX_NAME = 200
export const MAX_PATH = 4096

const rowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export const documentId = rowId.transform((n) => n as DocumentId)
export const quoteId = rowId.transform((n) => n as QuoteId)
export const tagId = rowId.transform((n) => n as TagId)
export const jobId = z
  .string()
  .min(1)
  .max(100)
  .transform((s) => s as JobId)

/** No control characters other than tab/newline; trimmed; non-empty. */
export const name = z
  .string()
  .max(MAX_NAME)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, 'must not be empty')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters')

export const text = z.string().max(MAX_TEXT)
export const path = z
  .string()
  .min(1)
  .max(MAX_PATH)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL')

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const partialDate = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'expected YYYY, YYYY-MM or YYYY-MM-DD',
  )

export const empty = z.object({}).strict() as unknown as z.ZodType<Record<string, never>>
export const limit = (max: number) => z.number().int().min(1).max(max)
export const offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
