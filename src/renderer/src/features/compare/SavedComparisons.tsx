import type { ReactNode } from 'react'
import { errorMessage, mutate, useApiQuery } from '../../api/use-api-query'
import { showView, toast } from '../../state/app-state'

/** Saved comparison sets, for the sidebar: click reopens one. */
export function SavedComparisons(): ReactNode {
  const sets = useApiQuery('comparisons.list', {})
  if (!sets.data || sets.data.length === 0) return null
  return (
    <>
      <h2 className="sidebar-heading">Comparisons</h2>
      <ul className="tag-list-sidebar">
        {sets.data.map((set) => (
          <li key={set.id} className="tag-row">
            <button
              type="button"
              className="sidebar-item"
              title={set.note || set.name}
              onClick={() => showView({ kind: 'compare', quoteIds: set.quoteIds, setId: set.id })}
            >
              <span className="sidebar-label">{set.name}</span>
              <span className="sidebar-count">{set.quoteIds.length}</span>
            </button>
            <button
              type="button"
              className="icon-button tag-menu-button"
              aria-label={`Delete comparison ${set.name}`}
              onClick={() =>
                void mutate('comparisons.delete', { id: set.id }).catch((error: unknown) =>
                  toast(errorMessage(error), { tone: 'error' }),
                )
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}
