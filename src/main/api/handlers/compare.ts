import type { CitationStyle } from '@shared/contract'
import { z } from 'zod'
import { CITATION_STYLES } from '../../citations/styles'
import { MAX_COLUMNS, MIN_COLUMNS } from '../../compare/column-limits'
import { getQuote } from '../../quotes/quote-rows'
import { defineHandlers } from '../handler-types'
import { empty, limit, name, quoteId, text } from '../schemas'

const style = z.enum(CITATION_STYLES as [CitationStyle, ...CitationStyle[]])
const columnIds = z.array(quoteId).min(MIN_COLUMNS).max(MAX_COLUMNS)
const setId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

// The compare stack (jsdiff, approx-string-match, and through citations citation-js with citeproc) is loaded on the
// first call, not at start (issue 5 cold start). comparison-sets reaches it too (a saved set loads its quotes cited).
const compareQuotesModule = () => import('../../compare/compare-quotes')
const comparisonSets = () => import('../../compare/comparison-sets')

export const compareHandlers = defineHandlers({
  'compare.quotes': {
    schema: z.object({ quoteIds: columnIds, style: style.optional() }).strict(),
    run: async (args, backend) => {
      const { compareQuotes } = await compareQuotesModule()
      return compareQuotes(backend.db, args.quoteIds, args.style)
    },
  },
  'compare.similar': {
    schema: z.object({ quoteId, limit: limit(50).optional() }).strict(),
    run: async (args, backend) => {
      const { distinctiveTerms, findSimilar } = await import('../../compare/find-similar')
      const quote = getQuote(backend.db, args.quoteId)
      return {
        passages: findSimilar(backend.db, quote, args.limit ?? 10),
        terms: distinctiveTerms(backend.db, quote.exact.slice(0, 2_000)),
      }
    },
  },
  'comparisons.list': {
    schema: empty,
    run: async (_args, backend) => (await comparisonSets()).listComparisons(backend.db),
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
    run: async (args, backend) => {
      const { saveComparison } = await comparisonSets()
      const set = saveComparison(backend.db, args)
      return set
    },
  },
  'comparisons.delete': {
    schema: z.object({ id: setId }).strict(),
    run: async (args, backend) => {
      const { deleteComparison } = await comparisonSets()
      const result = deleteComparison(backend.db, args.id)
      return result
    },
  },
})
