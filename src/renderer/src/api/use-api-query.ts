import type { ApiMethod, ArgsOf, ResultOf } from '@shared/contract'
import { changesOf } from '@shared/contract/effects'
import { useCallback, useRef, useSyncExternalStore } from 'react'
import { getApi } from './client'
import { QueryCache, type QuerySnapshot, queryKey } from './query-cache'

/** The page's one read cache. */
export const queryCache = new QueryCache(getApi)

let listening = false

/** Refetch cached reads when the backend says tables changed. Call once at start-up. */
export function listenForLibraryChanges(): () => void {
  if (listening) return () => {}
  listening = true
  const off = getApi().on('library.changed', ({ tables }) => queryCache.invalidate(tables))
  return () => {
    listening = false
    off()
  }
}

export type ApiQuery<T> = QuerySnapshot<T> & { refetch: () => void }

/**
 * Read one API call through the cache. Pass `null` as args to skip the call. With `keepPrevious`, the last data of
 * an earlier key is shown until the new key answers (search-as-you-type, paging), instead of an empty state.
 */
export function useApiQuery<M extends ApiMethod>(
  method: M,
  args: ArgsOf<M> | null,
  options: { keepPrevious?: boolean } = {},
): ApiQuery<ResultOf<M>> {
  const key = args === null ? null : queryKey(method, args)
  const argsRef = useRef(args)
  argsRef.current = args

  const subscribe = useCallback(
    (listener: () => void) => {
      const current = argsRef.current
      if (key === null || current === null) return () => {}
      const release = queryCache.hold(method, current, listener)
      queryCache.ensure(method, current)
      return release
    },
    [method, key],
  )
  const getSnapshot = useCallback((): QuerySnapshot<ResultOf<M>> => {
    const current = argsRef.current
    if (key === null || current === null) return IDLE as QuerySnapshot<ResultOf<M>>
    return queryCache.snapshot(method, current)
  }, [method, key])
  const snapshot = useSyncExternalStore(subscribe, getSnapshot)

  const previous = useRef<ResultOf<M> | undefined>(undefined)
  if (snapshot.data !== undefined) previous.current = snapshot.data
  const data =
    snapshot.data ?? (options.keepPrevious && key !== null ? previous.current : undefined)

  const refetch = useCallback(() => {
    const current = argsRef.current
    if (current !== null) queryCache.refetch(method, current)
  }, [method])
  return { ...snapshot, data, refetch }
}

const IDLE: QuerySnapshot<unknown> = {
  data: undefined,
  error: undefined,
  isLoading: false,
  isFetching: false,
}

/**
 * Call a writing method, then refetch the reads that depend on the tables it changes (the backend also sends `library.changed`,
 * but the caller should not wait for the event stream to see its own write).
 */
export async function mutate<M extends ApiMethod>(
  method: M,
  args: ArgsOf<M>,
): Promise<ResultOf<M>> {
  const result = await getApi().invoke(method, args)
  // The same tables the backend announces (src/shared/contract/effects.ts); refetch now, not when the event lands.
  queryCache.invalidate(changesOf(method))
  return result
}

/** The message to show a person for a failed call. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message
  return 'Something went wrong.'
}
