import { unwrap } from '@shared/api-call'
import type { ApiMethod, ArgsOf, Envelope, ResultOf } from '@shared/contract'
import { API_EFFECTS } from '@shared/contract/effects'
import type { BackendContext } from '../core/context'
import { assertWritable } from '../core/write-guard'
import { toApiError } from './api-error'
import type { ApiHandlers, CallContext } from './handler-types'
import { handlers as allHandlers } from './handlers'

const METHODS = new Set<string>(Object.keys(allHandlers))

export function isApiMethod(name: string): name is ApiMethod {
  return METHODS.has(name)
}

/**
 * The single entry every transport calls (IPC, HTTP, CLI): look the method up, validate the argument, run it, and
 * answer with an Envelope. Enforces the method's declared effects. Never throws: unknown methods and bad arguments are `invalid_args` envelopes.
 */
export async function dispatch(
  backend: BackendContext,
  method: string,
  args: unknown,
  call: CallContext = {},
  table: ApiHandlers = allHandlers,
): Promise<Envelope<unknown>> {
  try {
    if (!Object.hasOwn(table, method)) {
      return {
        ok: false,
        error: {
          code: 'invalid_args',
          message: `Unknown API method "${String(method).slice(0, 80)}".`,
        },
      }
    }
    const handler = table[method as ApiMethod] as unknown as {
      schema: { parse(v: unknown): unknown }
      run: (a: unknown, b: BackendContext, c: CallContext) => unknown
    }
    const parsed = handler.schema.parse(args ?? {})
    // Effects are data (src/shared/contract/effects.ts), not habits: a write is refused on a damaged library before
    // it runs, and its tables are announced once it has succeeded.
    const effects = API_EFFECTS[method as ApiMethod]
    if (effects.writes) assertWritable(backend)
    const value = await handler.run(parsed, backend, call)
    if (effects.changes.length > 0) backend.changed([...effects.changes])
    return { ok: true, value: value === undefined ? null : value }
  } catch (error) {
    return {
      ok: false,
      error: toApiError(error, (e) => backend.log.error(`${String(method)} failed`, e)),
    }
  }
}

/** Typed convenience for in-process callers (tests, benchmarks): unwraps the envelope or throws ApiCallError. */
export async function call<M extends ApiMethod>(
  backend: BackendContext,
  method: M,
  args: ArgsOf<M>,
): Promise<ResultOf<M>> {
  return unwrap(await dispatch(backend, method, args)) as ResultOf<M>
}

export { ApiCallError } from '@shared/api-call'
