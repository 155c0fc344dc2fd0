import { defineHandlers } from '../handler-types'
import { notImplemented } from '../not-implemented'

export const exportHandlers = defineHandlers({
  'export.render': notImplemented('export.render'),
  'export.save': notImplemented('export.save'),
  'export.cite': notImplemented('export.cite'),
})
