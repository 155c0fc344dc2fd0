import { sourceBesideAuthors } from '@shared/byline'
import type { SearchHit } from '@shared/contract'
import { type FormEvent, type ReactNode, useEffect, useState } from 'react'
import { errorMessage, mutate } from '../../api/use-api-query'
import { Dialog } from '../../components/Dialog'
import { FormFooter } from '../../components/FormFooter'
import {
  documentKind,
  formatAuthors,
  formatCount,
  formatPartialDate,
} from '../../components/format'
import { Marked } from '../../components/Marked'
import { setQuery, toast, useAppState } from '../../state/app-state'
import { useStore } from '../../state/store'
import { openHit, RESULTS_ID, resultOptionId } from './open-hit'
import { PAGE, refreshSearch, searchStore } from './search-controller'

const TYPE_LABEL: Record<SearchHit['type'], string> = {
  document: 'Document',
  quote: 'Quote',
  note: 'Note',
}

/** Results of the search box: count, did-you-mean, ranked hits with their marked passages. */
export function SearchResults(): ReactNode {
  const query = useAppState((state) => state.query)
  const { result, error, shownQuery, active, isSearching, limit, sort } = useStore(
    searchStore,
    (state) => state,
  )
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    document.getElementById(resultOptionId(active))?.scrollIntoView({ block: 'nearest' })
  }, [active])

  const hits = result?.hits ?? []
  return (
    <section className="search-results" aria-labelledby="search-results-title">
      <header className="view-header">
        <h1 id="search-results-title">
          {result ? (
            <>
              {formatCount(result.total)}
              {result.totalIsEstimate ? '+' : ''} {result.total === 1 ? 'result' : 'results'}
              <span className="count"> for “{shownQuery}”</span>
              {result.rankedAmongNewest !== undefined && (
                <span
                  className="count"
                  title="Too many matches to rank them all: titles holding every word come first, then the newest matches"
                >
                  {result.rankedAmongNewest > 0
                    ? ` · ranked among the newest ${formatCount(result.rankedAmongNewest)}`
                    : ' · newest first'}
                </span>
              )}
            </>
          ) : isSearching ? (
            'Searching…'
          ) : (
            'Results'
          )}
        </h1>
        <div className="view-actions">
          {result && <span className="muted">{Math.round(result.tookMs)} ms</span>}
          <label className="inline-field">
            <span>Order</span>
            <select
              value={sort}
              onChange={(event) =>
                refreshSearch({ sort: event.target.value as 'relevance' | 'newest' })
              }
            >
              <option value="relevance">Best match</option>
              <option value="newest">Newest first</option>
            </select>
          </label>
          <button type="button" onClick={() => setSaving(true)} disabled={!query.trim()}>
            Save this query
          </button>
        </div>
      </header>
      {result && result.suggestions.length > 0 && (
        <p className="did-you-mean">
          Did you mean{' '}
          {result.suggestions.map((suggestion, index) => (
            <span key={suggestion.query}>
              {index > 0 && ' or '}
              <button
                type="button"
                className="link-button"
                onClick={() => setQuery(suggestion.query)}
              >
                {suggestion.query}
              </button>
            </span>
          ))}
          ?
        </p>
      )}
      {result?.message && <p className="query-message">{result.message}</p>}
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      {result && hits.length === 0 && !error && (
        <div className="empty-state">
          <h2>Nothing found</h2>
          <p>
            Try fewer words, a prefix such as <code>rail*</code>, or remove a filter. The{' '}
            <strong>?</strong> next to the box shows the query syntax.
          </p>
        </div>
      )}
      <div
        id={RESULTS_ID}
        role="listbox"
        aria-label="Results"
        className="result-list"
        data-results-for={result ? shownQuery : undefined}
      >
        {hits.map((hit, index) => (
          <ResultItem
            key={`${hit.type}-${hit.documentId}-${hit.quoteId ?? ''}`}
            hit={hit}
            index={index}
            active={index === active}
          />
        ))}
      </div>
      {result && result.total > hits.length && hits.length >= limit && (
        <button
          type="button"
          className="show-more"
          onClick={() => refreshSearch({ limit: limit + PAGE })}
        >
          Show more
        </button>
      )}
      {saving && <SaveQueryDialog query={query} onClose={() => setSaving(false)} />}
    </section>
  )
}

type ResultItemProps = { hit: SearchHit; index: number; active: boolean }

function ResultItem({ hit, index, active }: ResultItemProps): ReactNode {
  const meta = [
    formatAuthors(hit.authors, 2),
    sourceBesideAuthors(hit.source, hit.authors),
    formatPartialDate(hit.publishedAt),
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <div
      id={resultOptionId(index)}
      role="option"
      aria-selected={active}
      tabIndex={-1}
      className={`result${active ? ' is-active' : ''}`}
      onClick={() => void openHit(hit)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void openHit(hit)
      }}
    >
      <div className="result-title">
        {hit.type !== 'document' && (
          <span className={`badge badge-${hit.type}`}>{TYPE_LABEL[hit.type]}</span>
        )}
        <span className="result-title-text" title={hit.title}>
          {hit.title}
        </span>
        <span className="badge badge-format" title={documentKind(hit.format, hit.language).long}>
          {hit.format}
          {hit.language && <span className="badge-language"> · {hit.language}</span>}
        </span>
      </div>
      {meta && <div className="result-meta">{meta}</div>}
      {(hit.passages.length > 0
        ? hit.passages
        : [{ text: hit.snippet, page: hit.page, pageLabel: hit.pageLabel }]
      ).map((passage, passageIndex) => (
        <p
          // biome-ignore lint/suspicious/noArrayIndexKey: passages have no id and never reorder
          key={passageIndex}
          className="snippet"
        >
          {passage.page !== null && (
            <span className="page">p. {passage.pageLabel ?? passage.page} </span>
          )}
          {/* Isolated, in the passage's own direction: an Arabic passage after "p. 3" reads right to left. */}
          <bdi>
            <Marked text={passage.text} />
          </bdi>
        </p>
      ))}
    </div>
  )
}

type SaveQueryDialogProps = { query: string; onClose: () => void }

function SaveQueryDialog({ query, onClose }: SaveQueryDialogProps): ReactNode {
  const [name, setName] = useState(query.slice(0, 60))
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    try {
      await mutate('searches.save', { name: name.trim(), query })
      toast(`Saved “${name.trim()}”.`)
      onClose()
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }
  return (
    <Dialog title="Save this query" onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <p>
          <code>{query}</code>
        </p>
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(event) => setName(event.target.value)} required />
        </label>
        <FormFooter error={error} onCancel={onClose} submitLabel="Save" canSubmit={!!name.trim()} />
      </form>
    </Dialog>
  )
}
