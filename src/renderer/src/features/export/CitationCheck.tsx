import type { DocumentId } from '@shared/contract'
import type { ReactNode } from 'react'
import { useApiQuery } from '../../api/use-api-query'
import { plural } from '../../components/format'
import { appStore, openDocument } from '../../state/app-state'

type CitationCheckProps = { documentIds: DocumentId[]; onFix: () => void }

/** Open a document's Details to correct its record (the export dialog closes first: it is modal). */
function fix(id: DocumentId, onFix: () => void): void {
  onFix()
  openDocument(id)
  appStore.set({ metadataOpen: true })
}

/**
 * The check before citing: the exported quotes' references whose title, authors or date are missing or guessed,
 * each one click from its Details. A wrong author in a citation is worse than none, so this sits above the preview.
 */
export function CitationCheck({ documentIds, onFix }: CitationCheckProps): ReactNode {
  const review = useApiQuery(
    'documents.reviewMetadata',
    documentIds.length > 0 ? { ids: documentIds } : null,
  )
  const flagged = review.data?.documents ?? []
  if (flagged.length === 0) return null
  return (
    <section className="citation-check" aria-label="Check before citing">
      <h3>{plural(flagged.length, 'reference')} to check: fields missing or guessed</h3>
      <ul>
        {flagged.map((doc) => (
          <li key={doc.id}>
            <span className="citation-check-title">{doc.title}</span>
            <span className="muted">
              {doc.problems.map((problem) => problem.message).join('; ')}
            </span>
            <button
              type="button"
              className="link-button"
              aria-label={`Fix the details of ${doc.title}`}
              onClick={() => fix(doc.id, onFix)}
            >
              Fix…
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
