import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { formatCount, plural } from '../../components/format'

type BulkActionsProps = {
  count: number
  /** Every document matching the filters is selected (Ctrl+A), loaded or not. */
  all: boolean
  tagNames: string[]
  busy: boolean
  /** Resolve true on success: the tag field is then cleared for the next tag. */
  onAddTag: (name: string) => Promise<boolean>
  onRemoveTag: (name: string) => Promise<boolean>
  onDelete: () => void
  /** Open the dialog that sets authors, source or date on every selected document. */
  onEdit: () => void
  onClear: () => void
}

/**
 * What can be done to the selected documents at once. The bar is always there, at a fixed height, and only its
 * contents change: a bar appearing on the first click would push the rows down under the pointer, so a double-click
 * would open the row above the one clicked.
 */
export function BulkActions({
  count,
  all,
  tagNames,
  busy,
  onAddTag,
  onRemoveTag,
  onDelete,
  onEdit,
  onClear,
}: BulkActionsProps): ReactNode {
  const [name, setName] = useState('')
  const listId = useId()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (name.trim()) void clearAfter(onAddTag(name.trim()))
  }
  // A used tag name must not linger: typing the next one would run into it ("debian-hidebian-historystory").
  const clearAfter = async (done: Promise<boolean>): Promise<void> => {
    if (await done) setName('')
  }
  if (count === 0) {
    return (
      <div className="bulk-bar is-idle">
        <p className="bulk-hint">
          Click a row to select it (Shift or Ctrl for more, Ctrl+A for all); double-click or Enter
          opens it.
        </p>
      </div>
    )
  }
  return (
    <form className="bulk-bar" aria-label="Selected documents" onSubmit={submit}>
      <strong role="status">
        {all
          ? `All ${formatCount(count)} documents selected`
          : `${plural(count, 'document')} selected`}
      </strong>
      <button type="button" className="link-button" onClick={onClear}>
        Clear selection
      </button>
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
        onClick={() => void clearAfter(onRemoveTag(name.trim()))}
      >
        Remove tag
      </button>
      <button type="button" disabled={busy} onClick={onEdit}>
        Edit details…
      </button>
      <button type="button" className="danger" disabled={busy} onClick={onDelete}>
        Delete…
      </button>
    </form>
  )
}
