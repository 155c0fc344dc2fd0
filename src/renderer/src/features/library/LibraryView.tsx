import type { DocumentId, DocumentListArgs, DocumentSortKey } from '@shared/contract'
import { type ReactNode, useMemo, useState } from 'react'
import { errorMessage, mutate, useApiQuery } from '../../api/use-api-query'
import { usePagedRows } from '../../api/use-paged-rows'
import { Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { formatCount, plural } from '../../components/format'
import {
  appStore,
  type LibraryFilter,
  openDocument,
  pushUndo,
  toast,
  useAppState,
} from '../../state/app-state'
import { BulkActions } from './BulkActions'
import { LibraryEmpty } from './LibraryEmpty'
import { LibraryFilters } from './LibraryFilters'
import { LibraryTable } from './LibraryTable'

const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/

/** The list arguments for a filter; half-typed dates are ignored until they are valid. */
export function listArgs(filter: LibraryFilter): DocumentListArgs {
  const args: DocumentListArgs = { sort: filter.sort, order: filter.order }
  if (filter.tag) args.tags = [filter.tag]
  if (filter.source) args.source = filter.source
  if (PARTIAL_DATE.test(filter.after.trim())) args.after = filter.after.trim()
  if (PARTIAL_DATE.test(filter.before.trim())) args.before = filter.before.trim()
  return args
}

/** Sorting a column: a new column starts in its natural order, the same column flips. */
function nextSort(filter: LibraryFilter, key: DocumentSortKey): Partial<LibraryFilter> {
  if (filter.sort === key) return { order: filter.order === 'asc' ? 'desc' : 'asc' }
  const descending = key === 'publishedAt' || key === 'importedAt' || key === 'wordCount'
  return { sort: key, order: descending ? 'desc' : 'asc' }
}

/** The library: filters, the virtualised document table and bulk actions on the selection. */
export function LibraryView(): ReactNode {
  const filter = useAppState((state) => state.libraryFilter)
  const selected = useAppState((state) => state.selectedDocuments)
  const [visible, setVisible] = useState({ start: 0, end: 50 })
  const [busy, setBusy] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const args = useMemo(() => listArgs(filter), [filter])
  const rows = usePagedRows(
    'documents.list',
    args,
    (result) => ({ total: result.total, items: result.documents }),
    visible,
  )
  const tags = useApiQuery('tags.list', {})
  const sources = useApiQuery('documents.sources', {})
  const tagNames = useMemo(() => (tags.data ?? []).map((tag) => tag.name), [tags.data])
  const filtered = Boolean(args.tags || args.source || args.after || args.before)

  const setFilter = (patch: Partial<LibraryFilter>): void =>
    appStore.set((state) => ({ libraryFilter: { ...state.libraryFilter, ...patch } }))
  const setSelected = (ids: ReadonlySet<DocumentId>): void =>
    appStore.set({ selectedDocuments: ids })

  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true)
    try {
      await action()
    } catch (error) {
      toast(errorMessage(error), { tone: 'error' })
    } finally {
      setBusy(false)
    }
  }
  const ids = [...selected]
  const addTag = (name: string): Promise<void> =>
    run(async () => {
      const { changed } = await mutate('tags.addToDocuments', { documentIds: ids, names: [name] }, [
        'tags',
        'documents',
      ])
      toast(`Tagged ${plural(changed, 'document')} “${name}”.`)
    })
  const removeTag = (name: string): Promise<void> =>
    run(async () => {
      const { changed } = await mutate(
        'tags.removeFromDocuments',
        { documentIds: ids, names: [name] },
        ['tags', 'documents'],
      )
      toast(`Removed “${name}” from ${plural(changed, 'document')}.`)
    })
  const remove = (): Promise<void> =>
    run(async () => {
      setConfirmDelete(false)
      const { deleted, undoToken } = await mutate('documents.delete', { ids }, [
        'documents',
        'tags',
        'quotes',
      ])
      setSelected(new Set())
      pushUndo(
        {
          label: `delete ${plural(deleted, 'document')}`,
          undo: async () => {
            await mutate('documents.restore', { undoToken }, ['documents', 'tags', 'quotes'])
          },
        },
        `Deleted ${plural(deleted, 'document')}.`,
      )
    })

  const total = rows.total
  return (
    <section className="library" aria-label="Library">
      <header className="view-header">
        <h1>
          Library
          {total !== undefined && <span className="count"> {formatCount(total)}</span>}
        </h1>
        <LibraryFilters
          filter={filter}
          tags={tagNames}
          sources={sources.data ?? []}
          onChange={setFilter}
        />
      </header>
      {selected.size > 0 && (
        <BulkActions
          count={selected.size}
          tagNames={tagNames}
          busy={busy}
          onAddTag={(name) => void addTag(name)}
          onRemoveTag={(name) => void removeTag(name)}
          onDelete={() => setConfirmDelete(true)}
          onClear={() => setSelected(new Set())}
        />
      )}
      {rows.error && total === undefined ? (
        <ErrorNotice error={rows.error} onRetry={rows.refetch} />
      ) : total === 0 ? (
        <LibraryEmpty
          filtered={filtered}
          onClearFilters={() => setFilter({ tag: null, source: null, after: '', before: '' })}
        />
      ) : (
        <LibraryTable
          rows={rows}
          listKey={JSON.stringify(args)}
          sort={filter.sort}
          order={filter.order}
          selected={selected}
          onSort={(key) => setFilter(nextSort(filter, key))}
          onSelect={setSelected}
          onOpen={(id) => openDocument(id)}
          onVisibleRange={setVisible}
        />
      )}
      {confirmDelete && (
        <Dialog
          title={`Delete ${plural(selected.size, 'document')}?`}
          onClose={() => setConfirmDelete(false)}
          actions={
            <>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Keep them
              </button>
              <button type="button" className="danger" onClick={() => void remove()}>
                Delete
              </button>
            </>
          }
        >
          <p>
            Their quotes go too. You can undo this until you close Lectern (Undo in the message that
            follows, or Ctrl+Z).
          </p>
        </Dialog>
      )}
    </section>
  )
}
