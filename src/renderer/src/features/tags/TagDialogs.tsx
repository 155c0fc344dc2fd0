import type { TagWithCounts } from '@shared/contract'
import { type FormEvent, type ReactNode, useState } from 'react'
import { errorMessage } from '../../api/use-api-query'
import { Dialog } from '../../components/Dialog'
import { plural } from '../../components/format'

/** The tag colours on offer: readable on light and dark backgrounds. */
export const TAG_COLORS = [
  '#d64545',
  '#e07b24',
  '#c9a227',
  '#3f9c4a',
  '#2a8c8c',
  '#3b6fd4',
  '#7b52c7',
  '#c2477f',
  '#7a7368',
]

export type TagAction = 'rename' | 'merge' | 'color' | 'delete'

type TagDialogProps = {
  action: TagAction
  tag: TagWithCounts
  others: TagWithCounts[]
  onRename: (name: string) => Promise<void>
  onMerge: (intoId: TagWithCounts['id']) => Promise<void>
  onColor: (color: string | null) => Promise<void>
  onDelete: () => Promise<void>
  onClose: () => void
}

/** Rename, merge, colour or delete one tag. */
export function TagDialog({
  action,
  tag,
  others,
  onRename,
  onMerge,
  onColor,
  onDelete,
  onClose,
}: TagDialogProps): ReactNode {
  const [name, setName] = useState(tag.name)
  const [into, setInto] = useState<string>(others[0] ? String(others[0].id) : '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const attempt = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await work()
      onClose()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (clash) void attempt(() => onMerge(clash.id))
    else if (action === 'rename') void attempt(() => onRename(name.trim()))
    else if (action === 'merge') {
      const target = others.find((other) => String(other.id) === into)
      if (target) void attempt(() => onMerge(target.id))
    } else if (action === 'delete') void attempt(onDelete)
  }

  // Renaming onto an existing name (any letter case) is a merge: offer it rather than only refusing.
  const clash =
    action === 'rename'
      ? others.find((other) => other.name.toLowerCase() === name.trim().toLowerCase())
      : undefined

  const uses = `${plural(tag.documentCount, 'document')} and ${plural(tag.quoteCount, 'quote')}`
  const errorLine = error && (
    <p className="form-error" role="alert">
      {error}
    </p>
  )

  if (action === 'color') {
    return (
      <Dialog title={`Colour for “${tag.name}”`} onClose={onClose}>
        <fieldset className="color-grid">
          <legend className="visually-hidden">Tag colours</legend>
          {TAG_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`color-choice${tag.color === color ? ' is-current' : ''}`}
              style={{ background: color }}
              aria-label={`Colour ${color}`}
              aria-pressed={tag.color === color}
              disabled={busy}
              onClick={() => void attempt(() => onColor(color))}
            />
          ))}
          <button type="button" disabled={busy} onClick={() => void attempt(() => onColor(null))}>
            No colour
          </button>
        </fieldset>
        {errorLine}
      </Dialog>
    )
  }

  return (
    <Dialog title={TITLES[action](tag.name)} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {action === 'rename' && (
          <label className="field">
            <span>New name</span>
            <input value={name} onChange={(event) => setName(event.target.value)} required />
          </label>
        )}
        {action === 'rename' && !clash && (
          <p className="muted">
            Every document and quote tagged “{tag.name}” follows the new name.
          </p>
        )}
        {clash && (
          <p role="status">
            A tag named “{clash.name}” already exists. Merge “{tag.name}” into it: its {uses} get “
            {clash.name}”.
          </p>
        )}
        {action === 'merge' &&
          (others.length === 0 ? (
            <p>There is no other tag to merge into.</p>
          ) : (
            <>
              <label className="field">
                <span>Merge into</span>
                <select value={into} onChange={(event) => setInto(event.target.value)}>
                  {others.map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.name}
                    </option>
                  ))}
                </select>
              </label>
              <p className="muted">
                The {uses} tagged “{tag.name}” get the other tag, and “{tag.name}” goes away.
              </p>
            </>
          ))}
        {action === 'delete' && (
          <p>
            Remove “{tag.name}” from {uses}? The documents and quotes themselves stay.
          </p>
        )}
        {errorLine}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {clash ? (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void attempt(() => onMerge(clash.id))}
            >
              Merge into “{clash.name}”
            </button>
          ) : (
            <button
              type="submit"
              className={action === 'delete' ? 'danger' : 'primary'}
              disabled={
                busy ||
                (action === 'rename' && (!name.trim() || name.trim() === tag.name)) ||
                (action === 'merge' && others.length === 0)
              }
            >
              {SUBMIT[action]}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  )
}

const TITLES: Record<Exclude<TagAction, 'color'>, (name: string) => string> = {
  rename: (name) => `Rename “${name}”`,
  merge: (name) => `Merge “${name}”`,
  delete: (name) => `Delete “${name}”?`,
}

const SUBMIT: Record<Exclude<TagAction, 'color'>, string> = {
  rename: 'Rename',
  merge: 'Merge',
  delete: 'Delete tag',
}
