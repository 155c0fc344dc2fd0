import type { QuoteColor, QuotePlacement } from '@shared/contract'
import { z } from 'zod'
import { colorLabels, setColorLabel } from '../../quotes/color-labels'
import { getQuote, listQuotes, QUOTE_COLORS } from '../../quotes/quote-rows'
import { createQuote, deleteQuotes, restoreQuotes, updateQuote } from '../../quotes/quote-service'
import { acceptSourceWording } from '../../quotes/reanchor'
import { defineHandlers } from '../handler-types'
import { documentId, empty, limit, MAX_TEXT, name, offset, quoteId, text } from '../schemas'

const color = z.enum(QUOTE_COLORS as [QuoteColor, ...QuoteColor[]])
const placement = z.enum(['exact', 'moved', 'fuzzy', 'unplaced'] satisfies QuotePlacement[])
const tagNames = z.array(name).max(100)
const charOffset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
/** PDF user-space units: pages are at most 14,400 units (200 in) a side; a little slack for rounding. */
const coordinate = z.number().finite().min(-1).max(15_000)
const pageRect = z
  .object({
    page: z.number().int().min(1).max(1_000_000),
    x: coordinate,
    y: coordinate,
    width: coordinate.min(0),
    height: coordinate.min(0),
  })
  .strict()

export const quotesHandlers = defineHandlers({
  'quotes.create': {
    schema: z
      .object({
        documentId,
        text: z.string().max(MAX_TEXT).optional(),
        start: charOffset.optional(),
        end: charOffset.optional(),
        rects: z.array(pageRect).min(1).max(200).optional(),
        note: text.optional(),
        color: color.optional(),
        tags: tagNames.optional(),
      })
      .strict(),
    run: (args, backend) => {
      const quote = createQuote(backend.db, args)
      return quote
    },
  },
  'quotes.get': {
    schema: z.object({ id: quoteId }).strict(),
    run: (args, backend) => getQuote(backend.db, args.id),
  },
  'quotes.acceptSourceWording': {
    schema: z.object({ id: quoteId }).strict(),
    run: (args, backend) => acceptSourceWording(backend.db, args.id),
  },
  'quotes.list': {
    schema: z
      .object({
        documentId: documentId.optional(),
        tag: name.optional(),
        placement: placement.optional(),
        ids: z.array(quoteId).max(10_000).optional(),
        offset: offset.optional(),
        limit: limit(10_000).optional(),
      })
      .strict(),
    run: (args, backend) => listQuotes(backend.db, args),
  },
  'quotes.update': {
    schema: z
      .object({
        id: quoteId,
        note: text.optional(),
        color: color.optional(),
        tags: tagNames.optional(),
      })
      .strict(),
    run: (args, backend) => {
      const quote = updateQuote(backend.db, args)
      return quote
    },
  },
  'quotes.delete': {
    schema: z.object({ ids: z.array(quoteId).min(1).max(10_000) }).strict(),
    run: (args, backend) => {
      const result = deleteQuotes(backend.db, args.ids)
      return result
    },
  },
  'quotes.restore': {
    schema: z.object({ undoToken: z.string().min(1).max(100) }).strict(),
    run: (args, backend) => {
      const { restored } = restoreQuotes(backend.db, args.undoToken)
      return { restored }
    },
  },
  'quotes.colors': {
    schema: empty,
    run: (_args, backend) => colorLabels(backend.db),
  },
  'quotes.setColorLabel': {
    schema: z.object({ color, label: name }).strict(),
    run: (args, backend) => setColorLabel(backend.db, args.color, args.label),
  },
})
