import type { PageInfo } from '@shared/contract'
import { buildTextMap, type TextMap } from '../text-map'

/** The attribute holding a page element's 1-based page number. */
export const PAGE_ATTRIBUTE = 'data-page'

/**
 * The text map of the PDF page view: each rendered page's text layer is aligned with its own slice of the document
 * text (PageInfo start/end), the same alignment the HTML view uses (text-map.ts), so a selection on a page gives the
 * same offsets as in the text view and a quote or match lands on the same words. Pages come and go as the view
 * scrolls; a passage on a page that is not rendered has no range (yet).
 */
export class PageTextMaps implements TextMap {
  private readonly maps = new Map<number, { map: TextMap; layer: HTMLElement }>()

  constructor(
    private readonly pages: readonly PageInfo[],
    private readonly text: string,
  ) {}

  /** A page's text layer is rendered: align it with the page's text. */
  add(page: number, layer: HTMLElement): void {
    const info = this.pages[page - 1]
    if (!info) return
    this.maps.set(page, { map: buildTextMap(layer, this.text.slice(info.start, info.end)), layer })
  }

  remove(page: number, layer: HTMLElement): void {
    if (this.maps.get(page)?.layer === layer) this.maps.delete(page)
  }

  /** 1-based page holding a text offset (the last page starting at or before it). */
  pageAt(offset: number): number {
    let low = 0
    let high = this.pages.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((this.pages[middle] as PageInfo).start <= offset) low = middle
      else high = middle - 1
    }
    return low + 1
  }

  private pageOf(node: Node): number | null {
    const element = node instanceof Element ? node : node.parentElement
    const page = element?.closest(`[${PAGE_ATTRIBUTE}]`)?.getAttribute(PAGE_ATTRIBUTE)
    return page ? Number(page) : null
  }

  offsetsOf(range: Range): { start: number; end: number } | null {
    const first = this.pageOf(range.startContainer)
    const last = this.pageOf(range.endContainer)
    if (first === null || last === null) return null
    const startMap = this.maps.get(first)
    const endMap = this.maps.get(last)
    const startInfo = this.pages[first - 1]
    const endInfo = this.pages[last - 1]
    if (!startMap || !endMap || !startInfo || !endInfo) return null
    if (first === last) {
      const offsets = startMap.map.offsetsOf(range)
      return (
        offsets && { start: offsets.start + startInfo.start, end: offsets.end + startInfo.start }
      )
    }
    // Across pages: the start on its page to the end of that page's text, the end's page from its start.
    const head = range.cloneRange()
    head.setEndAfter(startMap.layer.lastChild ?? startMap.layer)
    const tail = range.cloneRange()
    tail.setStartBefore(endMap.layer.firstChild ?? endMap.layer)
    const from = startMap.map.offsetsOf(head)
    const to = endMap.map.offsetsOf(tail)
    if (!from || !to) return null
    return { start: from.start + startInfo.start, end: to.end + endInfo.start }
  }

  /**
   * The passage's part on each rendered page, each within that page's text layer: what a mark may cover. A range
   * across pages also holds what lies between the parts (the next page's running head, its canvas).
   */
  pageRanges(start: number, end: number): Range[] | null {
    const first = this.pageAt(start)
    const last = this.pageAt(Math.max(start, end - 1))
    const parts: Range[] = []
    for (let page = first; page <= last; page++) {
      const info = this.pages[page - 1] as PageInfo
      const entry = this.maps.get(page)
      if (!entry) return null
      const from = Math.max(start, info.start) - info.start
      const to = Math.min(end, info.end) - info.start
      if (to <= from) continue
      const part = entry.map.rangeOf(from, to)
      if (part) parts.push(part)
    }
    return parts
  }

  rangeOf(start: number, end: number): Range | null {
    const parts = this.pageRanges(start, end)
    if (!parts) return null
    const head = parts[0]
    const tail = parts[parts.length - 1]
    if (!head || !tail) return null
    if (head === tail) return head
    const range = head.cloneRange()
    range.setEnd(tail.endContainer, tail.endOffset)
    return range
  }
}
