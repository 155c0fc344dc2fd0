import type { Quote } from '@shared/contract'
import { type ReactNode, useEffect, useState } from 'react'
import { listenForLibraryChanges } from './api/use-api-query'
import { openExport, requestCompare } from './commands/commands'
import { runCommand } from './commands/run-command'
import { useCommandShortcuts } from './commands/use-command-shortcuts'
import { Toasts } from './components/Toasts'
import { CompareView, SavedComparisons, SimilarDialog } from './features/compare'
import { ExportDialog } from './features/export'
import { DropZone, ImportTray, listenForJobs } from './features/import'
import { LibraryView } from './features/library'
import { DamagedLibraryBanner } from './features/library/DamagedLibraryBanner'
import { Palette, startPaletteIndex } from './features/palette'
import { PreferencesDialog } from './features/preferences/PreferencesDialog'
import { QuotesPanel } from './features/quotes'
import { ReaderView } from './features/reader'
import { SearchBox, SearchResults, startInstantSearch } from './features/search'
import { TagsSidebar } from './features/tags'
import { appStore, useAppState } from './state/app-state'

/** The main window: toolbar, tags sidebar, the main pane (library, results, reader or compare), quotes panel. */
export function App(): ReactNode {
  const view = useAppState((state) => state.view)
  const exportRequest = useAppState((state) => state.exportRequest)
  const preferencesOpen = useAppState((state) => state.preferencesOpen)
  const sidebarOpen = useAppState((state) => state.sidebarOpen)
  const quotesPanelOpen = useAppState((state) => state.quotesPanelOpen)
  const [similarFor, setSimilarFor] = useState<Quote | null>(null)

  useEffect(() => {
    const stops = [
      listenForLibraryChanges(),
      listenForJobs(),
      startInstantSearch(),
      startPaletteIndex(),
    ]
    return () => {
      for (const stop of stops) stop()
    }
  }, [])
  useCommandShortcuts()
  useEffect(() => {
    // Esc closes an overlay panel (narrow windows), unless a dialog or menu is using it.
    const onKeyDown = (event: KeyboardEvent): void => {
      const { sidebarOpen, quotesPanelOpen } = appStore.get()
      if (event.key !== 'Escape' || event.defaultPrevented || (!sidebarOpen && !quotesPanelOpen))
        return
      if (document.querySelector('dialog[open], :popover-open')) return
      appStore.set({ sidebarOpen: false, quotesPanelOpen: false })
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <div className="app">
      <header className="toolbar">
        <div className="brand">
          <img src="./favicon.svg" alt="" width={22} height={22} />
          <span>Lectern</span>
        </div>
        <SearchBox />
        <div className="toolbar-actions">
          <button
            type="button"
            className="panel-toggle"
            aria-expanded={sidebarOpen}
            aria-controls="tags-sidebar"
            title="Tags and saved searches (Ctrl+Shift+L)"
            onClick={() => runCommand('toggleSidebar')}
          >
            Tags
          </button>
          <button
            type="button"
            className="panel-toggle"
            aria-expanded={quotesPanelOpen}
            aria-controls="quotes-panel"
            title="Quotes (Ctrl+Shift+U)"
            onClick={() => runCommand('toggleQuotesPanel')}
          >
            Quotes
          </button>
          <button type="button" className="primary" onClick={() => runCommand('import')}>
            Import
          </button>
          <button type="button" onClick={() => runCommand('importFolder')}>
            Import folder
          </button>
        </div>
      </header>
      <DamagedLibraryBanner />
      <div
        className={`workspace${sidebarOpen ? ' sidebar-open' : ''}${quotesPanelOpen ? ' quotes-open' : ''}`}
      >
        <section className="sidebar" id="tags-sidebar" aria-label="Tags">
          <TagsSidebar />
          <SavedComparisons />
        </section>
        <main className="main-pane">
          {view.kind === 'library' && <LibraryView />}
          {view.kind === 'search' && <SearchResults />}
          {view.kind === 'reader' && (
            <ReaderView key={view.documentId} documentId={view.documentId} target={view.target} />
          )}
          {view.kind === 'compare' && (
            <CompareView quoteIds={view.quoteIds} setId={view.setId} onExport={openExport} />
          )}
        </main>
        <QuotesPanel onCompare={requestCompare} onExport={openExport} onSimilar={setSimilarFor} />
      </div>
      <ImportTray />
      <Toasts />
      <DropZone />
      {exportRequest && (
        <ExportDialog
          selection={exportRequest.selection}
          title={exportRequest.title}
          onClose={() => appStore.set({ exportRequest: null })}
        />
      )}
      {similarFor && <SimilarDialog quote={similarFor} onClose={() => setSimilarFor(null)} />}
      <Palette />
      {preferencesOpen && (
        <PreferencesDialog onClose={() => appStore.set({ preferencesOpen: false })} />
      )}
    </div>
  )
}
