import type { Quote, QuoteColor } from '@shared/contract'
import { type FormEvent, type ReactNode, useState } from 'react'
import { errorMessage, mutate } from '../../api/use-api-query'
import { ColorPicker } from '../../components/ColorPicker'
import { Dialog } from '../../components/Dialog'
import { FormFooter } from '../../components/FormFooter'
import { parseTagList } from '../../components/tag-list'
import { useQuoteColors } from '../../components/use-quote-colors'

type EditQuoteDialogProps = { quote: Quote; onClose: () => void }

/** Change a quote's colour, tags and note. */
export function EditQuoteDialog({ quote, onClose }: EditQuoteDialogProps): ReactNode {
  const colors = useQuoteColors()
  const [color, setColor] = useState<QuoteColor>(quote.color)
  const [tags, setTags] = useState(quote.tags.map((tag) => tag.name).join(', '))
  const [note, setNote] = useState(quote.note)
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    try {
      await mutate('quotes.update', {
        id: quote.id,
        color,
        note: note.trim(),
        tags: parseTagList(tags),
      })
      onClose()
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }
  return (
    <Dialog title="Edit quote" onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <blockquote className="quote-preview">{quote.exact}</blockquote>
        <ColorPicker colors={colors} value={color} onChange={setColor} />
        <label className="field">
          <span>Tags</span>
          <input value={tags} onChange={(event) => setTags(event.target.value)} />
        </label>
        <label className="field">
          <span>Note</span>
          <textarea rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
        <FormFooter error={error} onCancel={onClose} submitLabel="Save changes" />
      </form>
    </Dialog>
  )
}
