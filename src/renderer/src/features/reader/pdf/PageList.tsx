import type { PageInfo } from '@shared/contract'
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react'

type PageListProps = {
  pages: readonly PageInfo[]
  /** 1-based page at the top of the view. */
  currentPage: number
  onGoTo: (page: number) => void
}

/** What an entry says: the printed label when the PDF declares one that differs from the page's number. */
export const pageEntryText = (info: PageInfo): string =>
  info.label && info.label !== String(info.page)
    ? `${info.label} (${info.page})`
    : String(info.page)

/**
 * The document's pages as a numbered list with their printed labels; an entry jumps to its page. One tab stop
 * (roving focus): ↑/↓ move between entries, Home/End to the ends, Enter or a click goes to the page.
 */
export function PageList({ pages, currentPage, onGoTo }: PageListProps): ReactNode {
  const listRef = useRef<HTMLOListElement>(null)
  const [focused, setFocused] = useState(currentPage)
  const focusedHere = useRef(false)

  // Follow the view while the list is not being used; keep the current entry in sight.
  useEffect(() => {
    if (focusedHere.current) return
    setFocused(currentPage)
    listRef.current
      ?.querySelector<HTMLElement>(`[data-page="${currentPage}"]`)
      ?.scrollIntoView({ block: 'nearest' })
  }, [currentPage])

  const move = (page: number): void => {
    const clamped = Math.min(pages.length, Math.max(1, page))
    setFocused(clamped)
    const button = listRef.current?.querySelector<HTMLElement>(`[data-page="${clamped}"]`)
    button?.focus()
    button?.scrollIntoView({ block: 'nearest' })
  }
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>): void => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0
    if (step !== 0) {
      event.preventDefault()
      move(focused + step)
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      move(event.key === 'Home' ? 1 : pages.length)
    }
  }

  return (
    <nav className="pdf-page-list" aria-label="Page list">
      <ol
        ref={listRef}
        onKeyDown={onKeyDown}
        onFocus={() => {
          focusedHere.current = true
        }}
        onBlur={() => {
          focusedHere.current = false
        }}
      >
        {pages.map((info) => (
          <li key={info.page}>
            <button
              type="button"
              data-page={info.page}
              tabIndex={info.page === focused ? 0 : -1}
              aria-current={info.page === currentPage ? 'page' : undefined}
              aria-label={
                info.label && info.label !== String(info.page)
                  ? `Page ${info.label} (${info.page} of ${pages.length})`
                  : `Page ${info.page} of ${pages.length}`
              }
              onClick={() => {
                setFocused(info.page)
                onGoTo(info.page)
              }}
            >
              {pageEntryText(info)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
