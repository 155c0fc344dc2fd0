import type { ReactNode } from 'react'
import type { LibraryFilter } from '../../state/app-state'

type LibraryFiltersProps = {
  filter: LibraryFilter
  tags: string[]
  sources: { source: string; count: number }[]
  onChange: (patch: Partial<LibraryFilter>) => void
}

const PARTIAL_DATE = '\\d{4}(-\\d{2}(-\\d{2})?)?'

/** Filter the library by tag, source and date range. */
export function LibraryFilters({
  filter,
  tags,
  sources,
  onChange,
}: LibraryFiltersProps): ReactNode {
  const active = Boolean(filter.tag || filter.source || filter.after || filter.before)
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">Filters</legend>
      <label className="inline-field">
        <span>Tag</span>
        <select
          value={filter.tag ?? ''}
          onChange={(event) => onChange({ tag: event.target.value || null })}
        >
          <option value="">Any</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Source</span>
        <select
          value={filter.source ?? ''}
          onChange={(event) => onChange({ source: event.target.value || null })}
        >
          <option value="">Any</option>
          {sources.map(({ source, count }) => (
            <option key={source} value={source}>
              {source} ({count})
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>From</span>
        <input
          className="date-input"
          placeholder="YYYY-MM-DD"
          pattern={PARTIAL_DATE}
          value={filter.after}
          onChange={(event) => onChange({ after: event.target.value })}
        />
      </label>
      <label className="inline-field">
        <span>To</span>
        <input
          className="date-input"
          placeholder="YYYY-MM-DD"
          pattern={PARTIAL_DATE}
          value={filter.before}
          onChange={(event) => onChange({ before: event.target.value })}
        />
      </label>
      {active && (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange({ tag: null, source: null, after: '', before: '' })}
        >
          Clear filters
        </button>
      )}
    </fieldset>
  )
}
