/**
 * Caret mode (F7, as in browsers' caret browsing): read and select with the keyboard alone. The caret and the
 * selection live as offsets in the document's plain text (what quotes are made of) and are drawn as a DOM
 * selection through the surface's text map, so the reader's usual "Save quote" path picks them up unchanged.
 *
 * Keys: ←/→ a character (Ctrl: a word), ↑/↓ a line as laid out on screen (Ctrl: a sentence), Home/End the paragraph,
 * Shift extends; S selects the sentence, P the paragraph; Enter or Q saves the selection as a quote; Esc collapses,
 * then leaves caret mode.
 */
import { type RefObject, useEffect, useRef } from 'react'
import { paintHighlight } from '../../../components/highlights'
import { appStore, useAppState } from '../../../state/app-state'
import type { TextMap } from '../text-map'
import {
  charStep,
  nextSentenceStart,
  paragraphAt,
  previousSentenceStart,
  sentenceAt,
  wordBoundary,
} from './text-units'

export type CaretSurface = {
  target: Document
  root: HTMLElement
  map: TextMap
  frame: HTMLIFrameElement | null
  reveal: ((offset: number) => void) | null
}

const CARET_HIGHLIGHT = 'caret'

export function useCaretMode(
  surface: CaretSurface | null,
  text: string,
  language: string | null,
  scrollRef: RefObject<HTMLElement | null>,
  /** Where to start when there is no selection: the current find match. */
  startHint: number | null,
): void {
  const active = useAppState((state) => state.caretMode)
  const position = useRef({ anchor: 0, focus: 0 })
  /** The x a run of ↑/↓ keeps to (as editors do), so a short line on the way does not pull the caret left. */
  const goalX = useRef<number | null>(null)
  const hint = useRef(startHint)
  hint.current = startHint

  // Leaving the reader or the document turns caret mode off.
  useEffect(() => () => appStore.set({ caretMode: false }), [])

  useEffect(() => {
    const scroller = scrollRef.current
    if (!surface || !active) return
    const lang = language ?? undefined
    const draw = (tries = 0): void => {
      const { anchor, focus } = position.current
      const start = Math.min(anchor, focus)
      const end = Math.max(anchor, focus)
      const selection = surface.target.getSelection()
      const range = surface.map.rangeOf(start, start === end ? Math.min(text.length, end + 1) : end)
      if (!range) {
        // A windowed text body may not have rendered that paragraph yet.
        if (surface.reveal && tries < 5) {
          surface.reveal(focus)
          requestAnimationFrame(() => draw(tries + 1))
        }
        return
      }
      if (start === end) {
        selection?.removeAllRanges()
        paintHighlight(surface.target, CARET_HIGHLIGHT, [range])
      } else {
        paintHighlight(surface.target, CARET_HIGHLIGHT, [])
        selection?.removeAllRanges()
        selection?.addRange(range)
      }
      keepInView(surface, range, scroller)
    }

    // Start where the reader is: the current selection, else the find match, else the first text visible.
    const fromSelection = (): number | null => {
      const selection = surface.target.getSelection()
      if (!selection || selection.rangeCount === 0) return null
      const range = selection.getRangeAt(0)
      if (!surface.root.contains(range.commonAncestorContainer)) return null
      const offsets = surface.map.offsetsOf(range)
      if (!offsets) return null
      position.current = { anchor: offsets.start, focus: offsets.end }
      return offsets.start
    }
    if (fromSelection() === null) {
      const start = hint.current ?? firstVisibleOffset(surface, scroller) ?? 0
      position.current = { anchor: start, focus: start }
    }
    draw()
    const focusTarget = surface.frame?.contentWindow ?? scroller
    focusTarget?.focus()

    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.metaKey) return
      // Only keys pressed while reading: not in the find bar, a dialog or another panel.
      const inFrame = surface.target !== document && event.currentTarget === surface.target
      const inText = scroller?.contains(event.target as Node) ?? false
      if (
        !(inFrame || inText) ||
        isTextField(event.target) ||
        document.querySelector('dialog[open]')
      )
        return
      const { anchor, focus } = position.current
      const extend = event.shiftKey
      let next: number | null = null
      let span: { start: number; end: number } | null = null
      const vertical = (event.key === 'ArrowDown' || event.key === 'ArrowUp') && !event.ctrlKey
      if (!vertical) goalX.current = null
      switch (event.key) {
        case 'ArrowRight':
          next = event.ctrlKey ? wordBoundary(text, focus, 1) : charStep(text, focus, 1)
          break
        case 'ArrowLeft':
          next = event.ctrlKey ? wordBoundary(text, focus, -1) : charStep(text, focus, -1)
          break
        case 'ArrowDown':
          if (!event.ctrlKey) {
            next = lineStep(surface, text, focus, 1, goalX)
            break
          }
          next = extend ? sentenceAt(text, focus, lang).end : nextSentenceStart(text, focus, lang)
          if (extend && next <= focus)
            next = sentenceAt(text, nextSentenceStart(text, focus, lang), lang).end
          break
        case 'ArrowUp':
          next = event.ctrlKey
            ? previousSentenceStart(text, focus, lang)
            : lineStep(surface, text, focus, -1, goalX)
          break
        case 'Home':
          next = paragraphAt(text, focus).start
          break
        case 'End':
          next = paragraphAt(text, focus).end
          break
        case 's':
        case 'S':
          if (event.ctrlKey) return
          span = sentenceAt(text, Math.min(anchor, focus), lang)
          break
        case 'p':
        case 'P':
          if (event.ctrlKey) return
          span = paragraphAt(text, Math.min(anchor, focus))
          break
        case 'Enter':
        case 'q':
        case 'Q':
          if (event.ctrlKey) return
          event.preventDefault()
          appStore.set((state) => ({ saveQuoteNonce: state.saveQuoteNonce + 1 }))
          return
        case 'Escape':
          event.preventDefault()
          event.stopPropagation()
          if (anchor !== focus) {
            position.current = { anchor: focus, focus }
            draw()
          } else appStore.set({ caretMode: false })
          return
        default:
          return
      }
      event.preventDefault()
      event.stopPropagation()
      if (span) position.current = { anchor: span.start, focus: span.end }
      else if (next !== null) position.current = { anchor: extend ? anchor : next, focus: next }
      draw()
    }
    const targets: EventTarget[] = [window]
    if (surface.target !== document) targets.push(surface.target)
    for (const t of targets) t.addEventListener('keydown', onKeyDown as EventListener, true)
    return () => {
      for (const t of targets) t.removeEventListener('keydown', onKeyDown as EventListener, true)
      paintHighlight(surface.target, CARET_HIGHLIGHT, [])
    }
  }, [surface, active, text, language, scrollRef])
}

