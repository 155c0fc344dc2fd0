import type { ApiMethod, ArgsOf, ResultOf } from '@shared/contract'
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import { queryCache } from './use-api-query'

export type PagedRows<T> = {
  /** Rows matching, or undefined before the first answer. */
  total: number | undefined
  rowAt(index: number): T | undefined
  /** Rows loaded so far, in order of index (for range selection). */
  loadedRows(from: number, to: number): T[]
  error: Error | undefined
  isFetching: boolean
  /** Fetch the first page again (after an error). */
  refetch: () => void
}

/**
 * A long list read page by page through the query cache: only the pages around the visible range are fetched and
 * held, so a 100,000-row table costs a few small calls. Pages are refetched (not emptied) when the library changes.
 */
export function usePagedRows<M extends ApiMethod, T>(
  method: M,
  baseArgs: Omit<ArgsOf<M>, 'offset' | 'limit'>,
  extract: (result: ResultOf<M>) => { total: number; items: T[] },
  visible: { start: number; end: number },
  pageSize = 100,
): PagedRows<T> {
  useSyncExternalStore(
    (listener) => queryCache.subscribeAll(listener),
    () => queryCache.version(),
  )
  const baseKey = JSON.stringify(baseArgs)
  // biome-ignore lint/correctness/useExhaustiveDependencies: baseKey is the value identity of baseArgs
  const base = useMemo(() => baseArgs, [baseKey])
  const argsFor = (page: number): ArgsOf<M> =>
    ({ ...base, offset: page * pageSize, limit: pageSize }) as ArgsOf<M>

  const firstPage = Math.floor(Math.max(0, visible.start) / pageSize)
  const lastPage = Math.floor(Math.max(0, visible.end) / pageSize)

  useEffect(() => {
    const releases: (() => void)[] = []
    const pages = new Set([0])
    for (let page = firstPage; page <= lastPage; page++) pages.add(page)
    for (const page of pages) {
      const args = { ...base, offset: page * pageSize, limit: pageSize } as ArgsOf<M>
      releases.push(queryCache.hold(method, args))
      queryCache.ensure(method, args)
    }
    return () => {
      for (const release of releases) release()
    }
  }, [method, base, firstPage, lastPage, pageSize])

  const first = queryCache.snapshot(method, argsFor(0))
  const lastTotal = useRef<number | undefined>(undefined)
  const firstData = first.data === undefined ? undefined : extract(first.data)
  if (firstData) lastTotal.current = firstData.total
  else if (first.error) lastTotal.current = undefined

  const rowAt = (index: number): T | undefined => {
    const page = Math.floor(index / pageSize)
    const snapshot = queryCache.snapshot(method, argsFor(page))
    if (snapshot.data === undefined) return undefined
    return extract(snapshot.data).items[index - page * pageSize]
  }

  return {
    total: firstData?.total ?? (first.error ? undefined : lastTotal.current),
    rowAt,
    loadedRows(from, to) {
      const rows: T[] = []
      for (let index = from; index <= to; index++) {
        const row = rowAt(index)
        if (row !== undefined) rows.push(row)
      }
      return rows
    },
    error: first.error,
    isFetching: first.isFetching,
    refetch: () => queryCache.refetch(method, argsFor(0)),
  }
}
