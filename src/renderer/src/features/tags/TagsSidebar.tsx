import type { TagWithCounts } from '@shared/contract'
import { type ReactNode, useState } from 'react'
import { errorMessage, mutate, useApiQuery } from '../../api/use-api-query'
import { ErrorNotice } from '../../components/ErrorNotice'
import { formatCount } from '../../components/format'
import { MenuButton } from '../../components/MenuButton'
import { safeColor } from '../../components/TagChip'
import { appStore, setQuery, showView, toast, useAppState } from '../../state/app-state'
import { NO_SELECTION } from '../../state/document-selection'
import { type TagAction, TagDialog } from './TagDialogs'

/** Show the library filtered by a tag (a second click on the same tag removes the filter). */
function filterByTag(name: string): void {
  const current = appStore.get().libraryFilter
  appStore.set({
    libraryFilter: { ...current, tag: current.tag === name ? null : name },
    selectedDocuments: NO_SELECTION,
  })
  showView({ kind: 'library' })
}

/** The sidebar: tags with counts (click filters the library) and saved queries with their counts. */
export function TagsSidebar(): ReactNode {
  const tags = useApiQuery('tags.list', {})
  const searches = useApiQuery('searches.list', {})
  const activeTag = useAppState((state) =>
    state.view.kind === 'library' ? state.libraryFilter.tag : null,
  )
  const [dialog, setDialog] = useState<{ action: TagAction; tag: TagWithCounts } | null>(null)
  const list = tags.data ?? []

  const all = (
    <button
      type="button"
      className={`sidebar-item${activeTag === null ? ' is-current' : ''}`}
      onClick={() => {
        appStore.set((state) => ({ libraryFilter: { ...state.libraryFilter, tag: null } }))
        showView({ kind: 'library' })
      }}
    >
      <span className="sidebar-label">All documents</span>
    </button>
  )

  return (
    <>
      <nav className="sidebar-block" aria-label="Library sections">
        {all}
      </nav>
      <h2 className="sidebar-heading">Tags</h2>
      {tags.error && !tags.data && <ErrorNotice error={tags.error} onRetry={tags.refetch} />}
      {tags.data && list.length === 0 && (
        <p className="sidebar-empty">
          No tags yet. Tag documents from the library (select rows, then Add tag) or when you save a
          quote.
        </p>
      )}
      <ul className="tag-list-sidebar">
        {list.map((tag) => (
          <li key={tag.id} className="tag-row">
            <button
              type="button"
              className={`sidebar-item${activeTag === tag.name ? ' is-current' : ''}`}
              aria-pressed={activeTag === tag.name}
              onClick={() => filterByTag(tag.name)}
              title={`${tag.documentCount} documents, ${tag.quoteCount} quotes`}
            >
              <span
                className="tag-dot"
                style={safeColor(tag.color) ? { background: safeColor(tag.color) } : undefined}
              />
              <span className="sidebar-label">{tag.name}</span>
              {(tag.documentCount > 0 || tag.quoteCount === 0) && (
                <span className="sidebar-count">{formatCount(tag.documentCount)}</span>
              )}
              {tag.quoteCount > 0 && (
                <span className="sidebar-count">
                  <span aria-hidden="true">❝</span>
                  {formatCount(tag.quoteCount)}
                  <span className="visually-hidden"> quotes</span>
                </span>
              )}
            </button>
            <MenuButton
              className="icon-button tag-menu-button"
              label={`Actions for tag ${tag.name}`}
              items={(['rename', 'merge', 'color', 'delete'] as const).map((action) => ({
                label: MENU_LABEL[action],
                onSelect: () => setDialog({ action, tag }),
              }))}
            />
          </li>
        ))}
      </ul>
      <h2 className="sidebar-heading">Saved searches</h2>
      {searches.data && searches.data.length === 0 && (
        <p className="sidebar-empty">Search, then choose “Save this query” to keep it here.</p>
      )}
      <ul className="tag-list-sidebar">
        {(searches.data ?? []).map((saved) => (
          <li key={saved.id} className="tag-row">
            <button
              type="button"
              className="sidebar-item"
              title={saved.query}
              onClick={() => setQuery(saved.query)}
            >
              <span className="sidebar-label">{saved.name}</span>
              <span className="sidebar-count">{formatCount(saved.count)}</span>
            </button>
            <button
              type="button"
              className="icon-button tag-menu-button"
              aria-label={`Forget saved query ${saved.name}`}
              onClick={() =>
                void mutate('searches.delete', { id: saved.id }).catch((error: unknown) =>
                  toast(errorMessage(error), { tone: 'error' }),
                )
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {dialog && (
        <TagDialog
          action={dialog.action}
          tag={dialog.tag}
          others={list.filter((other) => other.id !== dialog.tag.id)}
          onClose={() => setDialog(null)}
          onRename={async (name) => {
            await mutate('tags.rename', { id: dialog.tag.id, name })
            renameInFilters(dialog.tag.name, name)
            toast(`Renamed “${dialog.tag.name}” to “${name}”.`)
          }}
          onMerge={async (into) => {
            const target = await mutate('tags.merge', { from: [dialog.tag.id], into })
            renameInFilters(dialog.tag.name, target.name)
            toast(`Merged “${dialog.tag.name}” into “${target.name}”.`)
          }}
          onColor={async (color) => {
            await mutate('tags.setColor', { id: dialog.tag.id, color })
          }}
          onDelete={async () => {
            await mutate('tags.delete', { id: dialog.tag.id })
            renameInFilters(dialog.tag.name, null)
            toast(`Deleted tag “${dialog.tag.name}”.`)
          }}
        />
      )}
    </>
  )
}

const MENU_LABEL: Record<TagAction, string> = {
  rename: 'Rename…',
  merge: 'Merge into…',
  color: 'Colour…',
  delete: 'Delete…',
}

/** Filters that named the old tag follow it to its new name (or are cleared). */
function renameInFilters(from: string, to: string | null): void {
  appStore.set((state) => ({
    libraryFilter:
      state.libraryFilter.tag === from ? { ...state.libraryFilter, tag: to } : state.libraryFilter,
    quoteFilter:
      state.quoteFilter.tag === from ? { ...state.quoteFilter, tag: to } : state.quoteFilter,
  }))
}
