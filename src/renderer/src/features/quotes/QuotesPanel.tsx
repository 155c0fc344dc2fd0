import type { Quote, QuoteId, QuoteListArgs, QuoteSelection } from '@shared/contract'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import { errorMessage, mutate, useApiQuery } from '../../api/use-api-query'
import { usePagedRows } from '../../api/use-paged-rows'
import { copyQuotes } from '../../components/clipboard'
import { ErrorNotice } from '../../components/ErrorNotice'
import { formatCount, plural } from '../../components/format'
import { useRovingFocus } from '../../components/use-roving-focus'
import {
  appStore,
  openDocument,
  pushUndo,
  showView,
  toast,
  useAppState,
} from '../../state/app-state'
import { EditQuoteDialog } from './EditQuoteDialog'
import { type QuoteAction, QuoteCard } from './QuoteCard'

/** What Export covers when nothing is selected: the quotes the panel shows. */
function visibleSelection(args: QuoteListArgs): QuoteSelection {
  if (args.tag) return { tag: args.tag }
  if (args.documentId !== undefined) return { documentId: args.documentId }
  return { all: true }
}

type QuotesPanelProps = {
  onCompare: (ids: QuoteId[]) => void
  onExport: (selection: QuoteSelection, title: string) => void
  onSimilar: (quote: Quote) => void
}

