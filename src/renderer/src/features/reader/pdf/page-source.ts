import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist'

/**
 * Whether a scrolled element has come to rest, so that what passes by during a fling is not drawn: `whenQuiet` runs
 * its callback once the element has not scrolled for `quietMs` (at once when it is at rest), or after `maxWaitMs` of
 * scrolling, so that what is scrolled through slowly is still drawn on the way.
 */
export class ScrollRest {
  private lastScroll = Number.NEGATIVE_INFINITY

  constructor(
    private readonly quietMs: number,
    private readonly maxWaitMs = Number.POSITIVE_INFINITY,
  ) {}

  noteScroll(): void {
    this.lastScroll = performance.now()
  }

  /**
   * Returns a cancel function. Rest is time *and* two frames without a scroll: on a loaded machine a fling's frames can
   * be longer than `quietMs`, and time alone would take each of them for a rest.
   */
  whenQuiet(start: () => void): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined
    let frame = 0
    const since = performance.now()
    const check = (): void => {
      const now = performance.now()
      const rest = now - this.lastScroll
      if (now - since >= this.maxWaitMs) {
        start()
      } else if (rest >= this.quietMs) {
        const seen = this.lastScroll
        frame = requestAnimationFrame(() => {
          frame = requestAnimationFrame(() => {
            frame = 0
            if (this.lastScroll === seen) start()
            else check()
          })
        })
      } else {
        timer = setTimeout(check, Math.min(this.quietMs - rest, this.maxWaitMs - (now - since)))
      }
    }
    check()
    return () => {
      clearTimeout(timer)
      if (frame) cancelAnimationFrame(frame)
    }
  }
}

/**
 * The open document's pages, as the page column and the thumbnails ask for them. Counts the distinct pages asked of
 * pdf.js and shows the count on `element` (`data-pages-loaded`), so tests and benchmarks can check that a long
 * document is never loaded whole; when a page leaves the view its parsed resources are freed (`release`).
 */
export class PageSource {
  private readonly loaded = new Set<number>()
  private readonly users = new Map<number, number>()
  /**
   * The page column's scrolling: a page flung past is never asked of pdf.js (a fling costs frames nothing but moving
   * the pages); one in view for 250 ms while the pages scroll slowly is drawn.
   */
  readonly pagesRest = new ScrollRest(90, 250)

  constructor(
    readonly pdf: PDFDocumentProxy,
    private readonly element: () => HTMLElement | null,
  ) {}

  async getPage(page: number): Promise<PDFPageProxy> {
    this.users.set(page, (this.users.get(page) ?? 0) + 1)
    if (!this.loaded.has(page)) {
      this.loaded.add(page)
      this.element()?.setAttribute('data-pages-loaded', String(this.loaded.size))
    }
    return this.pdf.getPage(page)
  }

  /** The caller is done with `page` (unmounted): when nothing else shows it, pdf.js may drop its operator lists. */
  release(page: PDFPageProxy): void {
    const users = (this.users.get(page.pageNumber) ?? 1) - 1
    if (users > 0) {
      this.users.set(page.pageNumber, users)
      return
    }
    this.users.delete(page.pageNumber)
    // Returns false (and keeps them) while a rendering of the page is still under way.
    page.cleanup()
  }
}
