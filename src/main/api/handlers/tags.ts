import { z } from 'zod'
import {
  addTagsToDocuments,
  deleteTag,
  listTags,
  mergeTags,
  removeTagsFromDocuments,
  renameTag,
  setTagColor,
} from '../../library/tags.service'
import { defineHandlers } from '../handler-types'
import { documentId, empty, name, tagId } from '../schemas'

const documentIds = z.array(documentId).min(1).max(100_000)
const names = z.array(name).min(1).max(100)

/** `#rgb`, `#rrggbb` or a palette word such as `teal`; null clears the colour. */
const color = z
  .string()
  .max(32)
  .regex(/^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-z]{3,20})$/, 'expected #rrggbb or a colour name')
  .nullable()

export const tagsHandlers = defineHandlers({
  'tags.list': { schema: empty, run: (_args, backend) => listTags(backend.db) },
  'tags.addToDocuments': {
    schema: z.object({ documentIds, names }).strict(),
    run: ({ documentIds, names }, backend) => {
      const result = addTagsToDocuments(backend.db, documentIds, names)
      return result
    },
  },
  'tags.removeFromDocuments': {
    schema: z.object({ documentIds, names }).strict(),
    run: ({ documentIds, names }, backend) => {
      const result = removeTagsFromDocuments(backend.db, documentIds, names)
      return result
    },
  },
  'tags.rename': {
    schema: z.object({ id: tagId, name }).strict(),
    run: ({ id, name }, backend) => {
      const tag = renameTag(backend.db, id, name)
      return tag
    },
  },
  'tags.merge': {
    schema: z.object({ from: z.array(tagId).min(1).max(1000), into: tagId }).strict(),
    run: ({ from, into }, backend) => {
      const tag = mergeTags(backend.db, from, into)
      return tag
    },
  },
  'tags.setColor': {
    schema: z.object({ id: tagId, color }).strict(),
    run: ({ id, color }, backend) => {
      const tag = setTagColor(backend.db, id, color)
      return tag
    },
  },
  'tags.delete': {
    schema: z.object({ id: tagId }).strict(),
    run: ({ id }, backend) => {
      const result = deleteTag(backend.db, id)
      return result
    },
  },
})
