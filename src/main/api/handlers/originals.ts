import { z } from 'zod'
import { invalidArgs } from '../../core/errors'
import { assertWritable } from '../../core/write-guard'
import { originalInfo, outlineOf, pagesOf } from '../../originals/originals-service'
import { runReextract } from '../../originals/reextract'
import { defineHandlers } from '../handler-types'
import { documentId } from '../schemas'

const byId = z.object({ id: documentId }).strict()

export const originalsHandlers = defineHandlers({
  'documents.original': {
    schema: byId,
    run: ({ id }, backend) =>
      originalInfo(backend.db, backend.libraryDir, id, backend.limits.maxZipEntries),
  },
  'documents.pages': {
    schema: byId,
    run: ({ id }, backend) => ({ pages: pagesOf(backend.db, id) }),
  },
  'documents.outline': {
    schema: byId,
    run: ({ id }, backend) => ({ entries: outlineOf(backend.db, id) }),
  },
  'documents.reextract': {
    schema: z
      .object({
        ids: z.array(documentId).min(1).max(100_000).optional(),
        all: z.boolean().optional(),
      })
      .strict(),
    run: (args, backend) => {
      assertWritable(backend)
      if (!args.all && !args.ids)
        throw invalidArgs('Name the documents to re-extract, or ask for all.')
      if (args.all && args.ids) throw invalidArgs('Give either ids or all, not both.')
      return backend.jobs.start('reextract', ({ signal, progress }) =>
        runReextract(backend, { ids: args.ids, all: args.all === true, signal, progress }),
      )
    },
  },
})
