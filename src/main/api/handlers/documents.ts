import type { CitationType, DocumentMetadata, DocumentSortKey } from '@shared/contract'
import { z } from 'zod'
import {
  deleteDocuments,
  getDocument,
  listDocuments,
  listSources,
  restoreDeletedDocuments,
  updateDocument,
} from '../../library/documents.service'
import { defineHandlers } from '../handler-types'
import { documentId, empty, limit, name, offset, partialDate } from '../schemas'

const SORT_KEYS = [
  'title',
  'authors',
  'publishedAt',
  'source',
  'wordCount',
  'importedAt',
] as const satisfies readonly DocumentSortKey[]

const CITATION_TYPES = [
  'article-newspaper',
  'article-journal',
  'article-magazine',
  'report',
  'book',
  'chapter',
  'webpage',
  'speech',
  'document',
] as const satisfies readonly CitationType[]

/** Most documents a single call may touch (a "select all" on a large library stays within it). */
const MAX_IDS = 100_000

/** Trimmed single-line text without control characters; `''` means "clear" for nullable fields. */
const line = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters')

const optionalLine = (max: number) =>
  line(max)
    .nullable()
    .transform((s) => (s === '' ? null : s))

const httpUrl = z
  .string()
  .max(4096)
  .nullable()
  .transform((s) => (s === null || s.trim() === '' ? null : s.trim()))
  .refine((s) => {
    if (s === null) return true
    try {
      const url = new URL(s)
      return url.protocol === 'http:' || url.protocol === 'https:'
    } catch {
      return false
    }
  }, 'must be an http(s) URL')

const metadataPatch: z.ZodType<Partial<DocumentMetadata>> = z
  .object({
    title: line(2000).refine((s) => s.length > 0, 'must not be empty'),
    authors: z.array(line(300).refine((s) => s.length > 0, 'must not be empty')).max(200),
    publishedAt: partialDate.nullable(),
    source: optionalLine(500),
    url: httpUrl,
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'expected a language tag such as en or pt-BR')
      .max(35)
      .nullable(),
    citationType: z.enum(CITATION_TYPES),
    containerTitle: optionalLine(1000),
    publisher: optionalLine(500),
    doi: z
      .string()
      .max(500)
      .nullable()
      .transform((s) => (s === null || s.trim() === '' ? null : s.trim()))
      .refine(
        (s) => s === null || /^10\.\d{4,9}\/\S+$/.test(s),
        'expected a DOI such as 10.1000/xyz',
      ),
    accessedAt: partialDate.nullable(),
  })
  .partial()
  .strict()

export const documentsHandlers = defineHandlers({
  'documents.list': {
    schema: z
      .object({
        tags: z.array(name).max(50).optional(),
        source: z.string().max(500).optional(),
        after: partialDate.optional(),
        before: partialDate.optional(),
        sort: z.enum(SORT_KEYS).optional(),
        order: z.enum(['asc', 'desc']).optional(),
        offset: offset.optional(),
        limit: limit(10_000).optional(),
      })
      .strict(),
    run: (args, backend) => listDocuments(backend.db, args),
  },
  'documents.get': {
    schema: z.object({ id: documentId }).strict(),
    run: ({ id }, backend) => getDocument(backend.db, id),
  },
  'documents.update': {
    schema: z.object({ id: documentId, patch: metadataPatch }).strict(),
    run: ({ id, patch }, backend) => {
      const detail = updateDocument(backend.db, id, patch)
      return detail
    },
  },
  'documents.delete': {
    schema: z.object({ ids: z.array(documentId).min(1).max(MAX_IDS) }).strict(),
    run: ({ ids }, backend) => {
      const result = deleteDocuments(backend.db, ids)
      return result
    },
  },
  'documents.restore': {
    schema: z.object({ undoToken: z.string().min(1).max(100) }).strict(),
    run: ({ undoToken }, backend) => {
      const result = restoreDeletedDocuments(backend.db, undoToken)
      return result
    },
  },
  'documents.sources': {
    schema: empty,
    run: (_args, backend) => listSources(backend.db),
  },
})
