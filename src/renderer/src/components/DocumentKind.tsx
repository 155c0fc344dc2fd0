import type { DocumentFormat } from '@shared/contract'
import type { ReactNode } from 'react'
import { documentKind } from './format'

/**
 * "PDF · ja" beside a document's title, "PDF, Japanese" for the tooltip and screen readers: sources that share a title
 * (a PDF and its TXT, a readme in four languages) are told apart wherever one is named.
 */
export function DocumentKind({
  format,
  language,
}: {
  format: DocumentFormat
  language: string | null
}): ReactNode {
  const kind = documentKind(format, language)
  return (
    <span className="doc-kind" title={kind.long}>
      <span aria-hidden="true">{kind.short}</span>
      <span className="visually-hidden">{kind.long}</span>
    </span>
  )
}
