import type { CitationType, DocumentDetail, DocumentMetadata } from '@shared/contract'
import { type FormEvent, type ReactNode, useState } from 'react'

type MetadataPanelProps = {
  detail: DocumentDetail
  saving: boolean
  error: string | null
  onSave: (patch: Partial<DocumentMetadata>) => void
  onClose: () => void
}

const CITATION_TYPES: { value: CitationType; label: string }[] = [
  { value: 'article-newspaper', label: 'Newspaper article' },
  { value: 'article-journal', label: 'Journal article' },
  { value: 'article-magazine', label: 'Magazine article' },
  { value: 'report', label: 'Report' },
  { value: 'book', label: 'Book' },
  { value: 'chapter', label: 'Book chapter' },
  { value: 'webpage', label: 'Web page' },
  { value: 'speech', label: 'Speech' },
  { value: 'document', label: 'Other document' },
]

type Draft = Record<
  | 'title'
  | 'authors'
  | 'publishedAt'
  | 'source'
  | 'url'
  | 'language'
  | 'citationType'
  | 'containerTitle'
  | 'publisher'
  | 'doi'
  | 'accessedAt',
  string
>

function draftOf(detail: DocumentDetail): Draft {
  return {
    title: detail.title,
    authors: detail.authors.join('\n'),
    publishedAt: detail.publishedAt ?? '',
    source: detail.source ?? '',
    url: detail.url ?? '',
    language: detail.language ?? '',
    citationType: detail.citationType,
    containerTitle: detail.containerTitle ?? '',
    publisher: detail.publisher ?? '',
    doi: detail.doi ?? '',
    accessedAt: detail.accessedAt ?? '',
  }
}

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/

/** Only the fields that changed, in the contract's types (empty optional fields become null). */
export function metadataPatch(before: Draft, after: Draft): Partial<DocumentMetadata> {
  const patch: Partial<DocumentMetadata> = {}
  const nullable = (value: string): string | null => (value.trim() ? value.trim() : null)
  if (after.title !== before.title) patch.title = after.title.trim()
  if (after.authors !== before.authors) {
    patch.authors = after.authors
      .split('\n')
      .map((name) => name.trim())
      .filter(Boolean)
  }
  if (after.citationType !== before.citationType) {
    patch.citationType = after.citationType as CitationType
  }
  for (const key of [
    'publishedAt',
    'source',
    'url',
    'language',
    'containerTitle',
    'publisher',
    'doi',
    'accessedAt',
  ] as const) {
    if (after[key] !== before[key]) patch[key] = nullable(after[key])
  }
  return patch
}

/** What is wrong with a draft, in words, or null. */
function draftProblem(draft: Draft): string | null {
  if (!draft.title.trim()) return 'A document needs a title.'
  for (const key of ['publishedAt', 'accessedAt'] as const) {
    if (draft[key].trim() && !DATE.test(draft[key].trim())) {
      return 'Dates are YYYY, YYYY-MM or YYYY-MM-DD.'
    }
  }
  if (draft.url.trim() && !/^https?:\/\/\S+$/i.test(draft.url.trim())) {
    return 'The URL must start with http:// or https://.'
  }
  return null
}

/** Correct the bibliographic fields used for citations. */
export function MetadataPanel({
  detail,
  saving,
  error,
  onSave,
  onClose,
}: MetadataPanelProps): ReactNode {
  const [initial] = useState(() => draftOf(detail))
  const [draft, setDraft] = useState(initial)
  const [problem, setProblem] = useState<string | null>(null)
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const problem = draftProblem(draft)
    setProblem(problem)
    if (problem) return
    const patch = metadataPatch(initial, draft)
    if (Object.keys(patch).length === 0) onClose()
    else onSave(patch)
  }

  return (
    <form
      className="metadata-panel form"
      aria-label="Document details"
      onSubmit={submit}
      noValidate
    >
      <h2>Details</h2>
      <Field label="Title" value={draft.title} onChange={set('title')} />
      <label className="field">
        <span>Authors (one per line)</span>
        <textarea
          rows={3}
          value={draft.authors}
          onChange={(event) => set('authors')(event.target.value)}
        />
      </label>
      <Field
        label="Date"
        value={draft.publishedAt}
        onChange={set('publishedAt')}
        placeholder="YYYY-MM-DD"
      />
      <Field label="Source" value={draft.source} onChange={set('source')} />
      <Field label="URL" value={draft.url} onChange={set('url')} type="url" />
      <label className="field">
        <span>Type</span>
        <select
          value={draft.citationType}
          onChange={(event) => set('citationType')(event.target.value)}
        >
          {CITATION_TYPES.map((type) => (
            <option key={type.value} value={type.value}>
              {type.label}
            </option>
          ))}
        </select>
      </label>
      <Field
        label="Container (newspaper, journal, book)"
        value={draft.containerTitle}
        onChange={set('containerTitle')}
      />
      <Field label="Publisher" value={draft.publisher} onChange={set('publisher')} />
      <Field label="DOI" value={draft.doi} onChange={set('doi')} />
      <Field
        label="Accessed"
        value={draft.accessedAt}
        onChange={set('accessedAt')}
        placeholder="YYYY-MM-DD"
      />
      <Field label="Language" value={draft.language} onChange={set('language')} placeholder="en" />
      {(problem ?? error) && (
        <p className="form-error" role="alert">
          {problem ?? error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save details
        </button>
      </div>
    </form>
  )
}

type FieldProps = {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  type?: string
}

function Field({ label, value, onChange, placeholder, type = 'text' }: FieldProps): ReactNode {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type={type}
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  )
}
