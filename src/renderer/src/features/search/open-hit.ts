import type { SearchHit } from '@shared/contract'
import { getApi } from '../../api/client'
import { errorMessage } from '../../api/use-api-query'
import { appStore, type HitPassage, openDocument, toast } from '../../state/app-state'
import { queryWords } from './query-words'

export const RESULTS_ID = 'search-results'

export function resultOptionId(index: number): string {
  return `search-result-${index}`
}

/**
 * Open a result: a quote or note at its passage; a document at the passage that matched (flashed), with the find bar
 * showing the query's words from there and the hit's other passages one keystroke away.
 */
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
  const passages: HitPassage[] = hit.passages.flatMap((passage) =>
    passage.start !== undefined && passage.end !== undefined
      ? [
          {
            start: passage.start,
            end: passage.end,
            page: passage.page,
            pageLabel: passage.pageLabel,
          },
        ]
      : [],
  )
  const words = queryWords(appStore.get().query)
  openDocument(hit.documentId, passages[0] ?? null, {
    text: words,
    // One word or one quoted phrase is matched as written; several words as any of them, as search found them.
    mode: /^(?:"[^"]*"|[^\s"]+)$/.test(words) ? 'phrase' : 'any',
    passages,
  })
}