/** The quotes panel: every quote (or those of a tag, of the open document, or unplaced ones), selectable. */
export function QuotesPanel({ onCompare, onExport, onSimilar }: QuotesPanelProps): ReactNode {
  const filter = useAppState((state) => state.quoteFilter)
  const selected = useAppState((state) => state.selectedQuotes)
  const view = useAppState((state) => state.view)
  const readerDocument = view.kind === 'reader' ? view.documentId : null
  const tags = useApiQuery('tags.list', {})
  const unplaced = useApiQuery('quotes.list', { placement: 'unplaced', limit: 1 })
  const [editing, setEditing] = useState<Quote | null>(null)
  const [visible, setVisible] = useState({ start: 0, end: 20 })

  const args = useMemo<QuoteListArgs>(() => {
    const next: QuoteListArgs = {}
    if (filter.tag) next.tag = filter.tag
    if (filter.documentId !== null) next.documentId = filter.documentId
    if (filter.placement) next.placement = filter.placement
    return next
  }, [filter])
  const rows = usePagedRows(
    'quotes.list',
    args,
    (result) => ({ total: result.total, items: result.quotes }),
    visible,
    50,
  )
  const total = rows.total ?? 0

  const scrollRef = useRef<HTMLDivElement>(null)
  useRovingFocus(scrollRef)
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 150,
    overscan: 4,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  useEffect(() => setVisible({ start: first, end: last }), [first, last])

  const setFilter = (patch: Partial<typeof filter>): void =>
    appStore.set((state) => ({ quoteFilter: { ...state.quoteFilter, ...patch } }))
  const toggle = (id: QuoteId): void =>
    appStore.set((state) => ({
      selectedQuotes: state.selectedQuotes.includes(id)
        ? state.selectedQuotes.filter((other) => other !== id)
        : [...state.selectedQuotes, id],
    }))

  const act = async (quote: Quote, action: QuoteAction): Promise<void> => {
    try {
      switch (action) {
        case 'jump':
          if (quote.start !== null && quote.end !== null) {
            openDocument(quote.documentId, { start: quote.start, end: quote.end })
          }
          return
        case 'edit':
          setEditing(quote)
          return
        case 'acceptWording':
          await mutate('quotes.acceptSourceWording', { id: quote.id })
          toast('The quote now has the source’s current wording.')
          return
        case 'copy':
          await copyQuotes({ quoteIds: [quote.id] }, appStore.get().citationStyle)
          toast('Copied the quote with its citation.')
          return
        case 'similar':
          onSimilar(quote)
          return
        case 'compareWith': {
          const current = appStore.get().view
          if (current.kind === 'compare') {
            if (current.quoteIds.includes(quote.id)) return
            if (current.quoteIds.length >= 4) {
              toast('A comparison has at most four columns: remove one first.')
              return
            }
            showView({ ...current, quoteIds: [...current.quoteIds, quote.id], setId: null })
          } else {
            if (!appStore.get().selectedQuotes.includes(quote.id)) toggle(quote.id)
            toast('Added to the selection: pick another quote, then Compare.')
          }
          return
        }
        case 'delete': {
          const { undoToken } = await mutate('quotes.delete', { ids: [quote.id] })
          appStore.set((state) => ({
            selectedQuotes: state.selectedQuotes.filter((id) => id !== quote.id),
          }))
          pushUndo(
            {
              label: 'delete quote',
              undo: async () => {
                await mutate('quotes.restore', { undoToken })
              },
            },
            'Quote deleted.',
          )
        }
      }
    } catch (error) {
      toast(errorMessage(error), { tone: 'error' })
    }
  }

  const tagNames = (tags.data ?? []).filter((tag) => tag.quoteCount > 0).map((tag) => tag.name)
  const unplacedCount = unplaced.data?.total ?? 0
  const canCompare = selected.length >= 2 && selected.length <= 4

  return (
    <section className="quotes-panel" id="quotes-panel" aria-label="Quotes">
      <header className="panel-header">
        <h2>
          Quotes <span className="count">{rows.total !== undefined && formatCount(total)}</span>
        </h2>
        <div className="panel-actions">
          <button
            type="button"
            disabled={!canCompare}
            title={canCompare ? 'Compare the selected quotes' : 'Select two to four quotes'}
            onClick={() => onCompare([...selected])}
          >
            Compare
          </button>
          <button
            type="button"
            disabled={total === 0 && selected.length === 0}
            onClick={() =>
              selected.length > 0
                ? onExport(
                    { quoteIds: [...selected] },
                    `${plural(selected.length, 'selected quote')}`,
                  )
                : onExport(visibleSelection(args), `${plural(total, 'quote')}`)
            }
          >
            Export
          </button>
        </div>
      </header>
      <div className="panel-filters">
        <label className="inline-field">
          <span>Tag</span>
          <select
            value={filter.tag ?? ''}
            onChange={(event) => setFilter({ tag: event.target.value || null })}
          >
            <option value="">Any</option>
            {tagNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {(readerDocument !== null || filter.documentId !== null) && (
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={filter.documentId !== null}
              onChange={(event) =>
                setFilter({ documentId: event.target.checked ? readerDocument : null })
              }
            />
            <span>This document only</span>
          </label>
        )}
        {(unplacedCount > 0 || filter.placement === 'unplaced') && (
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={filter.placement === 'unplaced'}
              onChange={(event) =>
                setFilter({ placement: event.target.checked ? 'unplaced' : null })
              }
            />
            <span>Unplaced ({formatCount(unplacedCount)})</span>
          </label>
        )}
      </div>
      {selected.length > 0 && (
        <div className="selection-bar">
          <span>{plural(selected.length, 'quote')} selected</span>
          <button
            type="button"
            className="link-button"
            onClick={() => appStore.set({ selectedQuotes: [] })}
          >
            Clear
          </button>
        </div>
      )}
      {rows.error && rows.total === undefined ? (
        <ErrorNotice error={rows.error} onRetry={rows.refetch} />
      ) : rows.total === 0 ? (
        <div className="panel-empty">
          {filter.tag || filter.documentId !== null || filter.placement ? (
            <p>No quotes match.</p>
          ) : (
            <p>
              No quotes yet. Open a document, select a passage and choose{' '}
              <strong>Save quote</strong>. Quotes keep their source, so you can compare and cite
              them later.
            </p>
          )}
        </div>
      ) : (
        <div ref={scrollRef} className="quote-scroll">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const quote = rows.rowAt(item.index)
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="quote-slot"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {quote ? (
                    <QuoteCard
                      quote={quote}
                      selected={selected.includes(quote.id)}
                      onToggle={() => toggle(quote.id)}
                      onAction={(action) => void act(quote, action)}
                    />
                  ) : (
                    <div className="quote-card skeleton-card" />
                  )}
                </div>
              )
            })}
          </div>
        </div>
      )}
      {editing && <EditQuoteDialog quote={editing} onClose={() => setEditing(null)} />}
    </section>
  )
}
