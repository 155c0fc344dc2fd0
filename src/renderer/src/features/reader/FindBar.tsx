import type { DocumentId } from '@shared/contract'
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { getApi } from '../../api/client'
import { errorMessage } from '../../api/use-api-query'
import type { FindState } from './DocumentSurface'

type FindBarProps = {
  documentId: DocumentId
  initialQuery: string
  onChange: (find: FindState | null) => void
  onClose: () => void
}

/**
 * Find in the open document, with the same folding rules as search (`search.inDocument`): match count and
 * next/previous (Enter, Shift+Enter).
 */
export function FindBar({ documentId, initialQuery, onChange, onClose }: FindBarProps): ReactNode {
  const [query, setQuery] = useState(initialQuery)
  const [matches, setMatches] = useState<{ start: number; end: number }[]>([])
  const [current, setCurrent] = useState(0)
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
        .invoke('search.inDocument', { documentId, query })
        .then(
          (result) => {
            if (ticket !== sequence.current) return
            setMatches(result.matches)
            setCurrent(0)
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
  }, [documentId, query])

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
      <output className="find-count" aria-live="polite">
        {status}
      </output>
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
      <button type="button" aria-label="Close find" className="icon-button" onClick={onClose}>
        ×
      </button>
    </search>
  )
}
