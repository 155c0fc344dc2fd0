import { memo, type ReactNode, type Ref, useMemo } from 'react'
import { splitParagraphs } from './paragraphs'

type TextBodyProps = { text: string; ref?: Ref<HTMLElement> }

/**
 * A document without structured HTML, shown as paragraphs of React text (never HTML). Each text node is an exact
 * slice of the document's text, so selections map back to offsets exactly.
 */
export const TextBody = memo(function TextBody({ text, ref }: TextBodyProps): ReactNode {
  const paragraphs = useMemo(() => splitParagraphs(text), [text])
  if (paragraphs.length === 0) {
    return (
      <article ref={ref} className="text-body">
        <p className="muted">This document has no text.</p>
      </article>
    )
  }
  return (
    <article ref={ref} className="text-body">
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start}>{paragraph.text}</p>
      ))}
    </article>
  )
})
