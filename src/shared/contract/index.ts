/**
 * THE Lectern API contract: one typed method table served three ways (Electron IPC, the loopback web host, the CLI).
 *
 * How to add an API method:
 * 1. Declare it in the domain file here (`'<domain>.<verb>': (args: {...}) => Result`), with JSDoc.
 * 2. Add its zod schema and handler in `src/main/api/handlers/<domain>.ts`; the compiler then insists on both
 *    (`satisfies ApiHandlers` in src/main/api/handlers/index.ts).
 * 3. Results are plain JSON: no Date, Map, Buffer or class instances.
 */
import type { CompareApi } from './compare'
import type { DocumentsApi } from './documents'
import type { ExportApi } from './export'
import type { JobsApi } from './jobs'
import type { LibraryApi } from './library'
import type { OriginalsApi } from './originals'
import type { PaletteApi } from './palette'
import type { QuotesApi } from './quotes'
import type { SearchApi } from './search'
import type { TagsApi } from './tags'

export type Api = DocumentsApi &
  TagsApi &
  QuotesApi &
  SearchApi &
  ExportApi &
  CompareApi &
  LibraryApi &
  OriginalsApi &
  JobsApi &
  PaletteApi

export type ApiMethod = keyof Api
export type ArgsOf<M extends ApiMethod> = Parameters<Api[M]>[0]
export type ResultOf<M extends ApiMethod> = ReturnType<Api[M]>

import type { ApiEvents } from './events'

/** What the renderer talks to; Electron's preload, the HTTP client and tests all implement it. */
export type ApiTransport = {
  invoke<M extends ApiMethod>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>
  on<E extends keyof ApiEvents>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
}

export * from './common'
export * from './compare'
export * from './documents'
export * from './events'
export * from './export'
export * from './jobs'
export * from './library'
export * from './metadata'
export * from './originals'
export * from './palette'
export * from './quotes'
export * from './search'
export * from './tags'
