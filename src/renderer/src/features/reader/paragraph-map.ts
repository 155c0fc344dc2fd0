import type { Paragraph } from './paragraphs'
import type { TextMap } from './text-map'

/** The attribute holding a rendered paragraph's index in the document's paragraph list. */
export const PARAGRAPH_ATTRIBUTE = 'data-p'

/**
 * The text map of a plain-text document shown as paragraphs: `root`'s children are `<p data-p="i">` elements whose
 * text nodes together hold exactly `paragraphs[i].text`, in increasing index order. Between them there may be empty
 * elements (a page mark where a page begins mid-paragraph, TextBody.tsx) that hold no text. Offsets are then exact
 * arithmetic, not an alignment. The map reads the DOM on every call, so it stays right when a windowed body mounts
 * and unmounts paragraphs as the reader scrolls; a passage whose paragraphs are not mounted has no range (yet).
 */
export function buildParagraphMap(root: HTMLElement, paragraphs: readonly Paragraph[]): TextMap {
  const ownerDocument = root.ownerDocument
  const children = root.children

  const paragraphOf = (element: Element | null | undefined): Paragraph | undefined => {
    const index = element?.getAttribute(PARAGRAPH_ATTRIBUTE)
    return index == null ? undefined : paragraphs[Number(index)]
  }
  const endOf = (paragraph: Paragraph): number => paragraph.start + paragraph.text.length

  /** The mounted child index of the first paragraph satisfying `test`, assuming `test` is monotone. */
  const firstChild = (test: (paragraph: Paragraph) => boolean): number => {
    let low = 0
    let high = children.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      const paragraph = paragraphOf(children[middle])
      if (paragraph && test(paragraph)) {
        found = middle
        high = middle - 1
      } else {
        low = middle + 1
      }
    }
    return found
  }

  /** The text offset of a DOM boundary point inside `root`. */
  const offsetAt = (container: Node, offset: number, direction: 'forward' | 'backward') => {
    if (container.nodeType === Node.TEXT_NODE || isMark(container)) {
      // In a text node, or in a page mark (which holds none): the text before it in its paragraph, plus the offset.
      const element = container.parentElement
      const paragraph = paragraphOf(element)
      if (!element || !paragraph || element.parentElement !== root) return null
      const inNode = container.nodeType === Node.TEXT_NODE ? offset : 0
      return (
        paragraph.start + Math.min(textBefore(element, container) + inNode, paragraph.text.length)
      )
    }
    if (container instanceof Element && container.parentElement === root) {
      const paragraph = paragraphOf(container)
      if (!paragraph) return null
      const child = container.childNodes[offset]
      return child ? paragraph.start + textBefore(container, child) : endOf(paragraph)
    }
    if (container !== root) return null
    // A boundary between paragraphs: the next one's start (range starts) or the previous one's end (range ends).
    if (direction === 'forward') {
      for (let i = offset; i < children.length; i++) {
        const paragraph = paragraphOf(children[i])
        if (paragraph) return paragraph.start
      }
      return null
    }
    for (let i = Math.min(offset, children.length) - 1; i >= 0; i--) {
      const paragraph = paragraphOf(children[i])
      if (paragraph) return endOf(paragraph)
    }
    return null
  }

  return {
    offsetsOf(range) {
      const start = offsetAt(range.startContainer, range.startOffset, 'forward')
      const end = offsetAt(range.endContainer, range.endOffset, 'backward')
      if (start === null || end === null || end <= start) return null
      return { start, end }
    },
    rangeOf(start, end) {
      const first = firstChild((paragraph) => endOf(paragraph) > start)
      if (first === -1) return null
      // The last mounted paragraph starting before `end`.
      const after = firstChild((paragraph) => paragraph.start >= end)
      const to = after === -1 ? children.length - 1 : after - 1
      if (to < first) return null
      const fromElement = children[first] as Element
      const toElement = children[to] as Element
      const fromParagraph = paragraphOf(fromElement) as Paragraph
      const toParagraph = paragraphOf(toElement) as Paragraph
      const startPoint = textPoint(
        fromElement,
        clamp(start - fromParagraph.start, 0, fromParagraph.text.length),
        'start',
      )
      const endPoint = textPoint(
        toElement,
        clamp(end - toParagraph.start, 0, toParagraph.text.length),
        'end',
      )
      if (!startPoint || !endPoint) return null
      const range = ownerDocument.createRange()
      range.setStart(startPoint.node, startPoint.offset)
      range.setEnd(endPoint.node, endPoint.offset)
      return range
    },
  }
}

/** An empty element between a paragraph's text nodes (a page mark): it holds no text of the document. */
function isMark(node: Node): boolean {
  return node instanceof Element && node.parentElement?.hasAttribute(PARAGRAPH_ATTRIBUTE) === true
}

/** The length of the text in `paragraph`'s text nodes before its child `child`. */
function textBefore(paragraph: Element, child: Node): number {
  let length = 0
  for (let node = paragraph.firstChild; node && node !== child; node = node.nextSibling)
    if (node.nodeType === Node.TEXT_NODE) length += (node as Text).length
  return length
}

/**
 * The text node and offset at `offset` into a paragraph's text. At the join of two text nodes (a page mark between
 * them), a range's start goes after the mark and its end before it, so the range holds only text.
 */
function textPoint(
  paragraph: Element,
  offset: number,
  side: 'start' | 'end',
): { node: Text; offset: number } | null {
  let before = 0
  let last: Text | null = null
  for (let node = paragraph.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== Node.TEXT_NODE) continue
    const text = node as Text
    const after = before + text.length
    if (side === 'start' ? offset < after : offset <= after)
      return { node: text, offset: offset - before }
    before = after
    last = text
  }
  return last ? { node: last, offset: last.length } : null
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high)
}
