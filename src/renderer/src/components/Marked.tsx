import { MARK_END, MARK_START } from '@shared/contract'
import type { ReactNode } from 'react'

type MarkedProps = { text: string }

/**
 * Text whose matched words sit between the MARK_START/MARK_END sentinels, shown with <mark> elements. Everything is
 * React text: a snippet full of markup stays markup-as-text (SECURITY.md §2, metadata sinks).
 */
export function Marked({ text }: MarkedProps): ReactNode {
  const parts: ReactNode[] = []
  let index = 0
  let key = 0
  while (index < text.length) {
    const start = text.indexOf(MARK_START, index)
    if (start === -1) {
      parts.push(text.slice(index))
      break
    }
    if (start > index) parts.push(text.slice(index, start))
    const end = text.indexOf(MARK_END, start + 1)
    const stop = end === -1 ? text.length : end
    parts.push(<mark key={key++}>{text.slice(start + 1, stop)}</mark>)
    index = stop + 1
  }
  // Stray sentinels (a MARK_END without a start) must not show up as boxes.
  return parts.map((part) =>
    typeof part === 'string' ? part.replaceAll(MARK_START, '').replaceAll(MARK_END, '') : part,
  )
}
