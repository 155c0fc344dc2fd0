import type { QuoteId, SimilarPassage } from '@shared/contract'
import type { ReactNode } from 'react'
import { useApiQuery } from '../../api/use-api-query'
import { ErrorNotice } from '../../components/ErrorNotice'
import { formatPartialDate } from '../../components/format'
import { DiffText } from './DiffText'
import './similar.css'

type SimilarPassagesProps = {
  quoteId: QuoteId
  quoteTitle: string
  onAdd: (passage: SimilarPassage) => void
  onClose: () => void
  /** Inside SimilarDialog: the dialog already has the title and the × (one close button, not two). */
  inDialog?: boolean
}

/** Passages in other documents reporting the same words or close variants, each one click from the comparison. */
export function SimilarPassages({
  quoteId,
  quoteTitle,
  onAdd,
  onClose,
  inDialog = false,
}: SimilarPassagesProps): ReactNode {
  const similar = useApiQuery('compare.similar', { quoteId, limit: 20 })
  const passages = similar.data?.passages ?? []
  const Wrapper = inDialog ? 'div' : 'aside'
  return (
    <Wrapper
      className={inDialog ? 'similar similar-in-dialog' : 'similar'}
      aria-label={inDialog ? undefined : 'Same statement elsewhere'}
    >
      {!inDialog && (
        <header className="panel-header">
          <h2>Same statement elsewhere</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
      )}
      <p className="muted">Passages in other documents close to the quote from “{quoteTitle}”.</p>
      {similar.isLoading && <p className="loading">Looking through the library…</p>}
      {similar.error && <ErrorNotice error={similar.error} onRetry={similar.refetch} />}
      {similar.data && passages.length === 0 && (
        <p>
          No other document reports these words. A misquote would show up here as a close variant.
        </p>
      )}
      <ol className="similar-list">
        {passages.map((passage) => (
          <li key={`${passage.documentId}-${passage.start}`} className="similar-item">
            <p className="source-line">
              <strong>{passage.title}</strong>
              {[passage.source, formatPartialDate(passage.publishedAt)]
                .filter(Boolean)
                .map((part) => ` · ${part}`)}
              {passage.page !== null && ` · p. ${passage.pageLabel ?? passage.page}`}
              <span className="score"> {Math.round(passage.score * 100)}% match</span>
            </p>
            <blockquote className="compare-text">
              <DiffText segments={passage.diff} side="compared" showRemoved />
            </blockquote>
            <button type="button" className="small" onClick={() => onAdd(passage)}>
              Add to comparison
            </button>
          </li>
        ))}
      </ol>
    </Wrapper>
  )
}
