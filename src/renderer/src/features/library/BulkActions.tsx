import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { plural } from '../../components/format'

type BulkActionsProps = {
  count: number
  tagNames: string[]
  busy: boolean
  onAddTag: (name: string) => void
  onRemoveTag: (name: string) => void
  onDelete: () => void
  onClear: () => void
}

/** What can be done to the selected documents at once. */
export function BulkActions({
  count,
  tagNames,
  busy,
  onAddTag,
  onRemoveTag,
  onDelete,
  onClear,
}: BulkActionsProps): ReactNode {
  const [name, setName] = useState('')
  const listId = useId()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (name.trim()) onAddTag(name.trim())
  }
  return (
    <form className="bulk-bar" aria-label="Selected documents" onSubmit={submit}>
      <strong>{plural(count, 'document')} selected</strong>
      <input
        aria-label="Tag name"
        placeholder="Tag name"
        value={name}
        list={listId}
        onChange={(event) => setName(event.target.value)}
      />
      <datalist id={listId}>
        {tagNames.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      <button type="submit" disabled={busy || !name.trim()}>
        Add tag
      </button>
      <button
        type="button"
        disabled={busy || !name.trim()}
        onClick={() => onRemoveTag(name.trim())}
      >
        Remove tag
      </button>
      <button type="button" className="danger" disabled={busy} onClick={onDelete}>
        Delete…
      </button>
      <button type="button" className="link-button" onClick={onClear}>
        Clear selection
      </button>
    </form>
  )
}
