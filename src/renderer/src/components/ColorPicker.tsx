import type { QuoteColor } from '@shared/contract'
import { type ReactNode, useId } from 'react'

type ColorPickerProps = {
  colors: { color: QuoteColor; label: string }[]
  value: QuoteColor
  onChange: (color: QuoteColor) => void
}

/** The named highlight colours as a radio group; the label is the colour's meaning. */
export function ColorPicker({ colors, value, onChange }: ColorPickerProps): ReactNode {
  const name = useId()
  return (
    <fieldset className="color-picker">
      <legend>Colour</legend>
      {colors.map(({ color, label }) => (
        <label key={color} className="color-option" title={label}>
          <input
            type="radio"
            name={name}
            value={color}
            checked={value === color}
            onChange={() => onChange(color)}
          />
          <span className={`swatch swatch-${color}`} aria-hidden="true" />
          <span className="color-label">{label}</span>
        </label>
      ))}
    </fieldset>
  )
}

/** Colours and default meanings, used until `quotes.colors` answers. */
export const DEFAULT_COLORS: { color: QuoteColor; label: string }[] = [
  { color: 'yellow', label: 'Key point' },
  { color: 'green', label: 'Evidence' },
  { color: 'blue', label: 'Background' },
  { color: 'pink', label: 'Disputed' },
  { color: 'purple', label: 'Follow up' },
  { color: 'orange', label: 'Quote to use' },
]
