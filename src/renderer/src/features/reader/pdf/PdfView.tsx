import type { DocumentDetail, PageInfo, PageRect, Quote, QuoteColor } from '@shared/contract'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { plural } from '../../../components/format'
import { clearHighlights, paintHighlight } from '../../../components/highlights'
import type { FindState, TextSelection } from '../DocumentSurface'
import { PageList } from './PageList'
import { type PageMark, PdfPage } from './PdfPage'
import { PageSource } from './page-source'
import { PageTextMaps } from './page-text-map'
import { failureReason, openPdf, type PDFDocumentProxy } from './pdf-engine'
import { takeOriginal } from './pdf-preload'

const COLORS: QuoteColor[] = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange']
const HIGHLIGHT_NAMES = [
  ...COLORS.map((color) => `quote-${color}`),
  'find-match',
  'find-current',
  'flash',
]
/** Space between pages, and around them, in CSS pixels. */
const GAP = 16
const MIN_SCALE = 0.25
const MAX_SCALE = 5

/** `fit`: as wide as the view; a number: CSS pixels per PDF unit. */
export type PdfZoom = 'fit' | number

type PdfViewProps = {
  detail: DocumentDetail
  pages: readonly PageInfo[]
  originalUrl: string
  quotes: readonly Quote[]
  find: FindState | null
  target: { start: number; end: number; nonce: number } | null
  onSelection: (selection: TextSelection | null) => void
  /** The document could not be shown as pages: the reader falls back to the text view with this one-line reason. */
  onFailure: (reason: string) => void
}

type PendingReveal = { start: number; end: number; flash: boolean; tries: number }

/**
 * A PDF as its printed pages: pdf.js canvas + text layer, only the pages near the view rendered (a 2,000-page book
 * opens at its first page and scrolls without loading the others), with zoom, fit-width, a page number box and
 * keyboard paging. Quotes, find matches and jump targets use the same text offsets as the text view.
 */
