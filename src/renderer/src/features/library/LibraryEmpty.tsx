import type { ReactNode } from 'react'
import { runCommand } from '../../commands/run-command'

type LibraryEmptyProps = { filtered: boolean; onClearFilters: () => void }

/** First run teaches how to import; an over-filtered library says how to get back. */
export function LibraryEmpty({ filtered, onClearFilters }: LibraryEmptyProps): ReactNode {
  if (filtered) {
    return (
      <div className="empty-state">
        <h2>No documents match these filters</h2>
        <p>Try a wider date range or another tag.</p>
        <button type="button" onClick={onClearFilters}>
          Clear filters
        </button>
      </div>
    )
  }
  return (
    <div className="empty-state">
      <h2>Your library is empty</h2>
      <p>
        Bring in articles, reports and books: Lectern reads PDF, EPUB, Word (.docx), web pages
        (.html), Markdown and plain text, and keeps everything on this computer.
      </p>
      <ol className="steps">
        <li>
          Choose <strong>Import</strong> to pick files, or <strong>Import folder</strong> for a
          whole folder — or drop files anywhere on this window.
        </li>
        <li>Search as you type; open a document to read it.</li>
        <li>Select a passage and choose Save quote to keep it with its source.</li>
        <li>Compare quotes side by side and export them with citations.</li>
      </ol>
      <div className="empty-actions">
        <button type="button" className="primary" onClick={() => runCommand('import')}>
          Choose files…
        </button>
      </div>
    </div>
  )
}
