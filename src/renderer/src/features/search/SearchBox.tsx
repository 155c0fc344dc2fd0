import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react'
import { appStore, setQuery, useAppState } from '../../state/app-state'
import { useStore } from '../../state/store'
import { openHit, RESULTS_ID, resultOptionId } from './open-hit'
import { QueryHelp } from './QueryHelp'
import { searchStore, setActiveResult } from './search-controller'

/** The search box in the toolbar: results follow every keystroke; arrows and Enter work the result list. */
export function SearchBox(): ReactNode {
  const query = useAppState((state) => state.query)
  const focusNonce = useAppState((state) => state.focusSearchNonce)
  const showingResults = useAppState((state) => state.view.kind === 'search')
  const active = useStore(searchStore, (state) => state.active)
  const hasHits = useStore(searchStore, (state) => (state.result?.hits.length ?? 0) > 0)
  const isSearching = useStore(searchStore, (state) => state.isSearching)
  const inputRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (focusNonce === 0) return
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [focusNonce])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (!showingResults && query.trim()) setQuery(query)
        else setActiveResult(searchStore.get().active + 1)
        return
      case 'ArrowUp':
        event.preventDefault()
        setActiveResult(searchStore.get().active - 1)
        return
      case 'Enter': {
        event.preventDefault()
        const { result, active: index } = searchStore.get()
        const hit = result?.hits[index] ?? result?.hits[0]
        if (hit && searchStore.get().shownQuery === appStore.get().query) void openHit(hit)
        return
      }
      case 'Escape':
        if (query) {
          event.preventDefault()
          setQuery('')
        }
    }
  }

  return (
    <div className="search-box">
      <input
        ref={inputRef}
        type="search"
        aria-label="Search"
        placeholder="Search the library  (Ctrl+K)"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        aria-controls={showingResults ? RESULTS_ID : undefined}
        aria-activedescendant={showingResults && hasHits ? resultOptionId(active) : undefined}
        aria-busy={isSearching}
        autoComplete="off"
        spellCheck={false}
      />
      <button
        type="button"
        className="icon-button help-button"
        popoverTarget="query-help"
        aria-label="Query syntax help"
        title="Query syntax"
      >
        ?
      </button>
      <QueryHelp id="query-help" />
    </div>
  )
}
