import type { DocumentDetail, PageRect, Quote, QuoteColor } from '@shared/contract'
import {
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { clearHighlights, paintHighlight } from '../../components/highlights'
import { getShell } from '../../platform/shell'
import { SafeHtmlFrame } from '../../safe-html'
import { useCaretMode } from './caret/use-caret-mode'
import { buildParagraphMap } from './paragraph-map'
import { splitParagraphs } from './paragraphs'
import { type RevealOffset, TextBody } from './TextBody'
import { buildTextMap, type TextMap } from './text-map'

/** A passage the user selected, in text offsets, with where it sits on screen (viewport pixels). */
export type TextSelection = {
  start: number
  end: number
  exact: string
  rect: { top: number; left: number; bottom: number; right: number }
  /** Selected on a PDF page: where on the page (the quote is drawn with these). */
  rects?: PageRect[]
}

export type FindState = { matches: { start: number; end: number }[]; current: number }

type Surface = {
  target: Document
  root: HTMLElement
  map: TextMap
  frame: HTMLIFrameElement | null
  /** Windowed text only: scroll so the paragraph holding an offset is rendered. */
  reveal: RevealOffset | null
}

/** A passage waiting to be scrolled into view once it is rendered; `tries` bounds the waiting. */
type PendingReveal = { start: number; end: number; flash: boolean; tries: number }

type DocumentSurfaceProps = {
  detail: DocumentDetail
  /** Paged documents: the printed label of the page starting at each text offset (shown in the text). */
  pageLabels?: ReadonlyMap<number, string>
  fontSize: number
  quotes: Quote[]
  find: FindState | null
  target: { start: number; end: number; nonce: number } | null
  onSelection: (selection: TextSelection | null) => void
}

const COLORS: QuoteColor[] = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange']
const HIGHLIGHT_NAMES = [
  ...COLORS.map((color) => `quote-${color}`),
  'find-match',
  'find-current',
  'flash',
]

/**
 * The document itself: sanitized HTML in the isolated frame, or plain text as paragraphs. Quotes and find matches
 * are painted over it, selections are turned into text offsets, and targets are scrolled into view.
 */
export function DocumentSurface({
  detail,
  pageLabels,
  fontSize,
  quotes,
  find,
  target,
  onSelection,
}: DocumentSurfaceProps): ReactNode {
  const scrollRef = useRef<HTMLDivElement>(null)
  const textRef = useRef<HTMLDivElement>(null)
  const revealRef = useRef<RevealOffset | null>(null)
  const [surface, setSurface] = useState<Surface | null>(null)
  // Bumped when a windowed body mounts other paragraphs: highlights are painted again and pending jumps retried.
  const [rendered, setRendered] = useState(0)
  const onRendered = useCallback(() => setRendered((count) => count + 1), [])
  const { text, html } = detail
  // Figures of EPUB/DOCX books come from the stored original, through our own file route.
  const documentId = detail.id
  const partUrl = useCallback(
    (path: string) => getShell().originalUrl(documentId, path),
    [documentId],
  )
  const paragraphs = useMemo(() => (html === null ? splitParagraphs(text) : []), [html, text])

  // Plain text: the paragraphs are ours, each an exact slice of the text; map them once they are in the DOM.
  useLayoutEffect(() => {
    if (html !== null || !textRef.current) return
    const root = textRef.current
    setSurface({
      target: document,
      root,
      map: buildParagraphMap(root, paragraphs),
      frame: null,
      reveal: (offset) => revealRef.current?.(offset),
    })
    return () => {
      clearHighlights(document, HIGHLIGHT_NAMES)
      setSurface(null)
    }
  }, [html, paragraphs])

  const onFrameReady = useCallback(
    (frameDocument: Document | null) => {
      if (!frameDocument) {
        setSurface(null)
        return
      }
      const frame = scrollRef.current?.querySelector('iframe') ?? null
      const root = frameDocument.body
      setSurface({
        target: frameDocument,
        root,
        map: buildTextMap(root, text),
        frame,
        reveal: null,
      })
    },
    [text],
  )

  // Selections → text offsets.
  const selectionRef = useRef(onSelection)
  selectionRef.current = onSelection
  useEffect(() => {
    if (!surface) return
    let frameRequest = 0
    const read = (): void => {
      frameRequest = 0
      const selection = surface.target.getSelection()
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
        selectionRef.current(null)
        return
      }
      const range = selection.getRangeAt(0)
      if (!surface.root.contains(range.commonAncestorContainer)) {
        selectionRef.current(null)
        return
      }
      const offsets = surface.map.offsetsOf(range)
      if (!offsets) {
        selectionRef.current(null)
        return
      }
      const box = range.getBoundingClientRect()
      const shift = surface.frame?.getBoundingClientRect() ?? { top: 0, left: 0 }
      // A selection scrolled out of sight has no button; it comes back when the passage does.
      const visible = (scrollRef.current ?? surface.root).getBoundingClientRect()
      if (box.bottom + shift.top < visible.top || box.top + shift.top > visible.bottom) {
        selectionRef.current(null)
        return
      }
      selectionRef.current({
        ...offsets,
        exact: text.slice(offsets.start, offsets.end),
        rect: {
          top: box.top + shift.top,
          bottom: box.bottom + shift.top,
          left: box.left + shift.left,
          right: box.right + shift.left,
        },
      })
    }
    const onChange = (): void => {
      if (!frameRequest) frameRequest = requestAnimationFrame(read)
    }
    surface.target.addEventListener('selectionchange', onChange)
    // Scrolling moves the selection on screen: the "Save quote" button follows it.
    const scroller: EventTarget | null = surface.frame
      ? surface.target.defaultView
      : scrollRef.current
    scroller?.addEventListener('scroll', onChange, { passive: true })
    return () => {
      surface.target.removeEventListener('selectionchange', onChange)
      scroller?.removeEventListener('scroll', onChange)
      if (frameRequest) cancelAnimationFrame(frameRequest)
    }
  }, [surface, text])

  useCaretMode(
    surface,
    text,
    detail.language,
    scrollRef,
    find?.matches[find.current]?.start ?? null,
  )

  // Quote highlights, one named highlight per colour (again whenever other paragraphs are rendered).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `rendered` changes which ranges exist
  useEffect(() => {
    if (!surface) return
    for (const color of COLORS) {
      const ranges: Range[] = []
      for (const quote of quotes) {
        if (quote.color !== color || quote.start === null || quote.end === null) continue
        const range = surface.map.rangeOf(quote.start, quote.end)
        if (range) ranges.push(range)
      }
      paintHighlight(surface.target, `quote-${color}`, ranges)
    }
  }, [surface, quotes, rendered])

  // Find matches.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `rendered` changes which ranges exist
  useEffect(() => {
    if (!surface) return
    const matches = find?.matches ?? []
    const ranges = matches.flatMap((match) => {
      const range = surface.map.rangeOf(match.start, match.end)
      return range ? [range] : []
    })
    paintHighlight(surface.target, 'find-match', ranges)
    const current = find ? matches[find.current] : undefined
    const currentRange = current ? surface.map.rangeOf(current.start, current.end) : null
    paintHighlight(surface.target, 'find-current', currentRange ? [currentRange] : [])
  }, [surface, find, rendered])

  // Passages to bring into view: the current find match, or a jump target (a quote or search hit), which flashes.
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
  // A windowed body may not have the passage's paragraph yet: ask it to render it, then try again when it has.
  // biome-ignore lint/correctness/useExhaustiveDependencies: retried when a target arrives or paragraphs render
  useEffect(() => {
    const wanted = pending.current
    if (!surface || !wanted) return
    const range = surface.map.rangeOf(wanted.start, wanted.end)
    if (!range) {
      if (surface.reveal && wanted.tries < 5) {
        wanted.tries++
        surface.reveal(wanted.start)
      } else {
        pending.current = null
      }
      return
    }
    pending.current = null
    scrollIntoView(surface, range, scrollRef.current)
    if (!wanted.flash) return
    paintHighlight(surface.target, 'flash', [range])
    clearTimeout(flashTimer.current)
    flashTimer.current = setTimeout(() => paintHighlight(surface.target, 'flash', []), 1600)
  }, [surface, find, target, rendered])

  return (
    <div
      ref={scrollRef}
      className={html === null ? 'document-scroll' : 'document-scroll document-scroll-frame'}
      style={{ fontSize: `${fontSize}px` }}
      // The document's language picks the right glyphs for Han characters (Japanese vs Chinese forms).
      {...(detail.language ? { lang: detail.language } : {})}
      // Plain text scrolls here: focusable, so arrow keys and Page Up/Down read on without a mouse. (The frame
      // of an HTML document is focusable itself.)
      {...(html === null
        ? { tabIndex: 0, role: 'region', 'aria-label': `Text of ${detail.title}` }
        : {})}
    >
      {html === null ? (
        <TextBody
          paragraphs={paragraphs}
          pageLabels={pageLabels}
          ref={textRef}
          fontSize={fontSize}
          scrollRef={scrollRef}
          onRendered={onRendered}
          revealRef={revealRef}
          keepLines={detail.format === 'txt'}
        />
      ) : (
        <SafeHtmlFrame
          html={html}
          language={detail.language}
          title={`Text of ${detail.title}`}
          fontSize={fontSize}
          partUrl={partUrl}
          math={detail.format === 'docx'}
          onReady={onFrameReady}
        />
      )}
    </div>
  )
}

function scrollIntoView(surface: Surface, range: Range, container: HTMLElement | null): void {
  const box = range.getBoundingClientRect()
  if (surface.frame) {
    const view = surface.target.defaultView
    view?.scrollBy({ top: box.top - view.innerHeight / 3 })
    return
  }
  if (!container) return
  const frame = container.getBoundingClientRect()
  container.scrollBy({ top: box.top - frame.top - container.clientHeight / 3 })
}
