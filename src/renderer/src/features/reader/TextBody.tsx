import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual'
import {
  memo,
  type ReactNode,
  type Ref,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import {
  type InlinePageMark,
  PAGE_MARK_CLASS,
  PAGE_MARK_LABEL,
  type PageMarks,
  placePageMarks,
} from './page-marks'
import { PARAGRAPH_ATTRIBUTE } from './paragraph-map'
import type { Paragraph } from './paragraphs'

/** Documents with more paragraphs than this are windowed: only the paragraphs near the view are in the DOM. */
export const WINDOW_THRESHOLD = 2000

/** Scroll a windowed body so the paragraph holding a text offset is rendered (and roughly centred). */
export type RevealOffset = (offset: number) => void

type TextBodyProps = {
  paragraphs: readonly Paragraph[]
  /** Paged documents: the label of the page starting at a paragraph's offset, shown above it (not text). */
  pageLabels?: ReadonlyMap<number, string>
  /** Receives the element whose children are the paragraphs (what the paragraph map reads). */
  ref?: Ref<HTMLDivElement>
  fontSize: number
  /** The scrolling element around the body (windowed bodies listen to it). */
  scrollRef: RefObject<HTMLDivElement | null>
  /** Called after the set of rendered paragraphs changed (highlights are painted again). */
  onRendered?: () => void
  /** Filled with the windowed body's reveal function. */
  revealRef?: RefObject<RevealOffset | null>
  /**
   * Show the text's own line breaks and indentation (a plain-text file: its lines are what it prints, code samples
   * and underlined headings included), instead of flowing each paragraph.
   */
  keepLines?: boolean
}

/**
 * A document without structured HTML, shown as paragraphs of React text (never HTML). Each paragraph is one text
 * node holding an exact slice of the document's text, so selections map back to offsets exactly. Long documents
 * are windowed (see `WINDOW_THRESHOLD`).
 */
export const TextBody = memo(function TextBody(props: TextBodyProps): ReactNode {
  const { paragraphs, ref, pageLabels } = props
  const marks = useMemo(() => placePageMarks(paragraphs, pageLabels), [paragraphs, pageLabels])
  if (paragraphs.length === 0) {
    return (
      <article className={bodyClass(props.keepLines)}>
        <div ref={ref}>
          <p className="muted">This document has no text.</p>
        </div>
      </article>
    )
  }
  if (paragraphs.length > WINDOW_THRESHOLD) return <WindowedParagraphs {...props} marks={marks} />
  return (
    <article className={bodyClass(props.keepLines)}>
      <div ref={ref}>
        {paragraphs.map((paragraph, index) => (
          <p key={paragraph.start} data-p={index} data-page-start={marks.above.get(index)}>
            <ParagraphText text={paragraph.text} marks={marks.inside.get(index)} />
          </p>
        ))}
      </div>
    </article>
  )
})

/**
 * A paragraph's text, exactly: one text node, or, where a page begins inside it, text nodes around an empty mark
 * whose label is CSS-generated, so selections, copies and quotes hold the document's text and nothing else
 * (paragraph-map.ts counts the text nodes only).
 */
function ParagraphText({
  text,
  marks,
}: {
  text: string
  marks: readonly InlinePageMark[] | undefined
}): ReactNode {
  if (!marks) return text
  const parts: ReactNode[] = []
  let from = 0
  for (const mark of marks) {
    parts.push(text.slice(from, mark.at))
    parts.push(
      <span key={mark.at} className={PAGE_MARK_CLASS} {...{ [PAGE_MARK_LABEL]: mark.label }} />,
    )
    from = mark.at
  }
  parts.push(text.slice(from))
  return parts
}

function bodyClass(keepLines: boolean | undefined): string {
  return keepLines ? 'text-body text-lines' : 'text-body'
}

/** Paragraph height before it is measured: its length in lines at this font size and column width, plus the gap. */
function estimateHeight(length: number, fontSize: number, width: number): number {
  const charactersPerLine = Math.max(20, width / (fontSize * 0.47))
  const lines = Math.max(1, Math.ceil(length / charactersPerLine))
  return lines * fontSize * 1.6 + fontSize
}

/** The paragraph holding `offset` (or the last one starting before it). */
function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0
  let high = paragraphs.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((paragraphs[middle] as Paragraph).start <= offset) low = middle
    else high = middle - 1
  }
  return low
}