export function PdfView({
  detail,
  pages,
  originalUrl,
  quotes,
  find,
  target,
  onSelection,
  onFailure,
}: PdfViewProps): ReactNode {
  const scrollRef = useRef<HTMLElement>(null)
  const viewRef = useRef<HTMLDivElement>(null)
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null)
  const [zoom, setZoom] = useState<PdfZoom>('fit')
  const [viewWidth, setViewWidth] = useState(0)
  const [currentPage, setCurrentPage] = useState(1)
  const [pageBox, setPageBox] = useState(pages[0]?.label ?? '1')
  const [rendered, setRendered] = useState(0)
  const [showPageList, setShowPageList] = useState(false)
  const failRef = useRef(onFailure)
  failRef.current = onFailure

  // Load the original and open it with pdf.js; a failure of any kind sends the reader to the text view.
  useEffect(() => {
    const abort = new AbortController()
    let task: ReturnType<typeof openPdf> | null = null
    takeOriginal(originalUrl, abort.signal)
      .then((bytes) => {
        if (abort.signal.aborted) return
        task = openPdf(bytes)
        return task.promise.then((opened) => {
          if (abort.signal.aborted) return
          if (opened.numPages !== pages.length) {
            // Not the file the text came from (or a damaged one): its pages would not line up with the text.
            throw new Error(
              `the stored file has ${plural(opened.numPages, 'page')}, its text ${pages.length}: it may have been changed`,
            )
          }
          setPdf(opened)
        })
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return
        failRef.current(failureReason(error))
      })
    return () => {
      abort.abort()
      void task?.destroy()
    }
  }, [originalUrl, pages.length])

  const source = useMemo(() => (pdf ? new PageSource(pdf, () => viewRef.current) : null), [pdf])

  // The view's width, for fit-width.
  useLayoutEffect(() => {
    const element = scrollRef.current
    if (!element) return
    const observer = new ResizeObserver(() => setViewWidth(element.clientWidth))
    observer.observe(element)
    setViewWidth(element.clientWidth)
    return () => observer.disconnect()
  }, [])

  const widest = useMemo(() => Math.max(1, ...pages.map((page) => page.width)), [pages])
  const scale =
    zoom === 'fit' ? Math.min(MAX_SCALE, Math.max(MIN_SCALE, (viewWidth - 2 * GAP) / widest)) : zoom

  const maps = useMemo(() => new PageTextMaps(pages, detail.text), [pages, detail.text])

  const virtualizer = useVirtualizer({
    count: pages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (pages[index]?.height ?? 792) * scale + GAP,
    overscan: 1,
    paddingStart: GAP,
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: page heights change with the scale
  useEffect(() => {
    virtualizer.measure()
  }, [scale, virtualizer])

  const onTextLayer = useCallback(
    (page: number, layer: HTMLElement | null, previous: HTMLElement) => {
      if (layer) maps.add(page, layer)
      else maps.remove(page, previous)
      setRendered((count) => count + 1)
    },
    [maps],
  )
  const pageErrors = useRef(0)
  const pagesPainted = useRef(0)
  const onPainted = useCallback(() => {
    pagesPainted.current++
  }, [])
  const onPageError = useCallback(
    (page: number, message: string) => {
      // One bad page is shown blank. When the pages tried all fail (at fit width only two may be mounted, so two
      // failures with none painted), or three fail in all, the file is not showable as pages.
      pageErrors.current++
      if (
        pageErrors.current >= Math.min(3, pages.length) ||
        (pagesPainted.current === 0 && pageErrors.current >= Math.min(2, pages.length))
      ) {
        failRef.current(`page ${page} could not be drawn: ${failureReason(new Error(message))}`)
      }
    },
    [pages.length],
  )

  // Quotes saved on a page are drawn with their own rectangles; the others through the text layer.
  const marksByPage = useMemo(() => {
    const byPage = new Map<number, PageMark[]>()
    for (const quote of quotes) {
      for (const [index, rect] of (quote.rects ?? []).entries()) {
        const list = byPage.get(rect.page) ?? []
        list.push({ key: `${quote.id}:${index}`, color: quote.color, ...rect })
        byPage.set(rect.page, list)
      }
    }
    return byPage
  }, [quotes])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `rendered` changes which ranges exist
  useEffect(() => {
    for (const color of COLORS) {
      const ranges: Range[] = []
      for (const quote of quotes) {
        if (quote.color !== color || quote.start === null || quote.end === null) continue
        if (quote.rects && quote.rects.length > 0) continue
        // Page by page: a quote across a page break is not painted over the running head between its parts.
        ranges.push(...(maps.pageRanges(quote.start, quote.end) ?? []))
      }
      paintHighlight(document, `quote-${color}`, ranges)
    }
  }, [maps, quotes, rendered])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `rendered` changes which ranges exist
  useEffect(() => {
    const matches = find?.matches ?? []
    const ranges = matches.flatMap((match) => maps.pageRanges(match.start, match.end) ?? [])
    paintHighlight(document, 'find-match', ranges)
    const current = find ? matches[find.current] : undefined
    const currentRanges = current ? maps.pageRanges(current.start, current.end) : null
    paintHighlight(document, 'find-current', currentRanges ?? [])
  }, [maps, find, rendered])
  useEffect(() => () => clearHighlights(document, HIGHLIGHT_NAMES), [])

  // Passages to bring into view: the page first (so it renders), then the words on it.
  const pending = useRef<PendingReveal | null>(null)
  useEffect(() => {
    const current = find?.matches[find.current]
    pending.current = current ? { ...current, flash: false, tries: 0 } : pending.current
  }, [find])
  useEffect(() => {
    if (target) pending.current = { start: target.start, end: target.end, flash: true, tries: 0 }
  }, [target])
  const flashTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(flashTimer.current), [])
  // biome-ignore lint/correctness/useExhaustiveDependencies: retried when a target arrives or pages render
  useEffect(() => {
    const wanted = pending.current
    const scroller = scrollRef.current
    if (!wanted || !source || !scroller) return
    const range = maps.rangeOf(wanted.start, wanted.end)
    if (!range) {
      const index = maps.pageAt(wanted.start) - 1
      // Its page is mounted: wait for its text layer (the next `rendered`). Else bring the page in.
      if (virtualizer.getVirtualItems().some((item) => item.index === index)) return
      if (wanted.tries < 5) {
        wanted.tries++
        virtualizer.scrollToIndex(index, { align: 'start' })
      } else {
        pending.current = null
      }
      return
    }
    pending.current = null
    const box = range.getBoundingClientRect()
    const frame = scroller.getBoundingClientRect()
    if (box.top < frame.top + 40 || box.bottom > frame.bottom - 40) {
      scroller.scrollBy({ top: box.top - frame.top - scroller.clientHeight / 3 })
    }
    if (!wanted.flash) return
    paintHighlight(document, 'flash', [range])
    clearTimeout(flashTimer.current)
    flashTimer.current = setTimeout(() => paintHighlight(document, 'flash', []), 1600)
  }, [source, find, target, rendered, maps])

  // Selections on a page → text offsets, plus the rectangles on the page (PDF units) the quote is drawn with.
  const selectionRef = useRef(onSelection)
  selectionRef.current = onSelection
  useEffect(() => {
    let frameRequest = 0
    const read = (): void => {
      frameRequest = 0
      const scroller = scrollRef.current
      const selection = document.getSelection()
      if (!scroller || !selection || selection.isCollapsed || selection.rangeCount === 0) {
        selectionRef.current(null)
        return
      }
      const range = selection.getRangeAt(0)
      if (!scroller.contains(range.commonAncestorContainer)) {
        selectionRef.current(null)
        return
      }
      const offsets = maps.offsetsOf(range)
      const box = range.getBoundingClientRect()
      const visible = scroller.getBoundingClientRect()
      if (!offsets || box.bottom < visible.top || box.top > visible.bottom) {
        selectionRef.current(null)
        return
      }
      selectionRef.current({
        ...offsets,
        exact: detail.text.slice(offsets.start, offsets.end),
        rect: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
        // The marks cover the quote's words page by page, never what the selection passed over between them.
        rects: pageRects(scroller, maps.pageRanges(offsets.start, offsets.end) ?? [range], scale),
      })
    }
    const onChange = (): void => {
      if (!frameRequest) frameRequest = requestAnimationFrame(read)
    }
    document.addEventListener('selectionchange', onChange)
    const scroller = scrollRef.current
    scroller?.addEventListener('scroll', onChange, { passive: true })
    return () => {
      document.removeEventListener('selectionchange', onChange)
      scroller?.removeEventListener('scroll', onChange)
      if (frameRequest) cancelAnimationFrame(frameRequest)
    }
  }, [maps, detail.text, scale])

  // The page number box follows the page at the top third of the view.
  const onScroll = (): void => {
    const scroller = scrollRef.current
    if (!scroller) return
    source?.pagesRest.noteScroll()
    // From the page sizes, not the rendered pages (which lag behind a jump).
    const item = virtualizer.getVirtualItemForOffset(scroller.scrollTop + scroller.clientHeight / 3)
    if (item && item.index + 1 !== currentPage) {
      setCurrentPage(item.index + 1)
      setPageBox(pages[item.index]?.label ?? String(item.index + 1))
    }
  }

  const goToPage = (page: number): void => {
    const clamped = Math.min(pages.length, Math.max(1, page))
    setCurrentPage(clamped)
    setPageBox(pages[clamped - 1]?.label ?? String(clamped))
    virtualizer.scrollToIndex(clamped - 1, { align: 'start' })
  }
  /** A typed page: a printed label ("iv", "17") first, else a physical page number. */
  const submitPageBox = (): void => {
    const typed = pageBox.trim()
    const byLabel = pages.find((page) => page.label !== null && page.label === typed)
    const number = byLabel ? byLabel.page : Number.parseInt(typed, 10)
    if (Number.isFinite(number)) goToPage(number)
    else setPageBox(pages[currentPage - 1]?.label ?? String(currentPage))
  }
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const step =
      event.key === 'PageDown' || event.key === 'ArrowRight' || event.key === 'n'
        ? 1
        : event.key === 'PageUp' || event.key === 'ArrowLeft' || event.key === 'p'
          ? -1
          : 0
    if (step !== 0) {
      event.preventDefault()
      goToPage(currentPage + step)
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      goToPage(event.key === 'Home' ? 1 : pages.length)
    }
  }
  const zoomBy = (factor: number): void =>
    setZoom(Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.round(scale * factor * 100) / 100)))

  const currentInfo = pages[currentPage - 1]
  return (
    <div className="pdf-view" ref={viewRef}>
      <div className="pdf-toolbar" role="toolbar" aria-label="Page tools">
        <label className="pdf-page-box">
          Page
          <input
            type="text"
            inputMode="numeric"
            aria-label="Page number"
            value={pageBox}
            onChange={(event) => setPageBox(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') submitPageBox()
            }}
            onBlur={submitPageBox}
          />
        </label>
        <span className="pdf-page-count">
          {currentInfo?.label && currentInfo.label !== String(currentPage)
            ? `(${currentPage} of ${pages.length})`
            : `of ${pages.length}`}
        </span>
        <button type="button" aria-label="Zoom out" onClick={() => zoomBy(1 / 1.2)}>
          −
        </button>
        <output className="pdf-zoom" aria-label="Zoom">
          {Math.round(scale * 100)}%
        </output>
        <button type="button" aria-label="Zoom in" onClick={() => zoomBy(1.2)}>
          +
        </button>
        <button type="button" aria-pressed={zoom === 'fit'} onClick={() => setZoom('fit')}>
          Fit width
        </button>
        <button
          type="button"
          aria-pressed={showPageList}
          onClick={() => setShowPageList((shown) => !shown)}
        >
          Page list
        </button>
      </div>
      <div className="pdf-body">
        {showPageList && source && (
          <PageList pages={pages} source={source} currentPage={currentPage} onGoTo={goToPage} />
        )}
        <section
          ref={scrollRef}
          className="pdf-pages"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the pages scroll here and page with the keyboard
          tabIndex={0}
          aria-label={`Pages of ${detail.title}`}
          onScroll={onScroll}
          onKeyDown={onKeyDown}
        >
          {!source ? (
            <p className="loading">Opening the pages…</p>
          ) : (
            <div className="pdf-window" style={{ height: virtualizer.getTotalSize() + GAP }}>
              {virtualizer.getVirtualItems().map((item) => {
                const info = pages[item.index] as PageInfo
                return (
                  <div
                    key={item.key}
                    className="pdf-slot"
                    style={{ transform: `translateY(${item.start}px)` }}
                  >
                    <PdfPage
                      source={source}
                      info={info}
                      scale={scale}
                      marks={marksByPage.get(info.page) ?? NO_MARKS}
                      onTextLayer={onTextLayer}
                      onError={onPageError}
                      onPainted={onPainted}
                    />
                  </div>
                )
              })}
            </div>
          )}
        </section>
      </div>
    </div>
  )
}

const NO_MARKS: PageMark[] = []

/** The ranges' line boxes on the pages they cover, in PDF units from each page's top-left. At most 200. */
function pageRects(scroller: HTMLElement, ranges: Range[], scale: number): PageRect[] {
  const pageElements = [...scroller.querySelectorAll<HTMLElement>('.pdf-page')].map((element) => ({
    page: Number(element.dataset.page),
    box: element.getBoundingClientRect(),
  }))
  const rects: PageRect[] = []
  for (const rect of ranges.flatMap((range) => [...range.getClientRects()])) {
    if (rect.width < 1 || rect.height < 1) continue
    const x = rect.left + rect.width / 2
    const y = rect.top + rect.height / 2
    const owner = pageElements.find(
      ({ box }) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom,
    )
    if (!owner) continue
    rects.push({
      page: owner.page,
      x: round((rect.left - owner.box.left) / scale),
      y: round((rect.top - owner.box.top) / scale),
      width: round(rect.width / scale),
      height: round(rect.height / scale),
    })
    if (rects.length >= 200) break
  }
  return rects
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
