import type { ApiMethod, ApiTransport, ArgsOf, LibraryTable, ResultOf } from '@shared/contract'
import { READ_DEPENDENCIES } from '@shared/contract/effects'

/** What a component sees of one cached call. `data` stays while a refetch runs, so lists never flash empty. */
export type QuerySnapshot<T> = {
  data: T | undefined
  error: Error | undefined
  isLoading: boolean
  isFetching: boolean
}

type Entry = {
  key: string
  method: ApiMethod
  args: unknown
  snapshot: QuerySnapshot<unknown>
  listeners: Set<() => void>
  /** Components and paged lists holding this entry; entries nobody holds are dropped on invalidation. */
  holders: number
  /** Bumped by every fetch, so an older response never overwrites a newer one. */
  generation: number
  stale: boolean
}

const MAX_ENTRIES = 400

const ALL_TABLES: LibraryTable[] = ['documents', 'tags', 'quotes', 'searches', 'comparisons']

/** Reads not in READ_DEPENDENCIES (src/shared/contract/effects.ts) depend on everything (safe default). */
const DEPENDS_ON = READ_DEPENDENCIES

/** The cache key of a call: method plus its arguments, serialised with sorted keys so `{a,b}` = `{b,a}`. */
export function queryKey(method: ApiMethod, args: unknown): string {
  return `${method}:${JSON.stringify(args, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : value,
  )}`
}

const EMPTY: QuerySnapshot<unknown> = {
  data: undefined,
  error: undefined,
  isLoading: false,
  isFetching: false,
}

/**
 * A small read cache over the API, keyed by [method, args] and invalidated by `library.changed`. Server data lives
 * here and is never copied into app state (STYLE.md 2.7).
 */
export class QueryCache {
  readonly #entries = new Map<string, Entry>()
  readonly #anyListeners = new Set<() => void>()
  #version = 0

  constructor(private readonly api: () => ApiTransport) {}

  /** Current snapshot of a call (EMPTY before its first fetch). */
  snapshot<M extends ApiMethod>(method: M, args: ArgsOf<M>): QuerySnapshot<ResultOf<M>> {
    const entry = this.#entries.get(queryKey(method, args))
    return (entry?.snapshot ?? EMPTY) as QuerySnapshot<ResultOf<M>>
  }

  /** Fetch the call unless it is cached and fresh (or already in flight). */
  ensure<M extends ApiMethod>(method: M, args: ArgsOf<M>): void {
    const entry = this.#entry(method, args)
    if (entry.snapshot.isFetching) return
    if (entry.snapshot.data !== undefined && !entry.stale) return
    if (entry.snapshot.error && !entry.stale) return
    this.#fetch(entry)
  }

  /** Fetch again even when fresh. */
  refetch<M extends ApiMethod>(method: M, args: ArgsOf<M>): void {
    this.#fetch(this.#entry(method, args))
  }

  /** Hold an entry (keeps it through invalidations and refetches it); returns the release function. */
  hold<M extends ApiMethod>(method: M, args: ArgsOf<M>, listener?: () => void): () => void {
    const entry = this.#entry(method, args)
    entry.holders++
    if (listener) entry.listeners.add(listener)
    return () => {
      entry.holders--
      if (listener) entry.listeners.delete(listener)
    }
  }

  /** Listen to every change of every entry (paged lists read many entries at once). */
  subscribeAll(listener: () => void): () => void {
    this.#anyListeners.add(listener)
    return () => this.#anyListeners.delete(listener)
  }

  /** A number that changes whenever any entry changes. */
  version(): number {
    return this.#version
  }

  /** Mark reads that depend on these tables stale: held ones refetch now, the others are dropped. */
  invalidate(tables: readonly LibraryTable[]): void {
    for (const entry of [...this.#entries.values()]) {
      const depends = DEPENDS_ON[entry.method] ?? ALL_TABLES
      if (!depends.some((table) => tables.includes(table))) continue
      if (entry.holders > 0) {
        entry.stale = true
        this.#fetch(entry)
      } else {
        this.#entries.delete(entry.key)
      }
    }
    this.#notifyAll()
  }

  #entry(method: ApiMethod, args: unknown): Entry {
    const key = queryKey(method, args)
    let entry = this.#entries.get(key)
    if (!entry) {
      entry = {
        key,
        method,
        args,
        snapshot: EMPTY,
        listeners: new Set(),
        holders: 0,
        generation: 0,
        stale: false,
      }
      this.#entries.set(key, entry)
      this.#trim()
    }
    return entry
  }

  /** Drop the oldest entries nobody holds once the cache grows large (every keystroke of a search is a key). */
  #trim(): void {
    if (this.#entries.size <= MAX_ENTRIES) return
    for (const entry of this.#entries.values()) {
      if (this.#entries.size <= MAX_ENTRIES * 0.8) break
      if (entry.holders === 0 && !entry.snapshot.isFetching) this.#entries.delete(entry.key)
    }
  }

  #set(entry: Entry, patch: Partial<QuerySnapshot<unknown>>): void {
    entry.snapshot = { ...entry.snapshot, ...patch }
    for (const listener of [...entry.listeners]) listener()
    this.#notifyAll()
  }

  #notifyAll(): void {
    this.#version++
    for (const listener of [...this.#anyListeners]) listener()
  }

  #fetch(entry: Entry): void {
    const generation = ++entry.generation
    entry.stale = false
    this.#set(entry, { isFetching: true, isLoading: entry.snapshot.data === undefined })
    const invoke = this.api().invoke as (method: ApiMethod, args: unknown) => Promise<unknown>
    invoke(entry.method, entry.args).then(
      (data) => {
        if (generation !== entry.generation) return
        this.#set(entry, { data, error: undefined, isFetching: false, isLoading: false })
      },
      (error: unknown) => {
        if (generation !== entry.generation) return
        this.#set(entry, {
          error: error instanceof Error ? error : new Error(String(error)),
          isFetching: false,
          isLoading: false,
        })
      },
    )
  }
}
