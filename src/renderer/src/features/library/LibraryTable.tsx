// biome-ignore-all lint/a11y/useSemanticElements: a virtualised grid cannot be a <table> (rows are absolutely positioned); the ARIA grid roles carry the semantics
// biome-ignore-all lint/a11y/useFocusableInteractive: rows and cells are reached through the grid's aria-activedescendant, not Tab
// biome-ignore-all lint/a11y/useKeyWithClickEvents: the grid's keydown handler covers every row (arrows, Space, Enter)
import { sourceBesideAuthors } from '@shared/byline'
import type { DocumentId, DocumentSortKey, DocumentSummary } from '@shared/contract'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  type KeyboardEvent,
  type MouseEvent,
  memo,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react'
import type { PagedRows } from '../../api/use-paged-rows'
import { DocumentKind } from '../../components/DocumentKind'
import {
  documentKind,
  formatAuthors,
  formatCount,
  formatDateTime,
  formatPartialDate,
  formatTimestamp,
} from '../../components/format'
import { TagChip } from '../../components/TagChip'
import {
  addIds,
  type DocumentSelection,
  isSelected,
  NO_SELECTION,
  selectAll,
  selectedCount,
  selectIds,
  toggleId,
} from '../../state/document-selection'

export const ROW_HEIGHT = 36

type Column = { key: DocumentSortKey | null; label: string }

const COLUMNS: Column[] = [
  { key: 'title', label: 'Title' },
  { key: 'authors', label: 'Authors / source' },
  { key: 'publishedAt', label: 'Date' },
  { key: null, label: 'Tags' },
  { key: 'wordCount', label: 'Words' },
  { key: 'importedAt', label: 'Imported' },
]

type LibraryTableProps = {
  rows: PagedRows<DocumentSummary>
  /** Changes when the filter or sort changes: the list then starts again from the top. */
  listKey: string
  sort: DocumentSortKey
  order: 'asc' | 'desc'
  selection: DocumentSelection
  onSort: (key: DocumentSortKey) => void
  onSelect: (selection: DocumentSelection) => void
  onOpen: (id: DocumentId) => void
  onVisibleRange: (range: { start: number; end: number }) => void
}

/**
 * The library as an ARIA grid, virtualised: only the rows on screen exist in the DOM, so 100,000 documents scroll
 * like 100. Click selects, Ctrl/Cmd-click toggles, Shift-click extends; arrows move, Space toggles, Enter opens;
 * Ctrl/Cmd+A (or the header checkbox) selects every document matching the filters, loaded or not.
 */
