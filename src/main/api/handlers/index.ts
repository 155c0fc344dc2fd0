import type { ApiHandlers } from '../handler-types'
import { compareHandlers } from './compare'
import { documentsHandlers } from './documents'
import { exportHandlers } from './export'
import { importHandlers } from './import'
import { jobsHandlers } from './jobs'
import { libraryHandlers } from './library'
import { originalsHandlers } from './originals'
import { paletteHandlers } from './palette'
import { quotesHandlers } from './quotes'
import { searchHandlers } from './search'
import { tagsHandlers } from './tags'

/** The one handler table. A missing or misspelled method is a compile error here. */
export const handlers = {
  ...documentsHandlers,
  ...importHandlers,
  ...tagsHandlers,
  ...quotesHandlers,
  ...searchHandlers,
  ...exportHandlers,
  ...compareHandlers,
  ...libraryHandlers,
  ...originalsHandlers,
  ...jobsHandlers,
  ...paletteHandlers,
} satisfies ApiHandlers
