import type { OutlineEntry } from '@shared/contract'
import type { ReactNode } from 'react'

type OutlinePanelProps = {
  entries: readonly OutlineEntry[]
  /** Go to an entry: its passage in the text, or its page. */
  onGo: (entry: OutlineEntry) => void
  onClose: () => void
}

/** The document's outline (PDF bookmarks, EPUB navigation, headings): one click goes there. */
export function OutlinePanel({ entries, onGo, onClose }: OutlinePanelProps): ReactNode {
  return (
    <nav className="outline-panel" aria-label="Outline">
      <header>
        <h2>Outline</h2>
        <button type="button" className="icon-button" aria-label="Close outline" onClick={onClose}>
          ×
        </button>
      </header>
      <ol>
        {entries.map((entry, index) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and never reorder
            key={index}
            style={{ paddingLeft: `${(Math.min(entry.level, 6) - 1) * 0.9}em` }}
          >
            <button
              type="button"
              disabled={entry.offset === null && entry.page === null}
              onClick={() => onGo(entry)}
            >
              <span className="outline-title">{entry.title}</span>
              {entry.page !== null && <span className="outline-page">{entry.page}</span>}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
