import type { DiffSegment } from '@shared/contract'
import type { ReactNode } from 'react'

type DiffTextProps = {
  segments: DiffSegment[]
  /** How to show segments: a compared column shows its own words (`added`) and, struck through, the reference's
   * words it lacks (`removed`); the reference column shows its words, marking those the other column lacks. */
  side: 'compared' | 'reference'
  showRemoved: boolean
}

/** Word-level differences as <ins>/<del>/<mark>, all React text. */
export function DiffText({ segments, side, showRemoved }: DiffTextProps): ReactNode {
  return segments.map((segment, index) => {
    const key = index
    if (segment.kind === 'same') return <span key={key}>{segment.text}</span>
    if (side === 'reference') {
      // Seen from the reference: `removed` is its own wording the other column does not have.
      if (segment.kind === 'removed') {
        return (
          <mark key={key} className="diff-unique">
            {segment.text}
          </mark>
        )
      }
      return null
    }
    if (segment.kind === 'added') {
      return (
        <ins key={key} className="diff-added">
          {segment.text}
        </ins>
      )
    }
    return showRemoved ? (
      <del key={key} className="diff-removed">
        {segment.text}
      </del>
    ) : null
  })
}
