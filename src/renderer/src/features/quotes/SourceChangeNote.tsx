import type { SourceChange } from '@shared/contract'
import type { ReactNode } from 'react'
import { DiffText } from '../compare/DiffText'

type SourceChangeNoteProps = {
  change: SourceChange
  /** Offered in the Quotes panel; compare only shows the difference. */
  onAccept?: () => void
}

/**
 * A quote whose source was re-imported with different words at its place: the quote keeps what was quoted, this
 * says what the source prints now (struck: only in the quote; underlined: only in the source now).
 */
export function SourceChangeNote({ change, onAccept }: SourceChangeNoteProps): ReactNode {
  return (
    <div className="source-changed" role="note" aria-label="Source changed">
      <p>
        <strong>Source changed.</strong> The document now reads:
      </p>
      <p className="source-changed-diff">
        <DiffText segments={change.diff} side="compared" showRemoved />
      </p>
      {onAccept && (
        <button type="button" className="small" onClick={onAccept}>
          Accept new wording
        </button>
      )}
    </div>
  )
}
