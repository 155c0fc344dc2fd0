import type {
  CitationStyle,
  DocumentId,
  DocumentSortKey,
  QuoteId,
  QuotePlacement,
  QuoteSelection,
} from '@shared/contract'
import { type DocumentSelection, NO_SELECTION } from './document-selection'
import { createStore, useStore } from './store'

/** What the main pane shows. */
export type View =
  | { kind: 'library' }
  | { kind: 'search' }
  | {
      kind: 'reader'
      documentId: DocumentId
      /** A passage to scroll to and flash (a quote or a search hit); `nonce` makes a repeat jump re-run. */
      target: { start: number; end: number; nonce: number } | null
    }
  | { kind: 'compare'; quoteIds: QuoteId[]; setId: number | null }

export type LibraryFilter = {
  tag: string | null
  source: string | null
  after: string
  before: string
  sort: DocumentSortKey
  order: 'asc' | 'desc'
}

export type QuoteFilter = {
  tag: string | null
  documentId: DocumentId | null
  placement: QuotePlacement | null
}

export type Toast = {
  id: number
  message: string
  tone: 'info' | 'error'
  action?: { label: string; run: () => void | Promise<void> }
}

/** An undoable step of this session (deleting documents or quotes). */
export type UndoEntry = { label: string; undo: () => Promise<void> }

/** A passage a search hit matched: where its matched words sit in the document's text. */
/** `pageLabel`: the page's printed label ("xii"), shown instead of `page` when the PDF has one. */
export type HitPassage = {
  start: number
  end: number
  page: number | null
  pageLabel: string | null
}

/** `phrase`: the find bar's text is one phrase; `any`: any of its words (see features/reader/find-query.ts). */
export type FindMode = 'phrase' | 'any'

export type ExportRequest = { selection: QuoteSelection; title: string }

/** UI state: selections, filters, what is open. Server data stays in the query cache. */
export type AppState = {
  view: View
  /** Where Escape / "Back" returns to from the reader or compare view. */
  returnTo: View
  query: string
  libraryFilter: LibraryFilter
  /** Documents chosen in the library (some, or all matching the filters). */
  selectedDocuments: DocumentSelection
  selectedQuotes: readonly QuoteId[]
  quoteFilter: QuoteFilter
  exportRequest: ExportRequest | null
  toasts: Toast[]
  undoStack: UndoEntry[]
  readerFontSize: number
  /** The style last chosen in the export dialog; "Copy with citation" uses it too. */
  citationStyle: CitationStyle
  findOpen: boolean
  /** What the find bar starts with (the search words when a document is opened from results). */
  findInitial: string
  /** How the find bar starts: the typed text as a phrase, or any of its words (a search hit's words). */
  findInitialMode: FindMode
  /** The passages of the search hit the reader was opened from (text offsets), one keystroke apart. */
  hitPassages: readonly HitPassage[]
  metadataOpen: boolean
  preferencesOpen: boolean
  /** Bumped to ask the search box to take focus. */
  focusSearchNonce: number
  /** The "go to anything" palette: everything, or commands only. */
  palette: 'all' | 'commands' | null
  /** Narrow windows (< 1200 px) show the side panels as overlays, one at a time. */
  sidebarOpen: boolean
  quotesPanelOpen: boolean
  /** Keyboard selection in the reader (F7): arrows move a caret, Shift extends, S/P select a sentence/paragraph. */
  caretMode: boolean
  /** Bumped by the "Save quote" command; the reader answers with the current selection. */
  saveQuoteNonce: number
}

const FONT_SIZE_KEY = 'lectern.readerFontSize'

function storedFontSize(): number {
  const value = Number(localStorage.getItem(FONT_SIZE_KEY))
  return Number.isFinite(value) && value >= 12 && value <= 32 ? value : 19
}

const CITATION_STYLE_KEY = 'lectern.citationStyle'
const CITATION_STYLES: readonly CitationStyle[] = [
  'apa',
  'mla',
  'chicago-author-date',
  'chicago-note',
  'harvard',
  'ieee',
  'vancouver',
]

function storedCitationStyle(): CitationStyle {
  const value = localStorage.getItem(CITATION_STYLE_KEY)
  return CITATION_STYLES.find((style) => style === value) ?? 'apa'
}

