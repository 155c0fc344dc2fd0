import { defineHandlers } from '../handler-types'
import { notImplemented } from '../not-implemented'

export const documentsHandlers = defineHandlers({
  'documents.list': notImplemented('documents.list'),
  'documents.get': notImplemented('documents.get'),
  'documents.update': notImplemented('documents.update'),
  'documents.delete': notImplemented('documents.delete'),
  'documents.restore': notImplemented('documents.restore'),
  'documents.sources': notImplemented('documents.sources'),
})