/** The indices of the paragraphs holding the ends of the page's selection inside `root`. */
function selectionParagraphs(root: HTMLElement | null): number[] {
  const selection = document.getSelection()
  if (!root || !selection || selection.rangeCount === 0) return []
  const indices = new Set<number>()
  for (const node of [selection.anchorNode, selection.focusNode]) {
    const element = node instanceof Element ? node : node?.parentElement
    const paragraph = element?.closest(`[${PARAGRAPH_ATTRIBUTE}]`)
    if (paragraph && root.contains(paragraph)) {
      indices.add(Number(paragraph.getAttribute(PARAGRAPH_ATTRIBUTE)))
    }
  }
  return [...indices].sort((a, b) => a - b)
}

/**
 * A long document, windowed: the paragraphs are absolutely placed in a box as tall as the whole text, and only those
 * near the view (plus the ones holding the ends of a selection, so it survives scrolling) are rendered. Heights are
 * estimated from paragraph lengths and corrected as paragraphs are measured.
 */
function WindowedParagraphs({
  paragraphs,
  marks,
  ref,
  fontSize,
  scrollRef,
  onRendered,
  revealRef,
  keepLines,
}: TextBodyProps & { marks: PageMarks }): ReactNode {
  const windowRef = useRef<HTMLDivElement | null>(null)
  const [margin, setMargin] = useState(0)
  const [width, setWidth] = useState(600)
  const [pinned, setPinned] = useState<number[]>([])

  const setWindow = useCallback(
    (element: HTMLDivElement | null) => {
      windowRef.current = element
      if (typeof ref === 'function') ref(element)
      else if (ref) ref.current = element
    },
    [ref],
  )

  // Where the paragraph box starts inside the scrolling element, and how wide it is (for the estimates).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the padding above the box is in em of the font size
  useLayoutEffect(() => {
    const box = windowRef.current
    const scroller = scrollRef.current
    if (!box || !scroller) return
    setMargin(
      box.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop,
    )
    setWidth(box.clientWidth || 600)
  }, [fontSize, scrollRef])

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indices = defaultRangeExtractor(range)
      const extra = pinned.filter((index) => index < range.count && !indices.includes(index))
      return extra.length === 0 ? indices : [...indices, ...extra].sort((a, b) => a - b)
    },
    [pinned],
  )

  const virtualizer = useVirtualizer({
    count: paragraphs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => estimateHeight(paragraphs[index]?.text.length ?? 0, fontSize, width),
    overscan: 8,
    scrollMargin: margin,
    rangeExtractor,
  })

  // New font size or width: every measured height is stale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure when the layout inputs change
  useEffect(() => {
    virtualizer.measure()
  }, [fontSize, width, virtualizer])

  // Keep the paragraphs holding the selection's ends mounted while it exists.
  useEffect(() => {
    const onChange = (): void => {
      const next = selectionParagraphs(windowRef.current)
      setPinned((current) => (current.join() === next.join() ? current : next))
    }
    document.addEventListener('selectionchange', onChange)
    return () => document.removeEventListener('selectionchange', onChange)
  }, [])

  useEffect(() => {
    if (!revealRef) return
    revealRef.current = (offset) =>
      virtualizer.scrollToIndex(paragraphIndexAt(paragraphs, offset), { align: 'center' })
    return () => {
      revealRef.current = null
    }
  }, [revealRef, virtualizer, paragraphs])

  const items = virtualizer.getVirtualItems()
  const renderedKey = items.map((item) => item.index).join()
  const renderedRef = useRef(onRendered)
  renderedRef.current = onRendered
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the rendered paragraphs change
  useLayoutEffect(() => {
    renderedRef.current?.()
  }, [renderedKey])

  return (
    <article className={bodyClass(keepLines)}>
      <div ref={setWindow} className="text-window" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const paragraph = paragraphs[item.index] as Paragraph
          return (
            <p
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-p={item.index}
              data-page-start={marks.above.get(item.index)}
              style={{ transform: `translateY(${item.start - margin}px)` }}
            >
              <ParagraphText text={paragraph.text} marks={marks.inside.get(item.index)} />
            </p>
          )
        })}
      </div>
    </article>
  )
}