export const appStore = createStore<AppState>({
  view: { kind: 'library' },
  returnTo: { kind: 'library' },
  query: '',
  libraryFilter: {
    tag: null,
    source: null,
    after: '',
    before: '',
    sort: 'importedAt',
    order: 'desc',
  },
  selectedDocuments: NO_SELECTION,
  selectedQuotes: [],
  quoteFilter: { tag: null, documentId: null, placement: null },
  exportRequest: null,
  toasts: [],
  undoStack: [],
  readerFontSize: storedFontSize(),
  citationStyle: storedCitationStyle(),
  findOpen: false,
  findInitial: '',
  findInitialMode: 'phrase',
  hitPassages: [],
  metadataOpen: false,
  preferencesOpen: false,
  focusSearchNonce: 0,
  palette: null,
  sidebarOpen: false,
  quotesPanelOpen: false,
  caretMode: false,
  saveQuoteNonce: 0,
})

/** Read a slice of the app state. */
export function useAppState<T>(select: (state: AppState) => T): T {
  return useStore(appStore, select)
}

let nonce = 0

/** Show a view, remembering the library/search view to return to. */
export function showView(view: View): void {
  appStore.set((state) => ({
    view,
    returnTo:
      state.view.kind === 'library' || state.view.kind === 'search' ? state.view : state.returnTo,
    findOpen: view.kind === 'reader' ? state.findOpen : false,
  }))
}

/**
 * Open a document in the reader, optionally at a passage, with the find bar showing `find`'s matches (from the
 * target onwards) and a search hit's passages to step through.
 */
export function openDocument(
  documentId: DocumentId,
  target?: { start: number; end: number } | null,
  find?: { text: string; mode: FindMode; passages?: readonly HitPassage[] },
): void {
  showView({
    kind: 'reader',
    documentId,
    target: target ? { ...target, nonce: ++nonce } : null,
  })
  appStore.set({
    findOpen: Boolean(find?.text),
    findInitial: find?.text ?? '',
    findInitialMode: find?.mode ?? 'phrase',
    hitPassages: find?.passages ?? [],
  })
}

/** Scroll the open reader to a passage and flash it (a hit's next passage, an outline entry, a quote). */
export function goToPassage(start: number, end: number): void {
  appStore.set((state) =>
    state.view.kind === 'reader'
      ? { view: { ...state.view, target: { start, end, nonce: ++nonce } } }
      : {},
  )
}

/** Leave the reader or compare view. */
export function goBack(): void {
  const { returnTo, query } = appStore.get()
  appStore.set({
    view: returnTo.kind === 'search' && !query ? { kind: 'library' } : returnTo,
    findOpen: false,
  })
}

/** Put the query in the search box and show results. */
export function setQuery(query: string): void {
  appStore.set((state) => ({
    query,
    view: query.trim()
      ? { kind: 'search' }
      : state.view.kind === 'search'
        ? { kind: 'library' }
        : state.view,
  }))
}

let toastId = 0

/** Show a short message; errors stay until dismissed, others fade after a few seconds. */
export function toast(message: string, options: Omit<Partial<Toast>, 'id' | 'message'> = {}): void {
  const id = ++toastId
  appStore.set((state) => ({
    toasts: [...state.toasts.slice(-3), { id, message, tone: options.tone ?? 'info', ...options }],
  }))
  if ((options.tone ?? 'info') === 'info') {
    setTimeout(() => dismissToast(id), options.action ? 10_000 : 5_000)
  }
}

export function dismissToast(id: number): void {
  appStore.set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) }))
}

/** Remember an undoable step and offer it in a toast. */
export function pushUndo(entry: UndoEntry, message: string): void {
  appStore.set((state) => ({ undoStack: [...state.undoStack, entry] }))
  toast(message, { action: { label: 'Undo', run: () => undoLast(entry) } })
}

/** Undo the given step (or the newest one). */
export async function undoLast(entry?: UndoEntry): Promise<void> {
  const stack = appStore.get().undoStack
  const target = entry ?? stack[stack.length - 1]
  if (!target || !stack.includes(target)) return
  appStore.set({ undoStack: stack.filter((e) => e !== target) })
  try {
    await target.undo()
    toast(`Undone: ${target.label}`)
  } catch (error) {
    toast(error instanceof Error ? error.message : 'Could not undo.', { tone: 'error' })
  }
}

export function setReaderFontSize(size: number): void {
  const clamped = Math.min(32, Math.max(12, Math.round(size)))
  localStorage.setItem(FONT_SIZE_KEY, String(clamped))
  appStore.set({ readerFontSize: clamped })
}

export function setCitationStyle(style: CitationStyle): void {
  localStorage.setItem(CITATION_STYLE_KEY, style)
  appStore.set({ citationStyle: style })
}
