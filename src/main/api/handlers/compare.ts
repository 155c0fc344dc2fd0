import type { CitationStyle, Quote } from '@shared/contract'
import { z } from 'zod'
import { citableDocuments } from '../../citations/csl-item'
import { CITATION_STYLES } from '../../citations/styles'
import { MAX_COLUMNS, MIN_COLUMNS, quotesForComparison } from '../../compare/column-limits'
import type { SimilarReader } from '../../compare/find-similar'
import type { Db } from '../../db/connection'
import { documentsRepository } from '../../library/documents.repository'
import { comparisonsRepository } from '../../quotes/comparisons.repository'
import { getQuote, getQuotes } from '../../quotes/quote-rows'
import { defineHandlers } from '../handler-types'
import { empty, limit, name, quoteId, text } from '../schemas'

const style = z.enum(CITATION_STYLES as [CitationStyle, ...CitationStyle[]])
const columnIds = z.array(quoteId).min(MIN_COLUMNS).max(MAX_COLUMNS)
const setId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

// The compare stack (jsdiff, approx-string-match, and through citations citation-js with citeproc) is loaded on the
// first call, not at start (issue 5 cold start). compare/ is pure: what it reads comes through the repositories here.
const compareQuotesModule = () => import('../../compare/compare-quotes')

/** The library as find-similar reads it. */
const similarReader = (db: Db): SimilarReader => ({
  documentFrequencies: (terms) => documentsRepository.documentFrequencies(db, terms),
  candidates: (match, excludeId, max) => documentsRepository.matching(db, match, excludeId, max),
})

const citable = (db: Db, quotes: readonly Quote[]) =>
  citableDocuments(
    documentsRepository.citationRows(
      db,
      quotes.map((q) => q.documentId),
    ),
  )

export const compareHandlers = defineHandlers({
  'compare.quotes': {
    schema: z
      .object({ quoteIds: columnIds, style: style.optional(), strict: z.boolean().optional() })
      .strict(),
    run: async (args, backend) => {
      const { compareQuotes } = await compareQuotesModule()
      const quotes = quotesForComparison(args.quoteIds, (ids) => getQuotes(backend.db, ids))
      return compareQuotes(quotes, citable(backend.db, quotes), args.style, args.strict)
    },
  },
  'compare.similar': {
    schema: z.object({ quoteId, limit: limit(50).optional() }).strict(),
    run: async (args, backend) => {
      const { distinctiveTerms, findSimilar } = await import('../../compare/find-similar')
      const quote = getQuote(backend.db, args.quoteId)
      const read = similarReader(backend.db)
      return {
        passages: findSimilar(read, quote, args.limit ?? 10),
        terms: distinctiveTerms(read, quote.exact.slice(0, 2_000)),
      }
    },
  },
  'comparisons.list': {
    schema: empty,
    run: (_args, backend) => comparisonsRepository.list(backend.db),
  },
  'comparisons.save': {
    schema: z
      .object({
        id: setId.optional(),
        name,
        note: text.optional(),
        quoteIds: columnIds,
      })
      .strict(),
    run: (args, backend) => {
      const db = backend.db
      // The quotes must exist (2–4, distinct); the check and the write are one transaction.
      const id = db.transaction(() => {
        quotesForComparison(args.quoteIds, (ids) => getQuotes(db, ids))
        return comparisonsRepository.save(db, args, new Date().toISOString())
      })()
      return comparisonsRepository.get(db, id)
    },
  },
  'comparisons.delete': {
    schema: z.object({ id: setId }).strict(),
    run: (args, backend) => ({ deleted: comparisonsRepository.delete(backend.db, args.id) }),
  },
})
