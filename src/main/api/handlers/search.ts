import { defineHandlers } from '../handler-types'
import { notImplemented } from '../not-implemented'

export const searchHandlers = defineHandlers({
  'search.query': notImplemented('search.query'),
  'search.inDocument': notImplemented('search.inDocument'),
  'searches.list': notImplemented('searches.list'),
  'searches.save': notImplemented('searches.save'),
  'searches.delete': notImplemented('searches.delete'),
})