export function LibraryTable({
  rows,
  listKey,
  sort,
  order,
  selection,
  onSort,
  onSelect,
  onOpen,
  onVisibleRange,
}: LibraryTableProps): ReactNode {
  const scrollRef = useRef<HTMLDivElement>(null)
  const total = rows.total ?? 0
  const [active, setActive] = useState(0)
  const anchor = useRef(0)
  const idPrefix = useId()

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The sticky header row sits above the rows inside the same scroll box.
    scrollMargin: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT,
  })
  const items = virtualizer.getVirtualItems()
  const start = items[0]?.index ?? 0
  const end = items[items.length - 1]?.index ?? 0

  const rangeRef = useRef(onVisibleRange)
  rangeRef.current = onVisibleRange
  useEffect(() => {
    rangeRef.current({ start, end })
  }, [start, end])

  useEffect(() => {
    if (active >= total && total > 0) setActive(total - 1)
  }, [active, total])

  const firstKey = useRef(listKey)
  useEffect(() => {
    if (firstKey.current === listKey) return
    firstKey.current = listKey
    scrollRef.current?.scrollTo({ top: 0 })
    setActive(0)
  }, [listKey])

  const selectRange = (from: number, to: number, additive: boolean): void => {
    const [low, high] = from < to ? [from, to] : [to, from]
    const ids = rows.loadedRows(low, high).map((row) => row.id)
    onSelect(additive ? addIds(selection, ids) : selectIds(ids))
  }
  const toggle = (id: DocumentId): void => onSelect(toggleId(selection, id))
  const count = selectedCount(selection, total)
  const allSelected = total > 0 && count === total

  // Stable callbacks for the memoised rows, always calling the latest handlers.
  const latest = useRef({ toggle, onOpen })
  latest.current = { toggle, onOpen }
  const toggleRef = useRef((id: DocumentId) => latest.current.toggle(id))
  const openRef = useRef((id: DocumentId) => latest.current.onOpen(id))

  const onRowClick = (event: MouseEvent, index: number, id: DocumentId): void => {
    setActive(index)
    if (event.shiftKey) selectRange(anchor.current, index, event.ctrlKey || event.metaKey)
    else if (event.ctrlKey || event.metaKey) {
      anchor.current = index
      toggle(id)
    } else {
      anchor.current = index
      onSelect(selectIds([id]))
    }
  }

  const move = (index: number, extend: boolean): void => {
    const next = Math.min(Math.max(index, 0), total - 1)
    setActive(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
    if (extend) selectRange(anchor.current, next, false)
    else anchor.current = next
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (total === 0) return
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1)
    const handled = (): void => event.preventDefault()
    switch (event.key) {
      case 'ArrowDown':
        handled()
        move(active + 1, event.shiftKey)
        return
      case 'ArrowUp':
        handled()
        move(active - 1, event.shiftKey)
        return
      case 'PageDown':
        handled()
        move(active + page, event.shiftKey)
        return
      case 'PageUp':
        handled()
        move(active - page, event.shiftKey)
        return
      case 'Home':
        handled()
        move(0, event.shiftKey)
        return
      case 'End':
        handled()
        move(total - 1, event.shiftKey)
        return
      case ' ': {
        handled()
        const row = rows.rowAt(active)
        if (row) toggle(row.id)
        return
      }
      case 'Enter': {
        handled()
        const row = rows.rowAt(active)
        if (row) onOpen(row.id)
        return
      }
      case 'a':
        if (event.ctrlKey || event.metaKey) {
          handled()
          onSelect(selectAll())
        }
        return
      case 'Escape':
        if (count > 0) {
          handled()
          onSelect(NO_SELECTION)
        }
    }
  }

  return (
    <div
      ref={scrollRef}
      className="library-grid"
      role="grid"
      aria-label="Documents"
      aria-rowcount={total + 1}
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={total > 0 ? `${idPrefix}-row-${active}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="library-head">
        <div className="library-row" role="row" aria-rowindex={1}>
          <div role="columnheader" className="cell-check">
            <input
              type="checkbox"
              aria-label={`Select all ${formatCount(total)} documents`}
              title="Select all (Ctrl+A)"
              checked={allSelected}
              ref={(input) => {
                if (input) input.indeterminate = count > 0 && !allSelected
              }}
              onChange={() => onSelect(allSelected ? NO_SELECTION : selectAll())}
            />
          </div>
          {COLUMNS.map((column) => (
            <div
              key={column.label}
              role="columnheader"
              aria-sort={
                column.key === sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined
              }
              className={column.key === 'wordCount' ? 'cell-number' : undefined}
            >
              {column.key ? (
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => column.key && onSort(column.key)}
                >
                  {column.label}
                  <span aria-hidden="true" className="sort-mark">
                    {column.key === sort ? (order === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              ) : (
                column.label
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows.rowAt(item.index)
          const rowSelected = row ? isSelected(selection, row.id) : false
          return (
            <div
              key={item.key}
              id={`${idPrefix}-row-${item.index}`}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={rowSelected}
              className={`library-row${rowSelected ? ' is-selected' : ''}${
                item.index === active ? ' is-active' : ''
              }`}
              style={{ transform: `translateY(${item.start - ROW_HEIGHT}px)`, height: ROW_HEIGHT }}
              onClick={row ? (event) => onRowClick(event, item.index, row.id) : undefined}
              onDoubleClick={row ? () => onOpen(row.id) : undefined}
              // A double-click opens the row: it must not also select a word in it.
              onMouseDown={(event) => {
                if (event.detail > 1) event.preventDefault()
              }}
            >
              {row ? (
                <LibraryRowCells
                  row={row}
                  selected={rowSelected}
                  onToggle={toggleRef.current}
                  onOpen={openRef.current}
                />
              ) : (
                <div role="gridcell" className="row-placeholder">
                  <span className="skeleton" />
                </div>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}

type LibraryRowCellsProps = {
  row: DocumentSummary
  selected: boolean
  onToggle: (id: DocumentId) => void
  onOpen: (id: DocumentId) => void
}

/** Memoised: scrolling re-renders the grid every frame, but a row only when its data or selection changes. */
const LibraryRowCells = memo(function LibraryRowCells({
  row,
  selected,
  onToggle,
  onOpen,
}: LibraryRowCellsProps): ReactNode {
  const byline = [formatAuthors(row.authors, 2), sourceBesideAuthors(row.source, row.authors)]
    .filter(Boolean)
    .join(' · ')
  const kind = documentKind(row.format, row.language)
  return (
    <>
      <div role="gridcell" className="cell-check">
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={`Select ${row.title} (${kind.long})`}
          checked={selected}
          onClick={(event) => event.stopPropagation()}
          onChange={() => onToggle(row.id)}
        />
      </div>
      <div role="gridcell" className="cell-title">
        <button
          type="button"
          tabIndex={-1}
          className="title-button"
          title={row.title}
          onClick={(event) => {
            event.stopPropagation()
            onOpen(row.id)
          }}
        >
          {row.title}
        </button>
        {/* Format and language beside the title: a PDF and its TXT, or one page in four languages, share a title. */}
        <DocumentKind format={row.format} language={row.language} />
        {row.quoteCount > 0 && (
          <span className="quote-count" title={`${row.quoteCount} quotes`}>
            {formatCount(row.quoteCount)}
            <span className="visually-hidden"> quotes</span>
          </span>
        )}
      </div>
      <div role="gridcell" className="cell-muted" title={byline}>
        {byline}
      </div>
      <div role="gridcell" className="cell-muted">
        {formatPartialDate(row.publishedAt)}
      </div>
      <div
        role="gridcell"
        className="cell-tags"
        title={row.tags.length > 1 ? row.tags.map((tag) => tag.name).join(', ') : undefined}
      >
        {/* One chip and a count: several squeezed chips in a narrow column are unreadable. */}
        {row.tags.slice(0, 1).map((tag) => (
          <TagChip key={tag.id} name={tag.name} color={tag.color} />
        ))}
        {row.tags.length > 1 && (
          <span className="muted tag-more">
            +{row.tags.length - 1}
            <span className="visually-hidden"> more tags</span>
          </span>
        )}
      </div>
      <div role="gridcell" className="cell-number cell-muted">
        {formatCount(row.wordCount)}
      </div>
      <div role="gridcell" className="cell-muted" title={formatDateTime(row.importedAt)}>
        {formatTimestamp(row.importedAt)}
      </div>
    </>
  )
})
