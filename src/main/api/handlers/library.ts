import { z } from 'zod'
import {
  backupNow,
  checkLibrary,
  libraryInfo,
  listLibraryBackups,
  restoreLibrary,
} from '../../db/lifecycle'
import { defineHandlers } from '../handler-types'
import { empty, path } from '../schemas'

export const libraryHandlers = defineHandlers({
  'library.info': { schema: empty, run: (_args, backend) => libraryInfo(backend) },
  'library.check': { schema: empty, run: (_args, backend) => checkLibrary(backend) },
  'library.backup': { schema: empty, run: (_args, backend) => backupNow(backend) },
  'library.backups': { schema: empty, run: (_args, backend) => listLibraryBackups(backend) },
  'library.restore': {
    schema: z.object({ file: path.optional() }).strict(),
    run: ({ file }, backend) => restoreLibrary(backend, file),
  },
})
