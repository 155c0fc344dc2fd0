import { defineHandlers } from '../handler-types'
import { notImplemented } from '../not-implemented'

export const importHandlers = defineHandlers({
  'documents.import': notImplemented('documents.import'),
  'documents.importLog': notImplemented('documents.importLog'),
})
