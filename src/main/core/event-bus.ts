import type { ApiEventName, ApiEvents } from '@shared/contract'

type Listener<E extends ApiEventName> = (payload: ApiEvents[E]) => void

/** Typed in-process pub/sub; transports subscribe and forward events to their clients. */
export class EventBus {
  #listeners = new Map<ApiEventName, Set<Listener<ApiEventName>>>()
  #any = new Set<(event: ApiEventName, payload: unknown) => void>()

  on<E extends ApiEventName>(event: E, listener: Listener<E>): () => void {
    let set = this.#listeners.get(event)
    if (!set) {
      set = new Set()
      this.#listeners.set(event, set)
    }
    set.add(listener as Listener<ApiEventName>)
    return () => set.delete(listener as Listener<ApiEventName>)
  }

  /** Every event, for transports that forward all of them (SSE, IPC). */
  onAny(listener: (event: ApiEventName, payload: unknown) => void): () => void {
    this.#any.add(listener)
    return () => this.#any.delete(listener)
  }

  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(payload)
    for (const listener of this.#any) listener(event, payload)
  }
}
