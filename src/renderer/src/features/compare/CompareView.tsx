import type { QuoteId, QuoteSelection, SimilarPassage } from '@shared/contract'
import { type FormEvent, type ReactNode, useState } from 'react'
import { errorMessage, mutate, useApiQuery } from '../../api/use-api-query'
import { Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { FormFooter } from '../../components/FormFooter'
import { goBack, openDocument, showView, toast } from '../../state/app-state'
import { CompareColumnCard } from './CompareColumnCard'
import { SimilarPassages } from './SimilarPassages'

type CompareViewProps = {
  quoteIds: QuoteId[]
  setId: number | null
  onExport: (selection: QuoteSelection, title: string) => void
}

/** 2–4 quotes side by side with word-level differences and similarity; saved as named sets. */
export function CompareView({ quoteIds, setId, onExport }: CompareViewProps): ReactNode {
  const comparison = useApiQuery(
    'compare.quotes',
    { quoteIds, style: 'apa' },
    { keepPrevious: true },
  )
  const sets = useApiQuery('comparisons.list', {})
  const [showRemoved, setShowRemoved] = useState(true)
  const [similarFor, setSimilarFor] = useState<QuoteId | null>(null)
  const [saving, setSaving] = useState(false)
  const savedSet = sets.data?.find((set) => set.id === setId) ?? null

  const setColumns = (ids: QuoteId[]): void =>
    showView({ kind: 'compare', quoteIds: ids, setId: null })
  const move = (from: number, to: number): void => {
    const ids = [...quoteIds]
    const [moved] = ids.splice(from, 1)
    if (moved === undefined) return
    ids.splice(to, 0, moved)
    setColumns(ids)
  }

  const addPassage = async (passage: SimilarPassage): Promise<void> => {
    if (quoteIds.length >= 4) {
      toast('A comparison has at most four columns: remove one first.')
      return
    }
    try {
      const quote = await mutate('quotes.create', {
        documentId: passage.documentId,
        text: passage.text,
        start: passage.start,
        end: passage.end,
        color: 'blue',
      })
      setColumns([...quoteIds, quote.id])
      toast('Saved the passage as a quote and added it to the comparison.')
    } catch (error) {
      toast(errorMessage(error), { tone: 'error' })
    }
  }

  const columns = comparison.data?.columns ?? []
  const similarColumn = columns.find((column) => column.quoteId === similarFor)
  const matrix = comparison.data?.similarity ?? []

  return (
    <section className="compare" aria-labelledby="compare-title">
      <header className="view-header">
        <button type="button" className="back-button" onClick={goBack}>
          ← Back
        </button>
        <h1>
          <span id="compare-title">{savedSet ? savedSet.name : 'Comparison'}</span>
          <span className="count"> {quoteIds.length} quotes</span>
        </h1>
        <div className="view-actions">
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={showRemoved}
              onChange={(event) => setShowRemoved(event.target.checked)}
            />
            <span>Show missing words</span>
          </label>
          {quoteIds.length === 2 && (
            <button type="button" onClick={() => move(1, 0)}>
              Swap
            </button>
          )}
          <button type="button" onClick={() => setSaving(true)}>
            {savedSet ? 'Update set…' : 'Save set…'}
          </button>
          <button
            type="button"
            onClick={() =>
              onExport(
                savedSet ? { comparisonId: savedSet.id } : { quoteIds: [...quoteIds] },
                savedSet ? savedSet.name : 'Comparison',
              )
            }
          >
            Export comparison
          </button>
        </div>
      </header>
      {savedSet?.note && <p className="set-note">{savedSet.note}</p>}
      <p className="compare-legend muted">
        Key: <ins className="diff-added">Words only in this column</ins>{' '}
        {showRemoved && <del className="diff-removed">words of column 1 it lacks</del>}{' '}
        <mark className="diff-unique">column 1’s words that column 2 lacks</mark>
      </p>
      {comparison.error && !comparison.data && (
        <ErrorNotice error={comparison.error} onRetry={comparison.refetch} />
      )}
      {comparison.isLoading && <p className="loading">Comparing…</p>}
      <div className={`compare-columns columns-${columns.length}`}>
        {columns.map((column, index) => (
          <CompareColumnCard
            key={column.quoteId}
            column={column}
            index={index}
            count={columns.length}
            referenceDiff={index === 0 ? (columns[1]?.diff ?? null) : null}
            showRemoved={showRemoved}
            onMove={(to) => move(index, to)}
            onRemove={() => setColumns(quoteIds.filter((id) => id !== column.quoteId))}
            onSimilar={() => setSimilarFor(column.quoteId)}
            onOpen={() => openDocument(column.documentId)}
          />
        ))}
      </div>
      {columns.length > 2 && matrix.length === columns.length && (
        <table className="similarity-matrix">
          <caption>Similarity of each pair</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Column</span>
              </th>
              {columns.map((column, index) => (
                <th key={column.quoteId} scope="col">
                  {index + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.map((row, i) => (
              <tr key={columns[i]?.quoteId ?? i}>
                <th scope="row">{i + 1}</th>
                {row.map((value, j) => (
                  <td key={columns[j]?.quoteId ?? j}>
                    {i === j ? '—' : `${Math.round(value * 100)}%`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {similarFor !== null && (
        <SimilarPassages
          quoteId={similarFor}
          quoteTitle={similarColumn?.sourceLine ?? ''}
          onAdd={(passage) => void addPassage(passage)}
          onClose={() => setSimilarFor(null)}
        />
      )}
      {saving && (
        <SaveSetDialog
          initialName={savedSet?.name ?? ''}
          initialNote={savedSet?.note ?? ''}
          onClose={() => setSaving(false)}
          onSave={async (name, note) => {
            const set = await mutate('comparisons.save', { id: savedSet?.id, name, note, quoteIds })
            showView({ kind: 'compare', quoteIds: set.quoteIds, setId: set.id })
            toast(`Saved the comparison “${set.name}”.`)
          }}
        />
      )}
    </section>
  )
}

type SaveSetDialogProps = {
  initialName: string
  initialNote: string
  onSave: (name: string, note: string) => Promise<void>
  onClose: () => void
}

function SaveSetDialog({
  initialName,
  initialNote,
  onSave,
  onClose,
}: SaveSetDialogProps): ReactNode {
  const [name, setName] = useState(initialName)
  const [note, setNote] = useState(initialNote)
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    try {
      await onSave(name.trim(), note.trim())
      onClose()
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }
  return (
    <Dialog title="Save comparison set" onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(event) => setName(event.target.value)} required />
        </label>
        <label className="field">
          <span>Note</span>
          <textarea rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
        <FormFooter
          error={error}
          onCancel={onClose}
          submitLabel="Save set"
          canSubmit={!!name.trim()}
        />
      </form>
    </Dialog>
  )
}
