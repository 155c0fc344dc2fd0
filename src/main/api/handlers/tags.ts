import { defineHandlers } from '../handler-types'
import { notImplemented } from '../not-implemented'

export const tagsHandlers = defineHandlers({
  'tags.list': notImplemented('tags.list'),
  'tags.addToDocuments': notImplemented('tags.addToDocuments'),
  'tags.removeFromDocuments': notImplemented('tags.removeFromDocuments'),
  'tags.rename': notImplemented('tags.rename'),
  'tags.merge': notImplemented('tags.merge'),
  'tags.setColor': notImplemented('tags.setColor'),
  'tags.delete': notImplemented('tags.delete'),
})
