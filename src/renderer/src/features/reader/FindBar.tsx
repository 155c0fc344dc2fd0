import type { DocumentId, InDocumentResult } from '@shared/contract'
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import { getApi } from '../../api/client'
import { errorMessage } from '../../api/use-api-query'
import { type FindMode, goToPassage, type HitPassage } from '../../state/app-state'
import type { FindState } from './DocumentSurface'
import { findQuery, firstMatchFrom } from './find-query'

/** "p. xii": where a match or passage is, by the page's printed label when it has one ('' without pages). */
const pageOf = (at: { page: number | null; pageLabel: string | null } | undefined): string =>
  at && at.page !== null ? `p. ${at.pageLabel ?? at.page}` : ''

type FindBarProps = {
  documentId: DocumentId
  initialQuery: string
  initialMode: FindMode
  /** The passages of the search hit the document was opened from; the first match shown is in the first. */
  passages: readonly HitPassage[]
  onChange: (find: FindState | null) => void
  onClose: () => void
}

/**
 * Find in the open document, with the same folding rules as search (`search.inDocument`): the typed text as a
 * phrase (or any of its words), match count and next/previous (Enter, Shift+Enter). Opened from a search hit, it
 * also steps through the hit's passages (Alt+↓, Alt+↑).
 */
export function FindBar({
  documentId,
  initialQuery,
  initialMode,
  passages,
  onChange,
  onClose,
}: FindBarProps): ReactNode {
  const [query, setQuery] = useState(initialQuery)
  const [mode, setMode] = useState<FindMode>(initialMode)
  const [matches, setMatches] = useState<InDocumentResult['matches']>([])
  const [current, setCurrent] = useState(0)
  const [passageIndex, setPassageIndex] = useState(0)
  // Where the first answer's current match starts: the hit's first passage, then the document's start.
  const startAt = useRef<number | null>(passages[0]?.start ?? null)
  const [error, setError] = useState<string | null>(null)
  // The query the matches belong to: until the answer for the typed query arrives, say so rather than "No matches".
  const [answered, setAnswered] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const sequence = useRef(0)

  // Opened by the user: type straight away. Opened with the search words: leave focus where it was.
  const focusOnOpen = useRef(initialQuery === '')
  useEffect(() => {
    if (!focusOnOpen.current) return
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])

  useEffect(() => {
    const ticket = ++sequence.current
    if (!query.trim()) {
      setMatches([])
      setError(null)
      setAnswered(query)
      return
    }
    const timer = setTimeout(() => {
      getApi()
        .invoke('search.inDocument', { documentId, query: findQuery(query, mode) })
        .then(
          (result) => {
            if (ticket !== sequence.current) return
            setMatches(result.matches)
            setCurrent(firstMatchFrom(result.matches, startAt.current))
            startAt.current = null
            setError(null)
            setAnswered(query)
          },
          (failure: unknown) => {
            if (ticket !== sequence.current) return
            setMatches([])
            setError(errorMessage(failure))
            setAnswered(query)
          },
        )
    }, 120)
    return () => clearTimeout(timer)
  }, [documentId, query, mode])

  const changeRef = useRef(onChange)
  changeRef.current = onChange
  useEffect(() => {
    changeRef.current(matches.length > 0 ? { matches, current } : null)
  }, [matches, current])
  useEffect(() => () => changeRef.current(null), [])

  const step = (delta: number): void => {
    if (matches.length === 0) return
    setCurrent((index) => (index + delta + matches.length) % matches.length)
  }
  const matchesRef = useRef(matches)
  matchesRef.current = matches
  const stepPassage = useCallback(
    (delta: number): void => {
      if (passages.length === 0) return
      const index = (passageIndex + delta + passages.length) % passages.length
      const passage = passages[index] as HitPassage
      setPassageIndex(index)
      setCurrent(firstMatchFrom(matchesRef.current, passage.start))
      goToPassage(passage.start, passage.end)
    },
    [passages, passageIndex],
  )
  // The hit's other passages, one keystroke away wherever the focus is in the reader.
  useEffect(() => {
    if (passages.length < 2) return
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (!event.altKey || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return
      // First, and only here: the search box would otherwise take Alt+↓ as "show the results".
      event.preventDefault()
      event.stopPropagation()
      stepPassage(event.key === 'ArrowDown' ? 1 : -1)
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [passages, stepPassage])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      step(event.shiftKey ? -1 : 1)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
    }
  }

  const status = error
    ? error
    : !query.trim()
      ? ''
      : answered !== query
        ? 'Searching…'
        : matches.length === 0
          ? 'No matches'
          : `${current + 1} of ${matches.length}`

  return (
    <search aria-label="Find in this document" className="find-bar">
      <input
        ref={inputRef}
        type="text"
        aria-label="Find in document"
        placeholder="Find in document"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <label
        className="find-any"
        title="Off: the typed words as one phrase. Quotes work as in search."
      >
        <input
          type="checkbox"
          checked={mode === 'any'}
          onChange={(event) => setMode(event.target.checked ? 'any' : 'phrase')}
        />
        Match any word
      </label>
      <output className="find-count" aria-live="polite">
        {status}
      </output>
      {status === `${current + 1} of ${matches.length}` && pageOf(matches[current]) && (
        <span className="find-page">{pageOf(matches[current])}</span>
      )}
      <button
        type="button"
        aria-label="Previous match"
        onClick={() => step(-1)}
        disabled={!matches.length}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label="Next match"
        onClick={() => step(1)}
        disabled={!matches.length}
      >
        ↓
      </button>
      {passages.length > 1 && (
        <fieldset className="find-passages" aria-label="Passages that matched the search">
          <span>
            Passage {passageIndex + 1} of {passages.length}
            {pageOf(passages[passageIndex]) && ` · ${pageOf(passages[passageIndex])}`}
          </span>
          <button
            type="button"
            aria-label="Previous passage"
            title="Previous passage (Alt+↑)"
            onClick={() => stepPassage(-1)}
          >
            ‹
          </button>
          <button
            type="button"
            aria-label="Next passage"
            title="Next passage (Alt+↓)"
            onClick={() => stepPassage(1)}
          >
            ›
          </button>
        </fieldset>
      )}
      <button type="button" aria-label="Close find" className="icon-button" onClick={onClose}>
        ×
      </button>
    </search>
  )
}
