import { z } from 'zod'
import { searchInDocument } from '../../search/in-document'
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../../search/saved-searches'
import { searchLibrary } from '../../search/search-service'
import { defineHandlers } from '../handler-types'
import { documentId, empty, limit, name, offset } from '../schemas'

/**
 * Query text is capped generously: the parser itself cuts at 2,000 characters with a friendly note, so a 10 KB paste
 * still gets results and a message rather than a validation error.
 */
const query = z.string().max(100_000)

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const error = new Error('The search was cancelled.')
    error.name = 'AbortError'
    throw error
  }
}

export const searchHandlers = defineHandlers({
  'search.query': {
    schema: z
      .object({
        query,
        limit: limit(500).optional(),
        offset: offset.optional(),
        sort: z.enum(['relevance', 'newest']).optional(),
        asYouType: z.boolean().optional(),
        includeQuotes: z.boolean().optional(),
      })
      .strict(),
    run: (args, backend, call) => {
      // A newer keystroke may already have superseded this query: don't start work nobody will read.
      throwIfAborted(call.signal)
      return searchLibrary(backend.db, args)
    },
  },
  'search.inDocument': {
    schema: z.object({ documentId, query, prefix: z.boolean().optional() }).strict(),
    run: ({ documentId, query, prefix }, backend, call) => {
      throwIfAborted(call.signal)
      return searchInDocument(backend.db, documentId, query, prefix ?? true)
    },
  },
  'searches.list': { schema: empty, run: (_args, backend) => listSavedSearches(backend.db) },
  'searches.save': {
    schema: z.object({ name, query: z.string().min(1).max(2000) }).strict(),
    run: ({ name, query }, backend) => {
      const saved = saveSearch(backend.db, name, query)
      return saved
    },
  },
  'searches.delete': {
    schema: z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict(),
    run: ({ id }, backend) => {
      const deleted = deleteSavedSearch(backend.db, id)
      return { deleted }
    },
  },
})
