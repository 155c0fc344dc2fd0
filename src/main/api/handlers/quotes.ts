import { defineHandlers } from '../handler-types'
import { notImplemented } from '../not-implemented'

export const quotesHandlers = defineHandlers({
  'quotes.create': notImplemented('quotes.create'),
  'quotes.get': notImplemented('quotes.get'),
  'quotes.list': notImplemented('quotes.list'),
  'quotes.update': notImplemented('quotes.update'),
  'quotes.delete': notImplemented('quotes.delete'),
  'quotes.restore': notImplemented('quotes.restore'),
  'quotes.colors': notImplemented('quotes.colors'),
  'quotes.setColorLabel': notImplemented('quotes.setColorLabel'),
})
