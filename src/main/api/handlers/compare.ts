import type { CitationStyle } from '@shared/contract'
import { z } from 'zod'
import { CITATION_STYLES } from '../../citations/csl-engine'
import { compareQuotes, MAX_COLUMNS, MIN_COLUMNS } from '../../compare/compare-quotes'
import { deleteComparison, listComparisons, saveComparison } from '../../compare/comparison-sets'
import { distinctiveTerms, findSimilar } from '../../compare/find-similar'
import { getQuote } from '../../quotes/quote-rows'
import { defineHandlers } from '../handler-types'
import { empty, limit, name, quoteId, text } from '../schemas'

const style = z.enum(CITATION_STYLES as [CitationStyle, ...CitationStyle[]])
const columnIds = z.array(quoteId).min(MIN_COLUMNS).max(MAX_COLUMNS)
const setId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const compareHandlers = defineHandlers({
  'compare.quotes': {
    schema: z.object({ quoteIds: columnIds, style: style.optional() }).strict(),
    run: (args, backend) => compareQuotes(backend.db, args.quoteIds, args.style),
  },
  'compare.similar': {
    schema: z.object({ quoteId, limit: limit(50).optional() }).strict(),
    run: (args, backend) => {
      const quote = getQuote(backend.db, args.quoteId)
      return {
        passages: findSimilar(backend.db, quote, args.limit ?? 10),
        terms: distinctiveTerms(backend.db, quote.exact.slice(0, 2_000)),
      }
    },
  },
  'comparisons.list': {
    schema: empty,
    run: (_args, backend) => listComparisons(backend.db),
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
      const set = saveComparison(backend.db, args)
      backend.changed(['comparisons'])
      return set
    },
  },
  'comparisons.delete': {
    schema: z.object({ id: setId }).strict(),
    run: (args, backend) => {
      const result = deleteComparison(backend.db, args.id)
      if (result.deleted) backend.changed(['comparisons'])
      return result
    },
  },
})