type CaretDocument = Document & {
  caretRangeFromPoint?: (x: number, y: number) => Range | null
}
type ModifiableSelection = Selection & {
  modify?: (alter: 'move', direction: 'forward' | 'backward', granularity: 'line') => void
}

/** The text offset of a DOM point inside the surface, or null when it is outside the mapped text. */
function offsetAtPoint(surface: CaretSurface, node: Node, offset: number): number | null {
  if (!surface.root.contains(node)) return null
  const range = surface.target.createRange()
  range.setStart(node, offset)
  range.setEnd(surface.root, surface.root.childNodes.length)
  return surface.map.offsetsOf(range)?.start ?? null
}

/**
 * The offset one visual line down (1) or up (-1) from `focus`, at the goal x: the browser's own line movement
 * (`Selection.modify`, which knows the layout: wrapping, headings, margins), then the point at the goal x on the line
 * it reached. Null when the layout gives nothing (then the caret stays).
 */
function lineStep(
  surface: CaretSurface,
  text: string,
  focus: number,
  direction: 1 | -1,
  goalX: { current: number | null },
): number | null {
  const selection = surface.target.getSelection() as ModifiableSelection | null
  if (!selection?.modify || text.length === 0) return null
  const atEnd = focus >= text.length
  const here = atEnd
    ? surface.map.rangeOf(text.length - 1, text.length)
    : surface.map.rangeOf(focus, focus + 1)
  if (!here) return null
  const box = here.getBoundingClientRect()
  goalX.current ??= atEnd ? box.right : box.left
  if (atEnd) selection.collapse(here.endContainer, here.endOffset)
  else selection.collapse(here.startContainer, here.startOffset)
  selection.modify('move', direction > 0 ? 'forward' : 'backward', 'line')
  const moved = selection.focusNode
    ? offsetAtPoint(surface, selection.focusNode, selection.focusOffset)
    : null
  if (moved === null || moved === focus) return moved
  // Back to the goal x on the line reached.
  const line = surface.map.rangeOf(moved, Math.min(text.length, moved + 1))?.getBoundingClientRect()
  const doc = surface.target as CaretDocument
  if (!line || !doc.caretRangeFromPoint) return moved
  const point = doc.caretRangeFromPoint(goalX.current, line.top + line.height / 2)
  const aimed = point ? offsetAtPoint(surface, point.startContainer, point.startOffset) : null
  return aimed !== null && aimed !== focus ? aimed : moved
}

function isTextField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null
  if (!element || typeof element.tagName !== 'string') return false
  return (
    element.isContentEditable ||
    element.tagName === 'INPUT' ||
    element.tagName === 'TEXTAREA' ||
    element.tagName === 'SELECT'
  )
}

/** The text offset at the top-left of what is visible. */
function firstVisibleOffset(surface: CaretSurface, scroller: HTMLElement | null): number | null {
  const doc = surface.target as Document & {
    caretRangeFromPoint?: (x: number, y: number) => Range | null
  }
  const box = surface.frame ? null : scroller?.getBoundingClientRect()
  const root = surface.root.getBoundingClientRect()
  const x = Math.max(root.left, box?.left ?? 0) + 24
  for (let y = Math.max(root.top, box?.top ?? 0) + 12; y < (box?.bottom ?? 400); y += 16) {
    const point = doc.caretRangeFromPoint?.(x, y)
    if (!point || !surface.root.contains(point.startContainer)) continue
    const range = doc.createRange()
    range.setStart(point.startContainer, point.startOffset)
    range.setEnd(surface.root, surface.root.childNodes.length)
    const offsets = surface.map.offsetsOf(range)
    if (offsets) return offsets.start
  }
  return null
}

function keepInView(surface: CaretSurface, range: Range, scroller: HTMLElement | null): void {
  const box = range.getBoundingClientRect()
  if (surface.frame) {
    const view = surface.target.defaultView
    if (view && (box.top < 0 || box.bottom > view.innerHeight)) {
      view.scrollBy({ top: box.top - view.innerHeight / 3 })
    }
    return
  }
  if (!scroller) return
  const frame = scroller.getBoundingClientRect()
  if (box.top < frame.top || box.bottom > frame.bottom) {
    scroller.scrollBy({ top: box.top - frame.top - scroller.clientHeight / 3 })
  }
}
