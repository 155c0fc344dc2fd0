import type { QuoteColor } from '@shared/contract'
import { type ReactNode, useState } from 'react'
import { errorMessage, mutate } from '../../api/use-api-query'
import { Dialog } from '../../components/Dialog'
import { useQuoteColors } from '../../components/use-quote-colors'

type PreferencesDialogProps = { onClose: () => void }

/** What the highlight colours mean (the user's words), and a note on appearance. */
export function PreferencesDialog({ onClose }: PreferencesDialogProps): ReactNode {
  const colors = useQuoteColors()
  const [drafts, setDrafts] = useState<Partial<Record<QuoteColor, string>>>({})
  const [error, setError] = useState<string | null>(null)

  const saveLabel = async (color: QuoteColor, label: string): Promise<void> => {
    try {
      await mutate('quotes.setColorLabel', { color, label })
      setError(null)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  return (
    <Dialog title="Preferences" onClose={onClose}>
      <h3>Highlight colours</h3>
      <p className="muted">
        Give each colour a meaning; quotes keep their colour when you rename it.
      </p>
      <div className="form">
        {colors.map(({ color, label }) => (
          <label key={color} className="field color-label-field">
            <span className={`swatch swatch-${color}`} aria-hidden="true" />
            <span className="visually-hidden">Meaning of {color}</span>
            <input
              value={drafts[color] ?? label}
              onChange={(event) => setDrafts((d) => ({ ...d, [color]: event.target.value }))}
              onBlur={(event) => {
                const value = event.target.value.trim()
                if (value && value !== label) void saveLabel(color, value)
              }}
            />
          </label>
        ))}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <h3>Appearance</h3>
      <p className="muted">
        Lectern follows your system’s light or dark setting. The reader’s text size is set with A−
        and A+ (Ctrl+− and Ctrl+=).
      </p>
    </Dialog>
  )
}
