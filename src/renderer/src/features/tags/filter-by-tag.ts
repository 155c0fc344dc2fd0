import { appStore, showView } from '../../state/app-state'
import { NO_SELECTION } from '../../state/document-selection'

/**
 * Show what a tag holds. A tag on documents filters the library (a second click removes the filter); a tag only on
 * quotes filters the Quotes panel instead, since filtering the library by it would only say "No documents match".
 */
export function filterByTag(
  name: string,
  counts: { documentCount: number; quoteCount: number } | null = null,
): void {
  if (counts && counts.documentCount === 0 && counts.quoteCount > 0) {
    appStore.set((state) => ({
      quoteFilter: { ...state.quoteFilter, tag: name, documentId: null, placement: null },
      quotesPanelOpen: true,
    }))
    return
  }
  const current = appStore.get().libraryFilter
  appStore.set({
    libraryFilter: { ...current, tag: current.tag === name ? null : name },
    selectedDocuments: NO_SELECTION,
  })
  showView({ kind: 'library' })
}
