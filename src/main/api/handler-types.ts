import type { ApiMethod, ArgsOf, ResultOf } from '@shared/contract'
import type { z } from 'zod'
import type { BackendContext } from '../core/context'

/** Per-call facts a handler may need beyond its arguments. */
export type CallContext = {
  /** Cancelled when the caller goes away (HTTP request closed, window closed). */
  signal?: AbortSignal
}

/** One method: the zod schema its argument must pass, and the implementation. */
export type Handler<M extends ApiMethod> = {
  schema: z.ZodType<ArgsOf<M>>
  run: (
    args: ArgsOf<M>,
    backend: BackendContext,
    call: CallContext,
  ) => ResultOf<M> | Promise<ResultOf<M>>
}

export type HandlersFor<K extends ApiMethod> = { [M in K]: Handler<M> }
export type ApiHandlers = HandlersFor<ApiMethod>

/** Helper so each domain file gets inference and completeness checks for its own methods. */
export function defineHandlers<K extends ApiMethod>(handlers: HandlersFor<K>): HandlersFor<K> {
  return handlers
}
