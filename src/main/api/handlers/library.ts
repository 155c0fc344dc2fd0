import { defineHandlers } from '../handler-types'
import { notImplemented } from '../not-implemented'

export const libraryHandlers = defineHandlers({
  'library.info': notImplemented('library.info'),
  'library.check': notImplemented('library.check'),
  'library.backup': notImplemented('library.backup'),
  'library.backups': notImplemented('library.backups'),
  'library.restore': notImplemented('library.restore'),
})
