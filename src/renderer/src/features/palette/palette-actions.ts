/** What choosing a palette entry does: the same actions the sidebar, library and quotes panel offer. */
import type { DocumentId, QuoteId } from '@shared/contract'
import { getApi } from '../../api/client'
import { errorMessage } from '../../api/use-api-query'
import type { CommandId } from '../../commands/registry'
import { runCommand } from '../../commands/run-command'
import { openDocument, setQuery, showView, toast } from '../../state/app-state'
import { filterByTag } from '../tags/filter-by-tag'
import type { PaletteHit } from './palette-index'

export type PaletteItem =
  | PaletteHit
  | {
      kind: 'command'
      id: CommandId
      label: string
      detail: string
      tier: number
      format?: undefined
      language?: undefined
    }

export async function choosePaletteItem(item: PaletteItem): Promise<void> {
  try {
    switch (item.kind) {
      case 'command':
        runCommand(item.id)
        return
      case 'document':
        openDocument(item.id as DocumentId)
        return
      case 'tag': {
        const tags = await getApi().invoke('tags.list', {})
        filterByTag(item.label, tags.find((t) => t.id === item.id) ?? null)
        return
      }
      case 'search':
        setQuery(item.detail)
        return
      case 'comparison': {
        const sets = await getApi().invoke('comparisons.list', {})
        const set = sets.find((s) => s.id === item.id)
        if (set) showView({ kind: 'compare', quoteIds: set.quoteIds, setId: set.id })
        return
      }
      case 'quote': {
        const quote = await getApi().invoke('quotes.get', { id: item.id as QuoteId })
        openDocument(
          quote.documentId,
          quote.start !== null && quote.end !== null
            ? { start: quote.start, end: quote.end }
            : null,
        )
        return
      }
    }
  } catch (error) {
    toast(errorMessage(error), { tone: 'error' })
  }
}
