import { z } from 'zod'
import { defineHandlers } from '../handler-types'
import { empty, path } from '../schemas'

export const libraryHandlers = defineHandlers({
  'library.info': { schema: empty, run: (_args, backend) => backend.lifecycle.info() },
  'library.check': { schema: empty, run: (_args, backend) => backend.lifecycle.check() },
  'library.backup': { schema: empty, run: (_args, backend) => backend.lifecycle.backup() },
  'library.backups': { schema: empty, run: (_args, backend) => backend.lifecycle.backups() },
  'library.restore': {
    schema: z.object({ file: path.optional() }).strict(),
    run: ({ file }, backend) => backend.lifecycle.restore(file),
  },
})
