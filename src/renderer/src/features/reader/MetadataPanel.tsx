import {
  type CitationType,
  type DocumentDetail,
  type DocumentMetadata,
  type FieldProvenance,
  GUESSED_BELOW,
} from '@shared/contract'
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
      <Field
        label="Title"
        value={draft.title}
        onChange={set('title')}
        origin={detail.provenance.title}
      />
      <label className="field">
        <span>
          Authors (one per line)
          <OriginMark origin={detail.provenance.authors} empty={detail.authors.length === 0} />
        </span>
        <textarea
          rows={3}
          value={draft.authors}
          onChange={(event) => set('authors')(event.target.value)}
        />
        <OriginNote origin={detail.provenance.authors} />
      </label>
      <Field
        label="Date"
        value={draft.publishedAt}
        onChange={set('publishedAt')}
        placeholder="YYYY-MM-DD"
        origin={detail.provenance.publishedAt}
        empty={detail.publishedAt === null}
      />
      {detail.fileDate && (
        <p className="field-note">
          File date {detail.fileDate} (when this copy was made; never used as the publication date)
        </p>
      )}
      <Field
        label="Source"
        value={draft.source}
        onChange={set('source')}
        origin={detail.provenance.source}
      />
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
      {detail.identifiers.length > 0 && (
        <div className="field">
          <span>Identifiers found in the document</span>
          <ul className="identifiers" aria-label="Identifiers">
            {detail.identifiers.map((id) => (
              <li key={`${id.type}:${id.value}`}>
                <span className="identifier-type">{id.type.toUpperCase()}</span> {id.value}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Field
        label="Accessed"
        value={draft.accessedAt}
        onChange={set('accessedAt')}
        placeholder="YYYY-MM-DD"
      />
      <Field label="Language" value={draft.language} onChange={set('language')} placeholder="en" />
      {detail.language && detail.languageSource && (
        <p className="origin-note language-source">
          Language {LANGUAGE_SOURCE_LABEL[detail.languageSource]}.
        </p>
      )}
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
  /** Where the stored value came from (shown under the field). */
  origin?: FieldProvenance
  empty?: boolean
}

function Field({
  label,
  value,
  onChange,
  placeholder,
  type = 'text',
  origin,
  empty = false,
}: FieldProps): ReactNode {
  return (
    <label className="field">
      <span>
        {label}
        <OriginMark origin={origin} empty={empty} />
      </span>
      <input
        type={type}
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
      <OriginNote origin={origin} />
    </label>
  )
}

const LANGUAGE_SOURCE_LABEL: Record<NonNullable<DocumentDetail['languageSource']>, string> = {
  declared: 'declared by the file',
  detected: 'detected from the text',
  edited: 'set by you',
}

const ORIGIN_LABEL: Record<FieldProvenance['origin'], string> = {
  embedded: "from the file's metadata",
  text: "from the document's text",
  filename: 'from the file name',
  filesystem: "from the file's dates",
  detected: 'detected',
  guessed: 'guessed',
  user: 'corrected by you',
}

/** "guessed" / "missing" next to a field's label: check it before citing. */
function OriginMark({
  origin,
  empty = false,
}: {
  origin?: FieldProvenance
  empty?: boolean
}): ReactNode {
  if (origin?.origin === 'user') return null
  if (empty) return <span className="origin-mark missing">missing</span>
  if (!origin) return null
  if (
    origin.confidence < GUESSED_BELOW ||
    origin.origin === 'guessed' ||
    origin.origin === 'filename'
  )
    return <span className="origin-mark guessed">guessed</span>
  return null
}

function OriginNote({ origin }: { origin?: FieldProvenance }): ReactNode {
  if (!origin) return null
  const detail = origin.detail ? `: ${origin.detail}` : ''
  const sure =
    origin.origin === 'user' ? '' : ` · confidence ${Math.round(origin.confidence * 100)} %`
  return (
    <small className="origin-note">
      {ORIGIN_LABEL[origin.origin]}
      {detail}
      {sure}
    </small>
  )
}
