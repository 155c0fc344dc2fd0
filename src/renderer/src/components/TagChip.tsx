import type { ReactNode } from 'react'

type TagChipProps = { name: string; color: string | null; onRemove?: () => void }

/** A tag name with its colour dot. */
export function TagChip({ name, color, onRemove }: TagChipProps): ReactNode {
  return (
    <span className="tag-chip">
      <span className="tag-dot" style={color ? { background: safeColor(color) } : undefined} />
      <span className="tag-chip-name">{name}</span>
      {onRemove && (
        <button
          type="button"
          className="tag-chip-remove"
          aria-label={`Remove tag ${name}`}
          onClick={onRemove}
        >
          ×
        </button>
      )}
    </span>
  )
}

/** Only plain hex colours reach a style attribute; anything else is ignored. */
export function safeColor(color: string | null): string | undefined {
  return color && /^#[0-9a-f]{3,8}$/i.test(color) ? color : undefined
}
