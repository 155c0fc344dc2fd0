import type { QuoteColor } from '@shared/contract'
import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { ColorPicker } from '../../components/ColorPicker'
import { Dialog } from '../../components/Dialog'
import { FormFooter } from '../../components/FormFooter'
import { parseTagList } from '../../components/tag-list'

type SaveQuoteDialogProps = {
  exact: string
  colors: { color: QuoteColor; label: string }[]
  tagNames: string[]
  saving: boolean
  error: string | null
  onSave: (quote: { color: QuoteColor; tags: string[]; note: string }) => void
  onCancel: () => void
}

/** Colour, tags and note for a new quote. */
export function SaveQuoteDialog({
  exact,
  colors,
  tagNames,
  saving,
  error,
  onSave,
  onCancel,
}: SaveQuoteDialogProps): ReactNode {
  const [color, setColor] = useState<QuoteColor>('yellow')
  const [tags, setTags] = useState('')
  const [note, setNote] = useState('')
  const listId = useId()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onSave({ color, tags: parseTagList(tags), note: note.trim() })
  }
  return (
    <Dialog title="New quote" onClose={onCancel}>
      <form className="form" onSubmit={submit}>
        <blockquote className="quote-preview">{exact}</blockquote>
        <ColorPicker colors={colors} value={color} onChange={setColor} />
        <label className="field">
          <span>Tags</span>
          <input
            data-autofocus
            value={tags}
            onChange={(event) => setTags(event.target.value)}
            list={listId}
            placeholder="comma, separated"
            autoComplete="off"
          />
          <datalist id={listId}>
            {tagNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>Note</span>
          <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={3} />
        </label>
        <FormFooter
          error={error}
          onCancel={onCancel}
          submitLabel="Save quote"
          canSubmit={!saving}
        />
      </form>
    </Dialog>
  )
}
