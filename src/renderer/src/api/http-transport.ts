import { ApiCallError, unwrap } from '@shared/api-call'
import type {
  ApiEventName,
  ApiEvents,
  ApiMethod,
  ApiTransport,
  ArgsOf,
  Envelope,
  ResultOf,
} from '@shared/contract'

/**
 * The web host transport: `POST /api/<method>` with the per-run token, and one Server-Sent Events stream for
 * `ApiEvents`. Same origin as the page, so no CORS is involved.
 */
export function createHttpTransport(
  origin: string,
  token: string,
): ApiTransport & { token: string } {
  const listeners = new Map<ApiEventName, Set<(payload: unknown) => void>>()
  let source: EventSource | null = null

  const ensureStream = (): void => {
    if (source) return
    source = new EventSource(`${origin}/api/events?token=${encodeURIComponent(token)}`)
    source.onmessage = (message) => {
      try {
        const { event, payload } = JSON.parse(message.data as string) as {
          event: ApiEventName
          payload: unknown
        }
        for (const listener of listeners.get(event) ?? []) listener(payload)
      } catch {
        // A malformed frame is dropped; the next one still arrives.
      }
    }
  }

  return {
    token,
    async invoke<M extends ApiMethod>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Lectern-Token': token },
        body: JSON.stringify(args ?? {}),
      })
      const envelope = (await response.json().catch(() => null)) as Envelope<ResultOf<M>> | null
      if (!response.ok || !envelope) {
        // Refusals (wrong token, foreign origin, oversized body) carry an envelope with the reason when they can.
        const reason = envelope && !envelope.ok ? ` ${envelope.error.message}` : ''
        throw new ApiCallError(
          'internal',
          `The Lectern host refused the call (HTTP ${response.status}).${reason}`,
        )
      }
      return unwrap(envelope)
    },
    on<E extends keyof ApiEvents>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      ensureStream()
      let set = listeners.get(event)
      if (!set) {
        set = new Set()
        listeners.set(event, set)
      }
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      return () => set.delete(wrapped)
    },
  }
}
