import type { BulkMetadataPatch, DocumentListArgs, DocumentSortKey } from '@shared/contract'
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
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
import { type DocumentSelection, NO_SELECTION, selectedCount } from '../../state/document-selection'
import { BulkActions } from './BulkActions'
import { BulkEditDialog } from './BulkEditDialog'
import { LibraryEmpty } from './LibraryEmpty'
import { LibraryFilters } from './LibraryFilters'
import { LibraryTable } from './LibraryTable'
import { batches, resolveSelection } from './resolve-selection'

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
  const selection = useAppState((state) => state.selectedDocuments)
  const [visible, setVisible] = useState({ start: 0, end: 50 })
  const [busy, setBusy] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [editing, setEditing] = useState(false)
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
  const setSelection = (next: DocumentSelection): void => appStore.set({ selectedDocuments: next })

  // "All matching" means the filters it was made under: new filters start a new selection.
  const listKey = JSON.stringify(args)
  const selectedUnder = useRef(listKey)
  useEffect(() => {
    if (selectedUnder.current === listKey) return
    selectedUnder.current = listKey
    if (appStore.get().selectedDocuments.kind === 'all') {
      appStore.set({ selectedDocuments: NO_SELECTION })
    }
  }, [listKey])

  /** Run a bulk action; resolves true when it succeeded (a failure is shown and keeps what was typed). */
  const run = async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true)
    try {
      await action()
      return true
    } catch (error) {
      toast(errorMessage(error), { tone: 'error' })
      return false
    } finally {
      setBusy(false)
    }
  }
  // Bulk actions read the selection's ids now ("all" may stand for more documents than are loaded).
  const selectedIds = () => resolveSelection(selection, args)
  const addTag = (name: string): Promise<boolean> =>
    run(async () => {
      let changed = 0
      for (const documentIds of batches(await selectedIds())) {
        changed += (await mutate('tags.addToDocuments', { documentIds, names: [name] })).changed
      }
      toast(`Tagged ${plural(changed, 'document')} “${name}”.`)
    })
  const removeTag = (name: string): Promise<boolean> =>
    run(async () => {
      let changed = 0
      for (const documentIds of batches(await selectedIds())) {
        changed += (await mutate('tags.removeFromDocuments', { documentIds, names: [name] }))
          .changed
      }
      toast(`Removed “${name}” from ${plural(changed, 'document')}.`)
    })
  const editMany = (patch: BulkMetadataPatch): Promise<boolean> =>
    run(async () => {
      let updated = 0
      for (const ids of batches(await selectedIds())) {
        updated += (await mutate('documents.updateMany', { ids, patch })).updated
      }
      toast(`Updated ${plural(updated, 'document')}.`)
    })
  const remove = (): Promise<boolean> =>
    run(async () => {
      setConfirmDelete(false)
      let deleted = 0
      const undoTokens: string[] = []
      for (const ids of batches(await selectedIds())) {
        const result = await mutate('documents.delete', { ids })
        deleted += result.deleted
        undoTokens.push(result.undoToken)
      }
      setSelection(NO_SELECTION)
      pushUndo(
        {
          label: `delete ${plural(deleted, 'document')}`,
          undo: async () => {
            for (const undoToken of undoTokens.reverse()) {
              await mutate('documents.restore', { undoToken })
            }
          },
        },
        `Deleted ${plural(deleted, 'document')}.`,
      )
    })

  const total = rows.total
  const count = selectedCount(selection, total ?? 0)
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
      {total !== 0 && (
        <BulkActions
          count={count}
          all={selection.kind === 'all' && count === total}
          tagNames={tagNames}
          busy={busy}
          onAddTag={addTag}
          onRemoveTag={removeTag}
          onDelete={() => setConfirmDelete(true)}
          onEdit={() => setEditing(true)}
          onClear={() => setSelection(NO_SELECTION)}
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
          listKey={listKey}
          sort={filter.sort}
          order={filter.order}
          selection={selection}
          onSort={(key) => setFilter(nextSort(filter, key))}
          onSelect={setSelection}
          onOpen={(id) => openDocument(id)}
          onVisibleRange={setVisible}
        />
      )}
      {editing && (
        <BulkEditDialog
          count={count}
          busy={busy}
          onSave={editMany}
          onClose={() => setEditing(false)}
        />
      )}
      {confirmDelete && (
        <Dialog
          title={`Delete ${plural(count, 'document')}?`}
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
