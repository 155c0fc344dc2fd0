import type { SearchResult } from '@shared/contract'
import { getApi } from '../../api/client'
import { errorMessage } from '../../api/use-api-query'
import { appStore } from '../../state/app-state'
import { createStore } from '../../state/store'

export type SearchState = {
  /** The query whose results are shown (may lag the box by one request). */
  shownQuery: string
  result: SearchResult | null
  error: string | null
  isSearching: boolean
  /** Index of the highlighted result (arrow keys); Enter opens it. */
  active: number
  limit: number
  sort: 'relevance' | 'newest'
}

/** Results shown at first (and added by "Show more"): enough to scan, few enough to render on every keystroke. */
export const PAGE = 30

export const searchStore = createStore<SearchState>({
  shownQuery: '',
  result: null,
  error: null,
  isSearching: false,
  active: 0,
  limit: PAGE,
  sort: 'relevance',
})

/** Keystrokes closer together than this are merged into one request (typing bursts, key repeat); while a request is
 * in flight, further keystrokes wait for it and only the newest query is sent next. */
const DEBOUNCE_MS = 8

let timer: ReturnType<typeof setTimeout> | null = null
let inFlight = false
let queued = false

/**
 * Search as you type: a short debounce, at most one request in flight, and only the newest query's answer is
 * shown (an answer for a query the box no longer holds is dropped).
 */
function schedule(): void {
  if (timer) clearTimeout(timer)
  timer = setTimeout(() => {
    timer = null
    void send()
  }, DEBOUNCE_MS)
}

async function send(): Promise<void> {
  if (inFlight) {
    queued = true
    return
  }
  const query = appStore.get().query
  const { limit, sort } = searchStore.get()
  if (!query.trim()) {
    searchStore.set({ shownQuery: '', result: null, error: null, isSearching: false, active: 0 })
    return
  }
  inFlight = true
  searchStore.set({ isSearching: true })
  try {
    const result = await getApi().invoke('search.query', {
      query,
      limit,
      sort,
      asYouType: true,
      includeQuotes: true,
    })
    if (appStore.get().query === query && !queued) {
      const sameQuery = searchStore.get().shownQuery === query
      searchStore.set({
        shownQuery: query,
        result,
        error: null,
        active: sameQuery ? searchStore.get().active : 0,
      })
    }
  } catch (error) {
    if (appStore.get().query === query && !queued) {
      searchStore.set({ shownQuery: query, result: null, error: errorMessage(error), active: 0 })
    }
  } finally {
    inFlight = false
    if (queued) {
      queued = false
      void send()
    } else {
      searchStore.set({ isSearching: false })
    }
  }
}

let lastQuery = ''

/** Follow the query in the app state; call once at start-up. */
export function startInstantSearch(): () => void {
  const offState = appStore.subscribe(() => {
    const { query } = appStore.get()
    if (query === lastQuery) return
    lastQuery = query
    searchStore.set({ limit: PAGE })
    schedule()
  })
  const offChanges = getApi().on('library.changed', () => {
    if (appStore.get().query.trim()) schedule()
  })
  return () => {
    offState()
    offChanges()
  }
}

/** Search again with the current query (after a library change, a sort change or "show more"). */
export function refreshSearch(patch: Partial<Pick<SearchState, 'limit' | 'sort'>> = {}): void {
  searchStore.set(patch)
  schedule()
}

export function setActiveResult(index: number): void {
  const count = searchStore.get().result?.hits.length ?? 0
  if (count === 0) return
  searchStore.set({ active: Math.min(Math.max(index, 0), count - 1) })
}
