import type { QuoteId, QuoteSelection } from '@shared/contract'
import { pickAndImport } from '../features/import/import-controller'
import { appStore, goBack, setReaderFontSize, showView, toast, undoLast } from '../state/app-state'
import { type Command, registerCommands } from './registry'

/** Open the export dialog for a basket of quotes. */
export function openExport(selection: QuoteSelection, title: string): void {
  appStore.set({ exportRequest: { selection, title } })
}

/** Open the export dialog for the selected quotes, or for every quote when none is selected. */
export function requestExport(quoteIds: readonly QuoteId[]): void {
  if (quoteIds.length > 0) {
    openExport(
      { quoteIds: [...quoteIds] },
      `${quoteIds.length} selected ${quoteIds.length === 1 ? 'quote' : 'quotes'}`,
    )
  } else {
    openExport({ all: true }, 'all quotes')
  }
}

/** Compare 2–4 quotes side by side. */
export function requestCompare(quoteIds: readonly QuoteId[]): void {
  if (quoteIds.length < 2 || quoteIds.length > 4) {
    toast('Select two to four quotes in the Quotes panel to compare them.')
    return
  }
  showView({ kind: 'compare', quoteIds: [...quoteIds], setId: null })
}

/** Below this width the side panels are overlays (styles/layout-narrow.css). */
export function isNarrow(): boolean {
  return window.matchMedia('(max-width: 1199px)').matches
}

/** Focus the first element matching the first selector that matches, once the panel has rendered. */
function focusSoon(...selectors: string[]): void {
  requestAnimationFrame(() => {
    for (const selector of selectors) {
      const element = document.querySelector<HTMLElement>(selector)
      if (element) {
        element.focus()
        return
      }
    }
  })
}

const commands: Command[] = [
  {
    id: 'import',
    label: 'Import files…',
    keybindings: ['Mod+O'],
    worksInTextFields: true,
    run: () => pickAndImport(false),
  },
  {
    id: 'importFolder',
    label: 'Import folder…',
    keybindings: ['Mod+Shift+O'],
    worksInTextFields: true,
    run: () => pickAndImport(true),
  },
  {
    id: 'focusSearch',
    label: 'Search the library',
    keybindings: ['Mod+K', '/'],
    worksInTextFields: false,
    run: () => appStore.set((state) => ({ focusSearchNonce: state.focusSearchNonce + 1 })),
  },
  {
    id: 'find',
    label: 'Find',
    keybindings: ['Mod+F'],
    worksInTextFields: true,
    run: ({ state }) => {
      if (state.view.kind === 'reader') appStore.set({ findOpen: true })
      else appStore.set({ focusSearchNonce: state.focusSearchNonce + 1 })
    },
  },
  {
    id: 'export',
    label: 'Export quotes…',
    keybindings: ['Mod+E'],
    worksInTextFields: true,
    run: ({ state }) => requestExport(state.selectedQuotes),
  },
  {
    id: 'compare',
    label: 'Compare selected quotes',
    keybindings: ['Mod+Shift+M'],
    worksInTextFields: true,
    run: ({ state }) => requestCompare(state.selectedQuotes),
  },
  {
    id: 'showLibrary',
    label: 'Back to the library',
    keybindings: ['Alt+ArrowLeft'],
    when: ({ state }) => state.view.kind === 'reader' || state.view.kind === 'compare',
    run: () => goBack(),
  },
  {
    id: 'undo',
    label: 'Undo',
    keybindings: ['Mod+Z'],
    when: ({ state }) => state.undoStack.length > 0,
    run: () => {
      void undoLast()
    },
  },
  {
    id: 'fontBigger',
    label: 'Larger text',
    keybindings: ['Mod+=', 'Mod++'],
    worksInTextFields: true,
    when: ({ state }) => state.view.kind === 'reader',
    run: ({ state }) => setReaderFontSize(state.readerFontSize + 1),
  },
  {
    id: 'fontSmaller',
    label: 'Smaller text',
    keybindings: ['Mod+-'],
    worksInTextFields: true,
    when: ({ state }) => state.view.kind === 'reader',
    run: ({ state }) => setReaderFontSize(state.readerFontSize - 1),
  },
  {
    id: 'preferences',
    label: 'Preferences…',
    keybindings: ['Mod+,'],
    worksInTextFields: true,
    run: () => appStore.set({ preferencesOpen: true }),
  },
  {
    id: 'palette',
    label: 'Go to anything…',
    keybindings: ['Mod+P'],
    worksInTextFields: true,
    run: () => appStore.set({ palette: 'all' }),
  },
  {
    id: 'commandPalette',
    label: 'Run a command…',
    keybindings: ['Mod+Shift+P'],
    worksInTextFields: true,
    run: () => appStore.set({ palette: 'commands' }),
  },
  {
    id: 'caretMode',
    label: 'Caret mode: select with the keyboard',
    keybindings: ['F7'],
    worksInTextFields: true,
    when: ({ state }) => state.view.kind === 'reader',
    run: ({ state }) => appStore.set({ caretMode: !state.caretMode }),
  },
  {
    id: 'saveQuote',
    label: 'Save the selection as a quote',
    keybindings: ['Mod+S'],
    worksInTextFields: false,
    when: ({ state }) => state.view.kind === 'reader',
    run: () => appStore.set((state) => ({ saveQuoteNonce: state.saveQuoteNonce + 1 })),
  },
  {
    id: 'toggleSidebar',
    label: 'Go to the tags sidebar',
    keybindings: ['Mod+Shift+L'],
    worksInTextFields: true,
    run: ({ state }) => {
      const open = !isNarrow() || !state.sidebarOpen
      appStore.set({ sidebarOpen: open && isNarrow(), quotesPanelOpen: false })
      if (open) focusSoon('.sidebar [data-roving="item"][tabindex="0"]', '.sidebar button')
    },
  },
  {
    id: 'toggleQuotesPanel',
    label: 'Go to the quotes panel',
    keybindings: ['Mod+Shift+U'],
    worksInTextFields: true,
    run: ({ state }) => {
      const open = !isNarrow() || !state.quotesPanelOpen
      appStore.set({ quotesPanelOpen: open && isNarrow(), sidebarOpen: false })
      if (open) {
        focusSoon(
          '.quotes-panel [data-roving="item"][tabindex="0"]',
          '.quotes-panel button:not(:disabled)',
        )
      }
    },
  },
]

registerCommands(commands)
