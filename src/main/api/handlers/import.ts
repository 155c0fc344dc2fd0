import { realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import type { BackendContext } from '../../core/context'
import { invalidArgs } from '../../core/errors'
import { runImport } from '../../importers/pipeline'
import { importLog } from '../../importers/store'
import { isInside, OUTSIDE_ROOTS } from '../../importers/walk'
import { defineHandlers } from '../handler-types'
import { limit, name, path } from '../schemas'

/** Most paths one call may name (folders count once; their contents are unbounded). */
const MAX_PATHS = 10_000

const realOrResolved = (p: string): string => {
  try {
    return realpathSync(resolve(p))
  } catch {
    return resolve(p)
  }
}

/**
 * On a web host, refuse the call outright when a named path lies outside the import roots (compared as real
 * paths, so a symlink cannot lead out). The walk checks every file it reaches again.
 */
function assertInsideRoots(backend: BackendContext, paths: string[]): void {
  if (!backend.importRoots) return
  const roots = backend.importRoots.map(realOrResolved)
  const outside = paths.find((p) => !roots.some((root) => isInside(realOrResolved(p), root)))
  if (outside !== undefined) throw invalidArgs(`Cannot import ${outside}: ${OUTSIDE_ROOTS}.`)
}

export const importHandlers = defineHandlers({
  'documents.import': {
    schema: z
      .object({
        paths: z.array(path).min(1).max(MAX_PATHS),
        tags: z.array(name).max(50).optional(),
      })
      .strict(),
    run: (args, backend) => {
      assertInsideRoots(backend, args.paths)
      return backend.jobs.start('import', ({ jobId, signal, progress }) =>
        runImport(backend, { paths: args.paths, tags: args.tags, jobId, signal, progress }),
      )
    },
  },
  'documents.importLog': {
    schema: z.object({ limit: limit(10_000).optional() }).strict(),
    run: (args, backend) => importLog(backend.db, args.limit ?? 500),
  },
})
