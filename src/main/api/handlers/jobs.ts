import { z } from 'zod'
import { DomainError } from '../../core/errors'
import { defineHandlers } from '../handler-types'
import { empty, jobId } from '../schemas'

export const jobsHandlers = defineHandlers({
  'jobs.cancel': {
    schema: z.object({ jobId }).strict(),
    run: ({ jobId }, backend) => ({ cancelled: backend.jobs.cancel(jobId) }),
  },
  'jobs.wait': {
    schema: z.object({ jobId }).strict(),
    run: async ({ jobId }, backend) => {
      const outcome = await backend.jobs.wait(jobId)
      if (!outcome) throw new DomainError('not_found', `No job with id ${jobId}.`)
      return outcome
    },
  },
  'jobs.list': { schema: empty, run: (_args, backend) => backend.jobs.list() },
})
