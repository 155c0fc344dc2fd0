import { sourceBesideAuthors } from '@shared/byline'
import type { DocumentId, DocumentMetadata, OutlineEntry, QuoteColor } from '@shared/contract'
import {
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { errorMessage, mutate, useApiQuery } from '../../api/use-api-query'
import { ErrorNotice } from '../../components/ErrorNotice'
import { formatAuthors, formatPartialDate, plural } from '../../components/format'
import { TagChip } from '../../components/TagChip'
import { useQuoteColors } from '../../components/use-quote-colors'
import {
  appStore,
  goBack,
  goToPassage,
  setReaderFontSize,
  toast,
  useAppState,
} from '../../state/app-state'
import { DocumentSurface, type FindState, type TextSelection } from './DocumentSurface'
import { FindBar } from './FindBar'
import { MetadataPanel } from './MetadataPanel'
import { OutlinePanel } from './OutlinePanel'
import { loadPdfView, usePageView } from './pdf/use-page-view'
import { SaveQuoteDialog } from './SaveQuoteDialog'
import { useFreshSelection } from './use-fresh-selection'

// pdf.js is large: loaded when a document is first shown as pages, not at start-up.
const PdfView = lazy(() => loadPdfView().then((module) => ({ default: module.PdfView })))

type ReaderViewProps = {
  documentId: DocumentId
  target: { start: number; end: number; nonce: number } | null
}

/** The reader: one document in readable typography, its quotes highlighted, with quoting, find and details. */
export function ReaderView({ documentId, target }: ReaderViewProps): ReactNode {
  const opened = useApiQuery('documents.get', { id: documentId })
  const quotes = useApiQuery('quotes.list', { documentId, limit: 5000 })
  const tags = useApiQuery('tags.list', {})
  const colors = useQuoteColors()
  const fontSize = useAppState((state) => state.readerFontSize)
  const findOpen = useAppState((state) => state.findOpen)
  const findInitial = useAppState((state) => state.findInitial)
  const findInitialMode = useAppState((state) => state.findInitialMode)
  const hitPassages = useAppState((state) => state.hitPassages)
  const metadataOpen = useAppState((state) => state.metadataOpen)

  const [selection, setSelection] = useState<TextSelection | null>(null)
  const [pending, setPending] = useState<TextSelection | null>(null)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [find, setFind] = useState<FindState | null>(null)
  const [metaSaving, setMetaSaving] = useState(false)
  const [metaError, setMetaError] = useState<string | null>(null)
  const outline = useApiQuery('documents.outline', { id: documentId })
  const [outlineOpen, setOutlineOpen] = useState(false)

  const onSelection = useCallback((next: TextSelection | null) => setSelection(next), [])
  useFreshSelection(documentId)

  // "Save quote" from the keyboard (Ctrl+S, or Enter in caret mode): the same dialog the button opens. A selection
  // made by the keyboard reaches us a frame later, so a request waits briefly for it.
  const saveQuoteNonce = useAppState((state) => state.saveQuoteNonce)
  const seenNonce = useRef(saveQuoteNonce)
  const wanted = useRef(false)
  useEffect(() => {
    if (saveQuoteNonce !== seenNonce.current) {
      seenNonce.current = saveQuoteNonce
      wanted.current = true
    }
    if (!wanted.current) return
    if (selection) {
      wanted.current = false
      setSaveError(null)
      setPending(selection)
      return
    }
    const timer = setTimeout(() => {
      if (!wanted.current) return
      wanted.current = false
      toast(
        'Select a passage first: press F7 for caret mode, then S for a sentence or P for a paragraph.',
      )
    }, 400)
    return () => clearTimeout(timer)
  }, [saveQuoteNonce, selection])

  const saveQuote = async (choice: {
    color: QuoteColor
    tags: string[]
    note: string
  }): Promise<void> => {
    if (!pending) return
    setSaving(true)
    setSaveError(null)
    try {
      await mutate('quotes.create', {
        documentId,
        text: pending.exact,
        start: pending.start,
        end: pending.end,
        ...(pending.rects && pending.rects.length > 0 ? { rects: pending.rects } : {}),
        color: choice.color,
        tags: choice.tags,
        note: choice.note,
      })
      setPending(null)
      setSelection(null)
      toast('Quote saved.')
    } catch (error) {
      setSaveError(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  const saveMetadata = async (patch: Partial<DocumentMetadata>): Promise<void> => {
    setMetaSaving(true)
    setMetaError(null)
    try {
      await mutate('documents.update', { id: documentId, patch })
      appStore.set({ metadataOpen: false })
      toast('Details saved.')
    } catch (error) {
      setMetaError(errorMessage(error))
    } finally {
      setMetaSaving(false)
    }
  }

  const detail = opened.data
  const pageView = usePageView(documentId, detail)
  const showPages = pageView.available && pageView.mode === 'pages' && !pageView.failure
  const outlineEntries = outline.data?.entries ?? []
  // Printed page labels above each page's first paragraph in the text view.
  const pageLabels = useMemo(
    () => new Map(pageView.pages.map((page) => [page.start, page.label ?? String(page.page)])),
    [pageView.pages],
  )
  const goToEntry = (entry: OutlineEntry): void => {
    const text = detail?.text ?? ''
    const page = entry.page !== null ? pageView.pages[entry.page - 1] : undefined
    const start = entry.offset ?? page?.start
    if (start === undefined) return
    // The entry's words when they are there (they flash), else the first word of the page.
    const end = text.startsWith(entry.title, start)
      ? start + entry.title.length
      : Math.min(text.length, start + Math.max(1, text.slice(start).search(/\s|$/)))
    goToPassage(start, Math.max(start + 1, end))
  }
  return (
    <section className="reader" aria-label="Reader">
      <header className="reader-header">
        <button type="button" className="back-button" onClick={goBack}>
          ← Back
        </button>
        <div className="reader-heading">
          <h1 title={detail?.title}>{detail?.title ?? (opened.isLoading ? 'Opening…' : '')}</h1>
          {detail && (
            <p className="byline">
              {[
                formatAuthors(detail.authors),
                sourceBesideAuthors(detail.source, detail.authors),
                formatPartialDate(detail.publishedAt),
                plural(detail.wordCount, 'word'),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          )}
          {detail && detail.tags.length > 0 && (
            <div className="tag-list">
              {detail.tags.map((tag) => (
                <TagChip key={tag.id} name={tag.name} color={tag.color} />
              ))}
            </div>
          )}
        </div>
        <div className="reader-tools" role="toolbar" aria-label="Reading tools">
          <button
            type="button"
            aria-label="Smaller text"
            title="Smaller text (Ctrl+−)"
            className="font-button font-smaller"
            onClick={() => setReaderFontSize(fontSize - 1)}
          />
          <button
            type="button"
            aria-label="Larger text"
            title="Larger text (Ctrl+=)"
            className="font-button font-larger"
            onClick={() => setReaderFontSize(fontSize + 1)}
          />
          {pageView.available && (
            <button
              type="button"
              title={showPages ? 'Show the extracted text' : 'Show the printed pages'}
              onClick={() => {
                setSelection(null)
                pageView.setMode(showPages ? 'text' : 'pages')
              }}
            >
              {showPages ? 'Text view' : 'Page view'}
            </button>
          )}
          {outlineEntries.length > 0 && (
            <button
              type="button"
              aria-pressed={outlineOpen}
              onClick={() => setOutlineOpen(!outlineOpen)}
            >
              Outline
            </button>
          )}
          <button
            type="button"
            aria-pressed={findOpen}
            title="Find in document (Ctrl+F)"
            onClick={() =>
              appStore.set({
                findOpen: !findOpen,
                findInitial: '',
                findInitialMode: 'phrase',
                hitPassages: [],
              })
            }
          >
            Find
          </button>
          <button
            type="button"
            aria-pressed={metadataOpen}
            onClick={() => appStore.set({ metadataOpen: !metadataOpen })}
            disabled={!detail}
          >
            Details
          </button>
        </div>
      </header>
      {findOpen && (
        <FindBar
          key={`${documentId}:${findInitial}:${hitPassages[0]?.start ?? ''}`}
          documentId={documentId}
          initialQuery={findInitial}
          initialMode={findInitialMode}
          passages={hitPassages}
          onChange={setFind}
          onClose={() => appStore.set({ findOpen: false })}
        />
      )}
      {pageView.failure && (
        <p className="reader-warning" role="status">
          Showing the text: the pages could not be shown ({pageView.failure}).
        </p>
      )}
      {detail?.warnings && detail.warnings.length > 0 && (
        <p className="reader-warning">{detail.warnings.join(' ')}</p>
      )}
      <div className="reader-body">
        {outlineOpen && outlineEntries.length > 0 && (
          <OutlinePanel
            entries={outlineEntries}
            onGo={goToEntry}
            onClose={() => setOutlineOpen(false)}
          />
        )}
        {opened.error && !detail ? (
          <ErrorNotice error={opened.error} onRetry={opened.refetch} />
        ) : detail && showPages ? (
          <Suspense fallback={<p className="loading">Opening the pages…</p>}>
            <PdfView
              key={detail.updatedAt}
              detail={detail}
              pages={pageView.pages}
              originalUrl={pageView.originalUrl}
              quotes={quotes.data?.quotes ?? []}
              find={findOpen ? find : null}
              target={target}
              onSelection={onSelection}
              onFailure={pageView.fail}
            />
          </Suspense>
        ) : detail ? (
          <DocumentSurface
            detail={detail}
            pageLabels={pageLabels}
            fontSize={fontSize}
            quotes={quotes.data?.quotes ?? []}
            find={findOpen ? find : null}
            target={target}
            onSelection={onSelection}
          />
        ) : (
          <p className="loading">Opening the document…</p>
        )}
        {metadataOpen && detail && (
          <MetadataPanel
            key={detail.updatedAt}
            detail={detail}
            saving={metaSaving}
            error={metaError}
            onSave={(patch) => void saveMetadata(patch)}
            onClose={() => appStore.set({ metadataOpen: false })}
          />
        )}
      </div>
      {selection && !pending && (
        <div
          className="selection-action"
          style={{
            // Above the selection, or below it when it starts at the top edge; always inside the window.
            top: Math.min(
              window.innerHeight - 48,
              selection.rect.top >= 110 ? selection.rect.top - 44 : selection.rect.bottom + 8,
            ),
            left: Math.min(
              window.innerWidth - 130,
              Math.max(8, (selection.rect.left + selection.rect.right) / 2 - 60),
            ),
          }}
        >
          <button
            type="button"
            className="primary"
            // Keep the selection: a mousedown on a button would otherwise collapse it first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setSaveError(null)
              setPending(selection)
            }}
          >
            Save quote
          </button>
        </div>
      )}
      {pending && (
        <SaveQuoteDialog
          exact={pending.exact}
          colors={colors}
          tagNames={(tags.data ?? []).map((tag) => tag.name)}
          saving={saving}
          error={saveError}
          onSave={(choice) => void saveQuote(choice)}
          onCancel={() => setPending(null)}
        />
      )}
    </section>
  )
}
