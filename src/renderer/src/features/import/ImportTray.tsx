import type { ImportFileResult } from '@shared/contract'
import type { ReactNode } from 'react'
import { baseName, formatCount, plural } from '../../components/format'
import { useStore } from '../../state/store'
import { cancelImport, dismissImport, importStore } from './import-controller'

/** Import progress (files done/total, the current file, cancel) and, at the end, the report. */
export function ImportTray(): ReactNode {
  const current = useStore(importStore, (state) => state.current)
  if (current.phase === 'idle') return null

  if (current.phase === 'preparing') {
    return (
      <aside className="import-tray" aria-label="Import status">
        <p role="status">Getting the files ready…</p>
      </aside>
    )
  }

  if (current.phase === 'running') {
    const progress = current.progress
    const done = progress?.done ?? 0
    const total = progress?.total ?? 0
    return (
      <aside className="import-tray" aria-label="Import status">
        <div className="import-line">
          <strong>{current.cancelling ? 'Stopping…' : (progress?.step ?? 'Importing')}</strong>
          <span role="status" className="import-count">
            {total > 0 ? `${formatCount(done)} of ${formatCount(total)} files` : 'Starting…'}
          </span>
          <button type="button" onClick={() => void cancelImport()} disabled={current.cancelling}>
            Cancel import
          </button>
        </div>
        <progress
          max={total || undefined}
          value={total ? done : undefined}
          aria-label="Import progress"
        />
        {progress?.current && (
          <p className="import-current" title={progress.current}>
            {baseName(progress.current)}
          </p>
        )}
      </aside>
    )
  }

  const { report, status, error } = current
  const failed: ImportFileResult[] = [
    ...(current.uploadFailures ?? []).map(
      (failure): ImportFileResult => ({
        path: failure.name,
        status: 'failed',
        error: failure.reason,
      }),
    ),
    ...(report?.results.filter((result) => result.status === 'failed') ?? []),
  ]
  const duplicates = report?.results.filter((result) => result.status === 'duplicate') ?? []
  const skipped = report?.results.filter((result) => result.status === 'skipped') ?? []
  const headline =
    status === 'failed'
      ? 'The import failed'
      : status === 'cancelled'
        ? 'Import cancelled'
        : 'Import finished'
  return (
    <aside className="import-tray import-report" aria-label="Import report">
      <div className="import-line">
        <strong>{headline}</strong>
        <button
          type="button"
          className="icon-button"
          aria-label="Close report"
          onClick={dismissImport}
        >
          ×
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <p role="status">
          {[
            `${plural(report.imported, 'document')} imported`,
            report.updated > 0 && `${formatCount(report.updated)} updated`,
            report.duplicates > 0 && plural(report.duplicates, 'duplicate'),
            report.skipped > 0 && `${formatCount(report.skipped)} skipped`,
            failed.length > 0 && `${formatCount(failed.length)} failed`,
          ]
            .filter(Boolean)
            .join(', ')}
          .
        </p>
      )}
      <ReportList title="Failed" results={failed} />
      <ReportList title="Duplicates (already in the library)" results={duplicates} />
      <ReportList title="Skipped" results={skipped} />
    </aside>
  )
}

type ReportListProps = { title: string; results: ImportFileResult[] }

function ReportList({ title, results }: ReportListProps): ReactNode {
  if (results.length === 0) return null
  return (
    <details className="report-list" open={results.length <= 20}>
      <summary>
        {title} ({formatCount(results.length)})
      </summary>
      <ul>
        {results.map((result) => (
          <li key={result.path}>
            <span className="report-file" title={result.path}>
              {baseName(result.path)}
            </span>
            {result.error && <span className="report-reason"> — {result.error}</span>}
          </li>
        ))}
      </ul>
    </details>
  )
}
