import { z } from 'zod'
import { paletteEntries } from '../../palette/palette-entries'
import { defineHandlers } from '../handler-types'

export const paletteHandlers = defineHandlers({
  'palette.entries': {
    schema: z
      .object({
        since: z.string().datetime().optional(),
        parts: z
          .array(z.enum(['documents', 'quotes', 'tags', 'searches', 'comparisons']))
          .max(5)
          .optional(),
        limit: z.number().int().min(1).max(100_000).optional(),
        before: z.number().int().min(1).optional(),
      })
      .strict(),
    run: (args, backend) => paletteEntries(backend.db, args),
  },
})
