import type { Quote, SimilarPassage } from '@shared/contract'
import type { ReactNode } from 'react'
import { errorMessage, mutate } from '../../api/use-api-query'
import { Dialog } from '../../components/Dialog'
import { showView, toast } from '../../state/app-state'
import { SimilarPassages } from './SimilarPassages'

type SimilarDialogProps = { quote: Quote; onClose: () => void }

/** "Find the same statement elsewhere" for a quote from the Quotes panel; a passage opens a comparison. */
export function SimilarDialog({ quote, onClose }: SimilarDialogProps): ReactNode {
  const compareWith = async (passage: SimilarPassage): Promise<void> => {
    try {
      const created = await mutate('quotes.create', {
        documentId: passage.documentId,
        text: passage.text,
        start: passage.start,
        end: passage.end,
        color: 'blue',
      })
      onClose()
      showView({ kind: 'compare', quoteIds: [quote.id, created.id], setId: null })
    } catch (error) {
      toast(errorMessage(error), { tone: 'error' })
    }
  }
  return (
    <Dialog title="Same statement elsewhere" onClose={onClose} wide>
      <blockquote className="quote-preview">{quote.exact}</blockquote>
      <SimilarPassages
        quoteId={quote.id}
        quoteTitle={quote.document.title}
        onAdd={(passage) => void compareWith(passage)}
        onClose={onClose}
      />
    </Dialog>
  )
}
