import type { PageInfo } from '@shared/contract'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type PDFPageProxy, RenderingCancelledException } from 'pdfjs-dist'
import {
  type KeyboardEvent,
  memo,
  type ReactNode,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react'
import { type PageSource, ScrollRest } from './page-source'

/** Thumbnail width in CSS pixels; heights follow each page's proportions. */
const THUMB_WIDTH = 96
/** Label line under a thumbnail, and the padding around an entry. */
const LABEL_HEIGHT = 18
const ENTRY_PADDING = 14
/**
 * Thumbnails are drawn once the list has rested this long: a fling through the list passes hundreds of entries, and
 * each would otherwise ask pdf.js for its page.
 */
const THUMB_QUIET_MS = 120

type PageListProps = {
  pages: readonly PageInfo[]
  source: PageSource
  /** 1-based page at the top of the view. */
  currentPage: number
  onGoTo: (page: number) => void
}

/** What an entry says: the printed label when the PDF declares one that differs from the page's number. */
export const pageEntryText = (info: PageInfo): string =>
  info.label && info.label !== String(info.page)
    ? `${info.label} (${info.page})`
    : String(info.page)

const thumbHeight = (info: PageInfo | undefined): number =>
  Math.round((THUMB_WIDTH * (info?.height ?? 792)) / (info?.width || 612))

/**
 * The document's pages as thumbnails with their printed labels; an entry jumps to its page. Virtualised (a 2,000-page
 * book mounts only the entries in view) and each thumbnail is drawn only while it stays in view, its drawing
 * cancelled when it scrolls away. One tab stop (roving focus): ↑/↓ move, Home/End to the ends, Enter or a click goes.
 */
export function PageList({ pages, source, currentPage, onGoTo }: PageListProps): ReactNode {
  const scrollRef = useRef<HTMLElement>(null)
  const [focused, setFocused] = useState(currentPage)
  const focusedHere = useRef(false)
  /** An entry to focus once the virtualiser has mounted it. */
  const focusWanted = useRef<number | null>(null)
  const [rest] = useState(() => new ScrollRest(THUMB_QUIET_MS))

  const virtualizer = useVirtualizer({
    count: pages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => thumbHeight(pages[index]) + LABEL_HEIGHT + ENTRY_PADDING,
    overscan: 2,
    paddingStart: 6,
    paddingEnd: 6,
  })

  // Follow the view while the list is not being used; keep the current entry in sight.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the page in view changes
  useEffect(() => {
    if (focusedHere.current) return
    setFocused(currentPage)
    virtualizer.scrollToIndex(currentPage - 1, { align: 'auto' })
  }, [currentPage])

  // After every render: the wanted entry may have been mounted by it.
  useLayoutEffect(() => {
    const wanted = focusWanted.current
    if (wanted === null) return
    const button = scrollRef.current?.querySelector<HTMLElement>(`[data-page="${wanted}"]`)
    if (button) {
      focusWanted.current = null
      button.focus({ preventScroll: true })
    }
  })

  const move = (page: number): void => {
    const clamped = Math.min(pages.length, Math.max(1, page))
    setFocused(clamped)
    focusWanted.current = clamped
    virtualizer.scrollToIndex(clamped - 1, { align: 'auto' })
  }
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>): void => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0
    if (step !== 0) {
      event.preventDefault()
      move(focused + step)
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      move(event.key === 'Home' ? 1 : pages.length)
    }
  }

  const items = virtualizer.getVirtualItems()
  // The list keeps one tab stop even when the focused entry has scrolled out (and so is not mounted).
  const tabStop = items.some((item) => item.index + 1 === focused)
    ? focused
    : (items[0]?.index ?? 0) + 1
  return (
    <nav
      ref={scrollRef}
      className="pdf-page-list"
      aria-label="Page list"
      onScroll={() => rest.noteScroll()}
    >
      <ol
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          focusedHere.current = true
        }}
        onBlur={() => {
          focusedHere.current = false
        }}
      >
        {items.map((item) => {
          const info = pages[item.index] as PageInfo
          return (
            <li
              key={item.key}
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              <button
                type="button"
                data-page={info.page}
                tabIndex={info.page === tabStop ? 0 : -1}
                aria-current={info.page === currentPage ? 'page' : undefined}
                aria-label={
                  info.label && info.label !== String(info.page)
                    ? `Page ${info.label} (${info.page} of ${pages.length})`
                    : `Page ${info.page} of ${pages.length}`
                }
                onClick={() => {
                  setFocused(info.page)
                  onGoTo(info.page)
                }}
              >
                <Thumbnail source={source} rest={rest} info={info} />
                <span className="pdf-thumb-label">{pageEntryText(info)}</span>
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

/** One page drawn small, once the list rests; unmounting cancels the drawing. */
const Thumbnail = memo(function Thumbnail({
  source,
  rest,
  info,
}: {
  source: PageSource
  rest: ScrollRest
  info: PageInfo
}): ReactNode {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    let cancelled = false
    let task: { cancel(): void } | null = null
    let loaded: PDFPageProxy | null = null
    const draw = async (): Promise<void> => {
      const page = await source.getPage(info.page)
      loaded = page
      if (cancelled) return
      const ratio = Math.min(2, window.devicePixelRatio || 1)
      const natural = page.getViewport({ scale: 1 })
      const viewport = page.getViewport({ scale: (THUMB_WIDTH * ratio) / natural.width })
      canvas.width = Math.floor(viewport.width)
      canvas.height = Math.floor(viewport.height)
      const context = canvas.getContext('2d')
      if (!context) return
      const painting = page.render({ canvas, canvasContext: context, viewport })
      task = painting
      await painting.promise
      if (!cancelled) canvas.dataset.painted = 'true'
    }
    const stopWaiting = rest.whenQuiet(() => {
      draw().catch((error: unknown) => {
        // A page that cannot be drawn stays a blank thumbnail; the page view reports failures.
        if (!(error instanceof RenderingCancelledException) && !cancelled) {
          canvas.dataset.failed = 'true'
        }
      })
    })
    return () => {
      cancelled = true
      stopWaiting()
      task?.cancel()
      if (loaded) source.release(loaded)
    }
  }, [source, rest, info.page])
  return (
    <canvas
      ref={canvasRef}
      className="pdf-thumb"
      style={{ width: THUMB_WIDTH, height: thumbHeight(info) }}
    />
  )
})
