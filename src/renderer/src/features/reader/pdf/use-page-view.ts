import type { DocumentDetail, DocumentId, PageInfo } from '@shared/contract'
import { useCallback, useState } from 'react'
import { useApiQuery } from '../../../api/use-api-query'
import { getShell } from '../../../platform/shell'
import { preloadPdf } from './pdf-preload'

/** The page view's code, loaded when a document is first shown as pages (pdf.js is large). */
export const loadPdfView = () => import('./PdfView')

export type ReaderMode = 'pages' | 'text'

const MODE_KEY = 'lectern.readerMode.'

function storedMode(documentId: number): ReaderMode {
  try {
    return localStorage.getItem(MODE_KEY + documentId) === 'text' ? 'text' : 'pages'
  } catch {
    return 'pages'
  }
}

export type PageView = {
  /** The document can be shown as pages: a PDF whose original is in the library, with a page table. */
  available: boolean
  /** What the reader shows: the user's last choice for this document (pages by default). */
  mode: ReaderMode
  setMode: (mode: ReaderMode) => void
  pages: readonly PageInfo[]
  originalUrl: string
  /** Why the page view could not be shown (the text view is then shown instead). */
  failure: string | null
  fail: (reason: string) => void
}

/** Whether and how the reader shows a document's printed pages; the choice is remembered per document. */
export function usePageView(id: DocumentId, detail: DocumentDetail | undefined): PageView {
  const isPdf = detail?.format === 'pdf'
  const original = useApiQuery('documents.original', isPdf ? { id } : null)
  const pageTable = useApiQuery('documents.pages', isPdf ? { id } : null)
  const [mode, setModeState] = useState<ReaderMode>(() => storedMode(id))
  const [failure, setFailure] = useState<string | null>(null)
  const setMode = useCallback(
    (next: ReaderMode) => {
      setModeState(next)
      if (next === 'pages') setFailure(null)
      try {
        localStorage.setItem(MODE_KEY + id, next)
      } catch {
        // Private mode: the choice lasts for this session only.
      }
    },
    [id],
  )
  const pages = pageTable.data?.pages ?? null
  const stored = original.data?.status === 'stored'
  const available = isPdf && stored && pages !== null && pages.length > 0
  const originalUrl = isPdf ? getShell().originalUrl(id) : ''
  const wantPages = isPdf && mode === 'pages' && failure === null
  // The pages will be shown: start pdf.js's worker and the page view's code now, and the original's bytes as soon as
  // it is known to be stored, all alongside the reader's other requests instead of after them. Called while
  // rendering, not in an effect: the page view's own effect (a child's) would run first and fetch the bytes itself
  // after its code is compiled. Idempotent: a second call for the same document does nothing.
  if (wantPages) preloadPdf(available ? originalUrl : null, loadPdfView)
  return {
    available,
    mode,
    setMode,
    pages: pages ?? [],
    originalUrl,
    failure:
      failure ??
      (isPdf && original.data && !stored
        ? original.data.status === 'none'
          ? null
          : `the original file is ${original.data.status}`
        : null),
    fail: setFailure,
  }
}
