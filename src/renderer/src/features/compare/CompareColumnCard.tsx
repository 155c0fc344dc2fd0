import type { CompareColumn, DiffSegment } from '@shared/contract'
import type { ReactNode } from 'react'
import { DocumentKind } from '../../components/DocumentKind'
import { SourceChangeNote } from '../quotes/SourceChangeNote'
import { DiffText } from './DiffText'

type CompareColumnCardProps = {
  column: CompareColumn
  index: number
  count: number
  /** For the reference column: the diff of the column it is read against. */
  referenceDiff: DiffSegment[] | null
  showRemoved: boolean
  onMove: (to: number) => void
  onRemove: () => void
  onSimilar: () => void
  onOpen: () => void
}

/** One column of a comparison: source line and citation, the words with differences marked, similarity. */
export function CompareColumnCard({
  column,
  index,
  count,
  referenceDiff,
  showRemoved,
  onMove,
  onRemove,
  onSimilar,
  onOpen,
}: CompareColumnCardProps): ReactNode {
  const isReference = index === 0
  return (
    <article
      className={`compare-column${isReference ? ' is-reference' : ''}`}
      aria-label={`Column ${index + 1}${isReference ? ' (reference)' : ''}`}
    >
      <header className="compare-column-header">
        <p className="source-line">
          {column.sourceLine} <DocumentKind format={column.format} language={column.language} />
        </p>
        <p className="in-text">{column.inText}</p>
        <p className="similarity">
          {isReference ? (
            <span className="badge">Reference</span>
          ) : (
            <>
              <meter min={0} max={1} value={column.similarity} aria-label="Similarity" />{' '}
              {Math.round(column.similarity * 100)}% the same as column 1
            </>
          )}
        </p>
      </header>
      <blockquote className="compare-text">
        {isReference ? (
          referenceDiff ? (
            <DiffText segments={referenceDiff} side="reference" showRemoved={showRemoved} />
          ) : (
            column.text
          )
        ) : (
          <DiffText segments={column.diff} side="compared" showRemoved={showRemoved} />
        )}
      </blockquote>
      {column.sourceChange && <SourceChangeNote change={column.sourceChange} />}
      <footer className="compare-column-actions">
        <button
          type="button"
          className="small"
          aria-label={`Move column ${index + 1} left`}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
        >
          ←
        </button>
        <button
          type="button"
          className="small"
          aria-label={`Move column ${index + 1} right`}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
        >
          →
        </button>
        {!isReference && (
          <button type="button" className="small" onClick={() => onMove(0)}>
            Make reference
          </button>
        )}
        <button type="button" className="small" onClick={onSimilar}>
          Find elsewhere
        </button>
        <button type="button" className="small" onClick={onOpen}>
          Open
        </button>
        <button
          type="button"
          className="small icon-button"
          aria-label={`Remove column ${index + 1}`}
          onClick={onRemove}
          disabled={count <= 2}
        >
          ×
        </button>
      </footer>
    </article>
  )
}
