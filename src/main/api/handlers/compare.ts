import { defineHandlers } from '../handler-types'
import { notImplemented } from '../not-implemented'

export const compareHandlers = defineHandlers({
  'compare.quotes': notImplemented('compare.quotes'),
  'compare.similar': notImplemented('compare.similar'),
  'comparisons.list': notImplemented('comparisons.list'),
  'comparisons.save': notImplemented('comparisons.save'),
  'comparisons.delete': notImplemented('comparisons.delete'),
})
