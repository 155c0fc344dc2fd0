import type { SearchHit } from '@shared/contract'
import { getApi } from '../../api/client'
import { errorMessage } from '../../api/use-api-query'
import { appStore, openDocument, toast } from '../../state/app-state'
import { queryWords } from './query-words'

export const RESULTS_ID = 'search-results'

export function resultOptionId(index: number): string {
  return `search-result-${index}`
}

/** Open a result: a quote or note at its passage, a document with its matches shown by the find bar. */
export async function openHit(hit: SearchHit): Promise<void> {
  if (hit.quoteId !== undefined) {
    try {
      const quote = await getApi().invoke('quotes.get', { id: hit.quoteId })
      openDocument(
        quote.documentId,
        quote.start !== null && quote.end !== null ? { start: quote.start, end: quote.end } : null,
      )
    } catch (error) {
      toast(errorMessage(error), { tone: 'error' })
    }
    return
  }
  openDocument(hit.documentId, null, queryWords(appStore.get().query))
}
