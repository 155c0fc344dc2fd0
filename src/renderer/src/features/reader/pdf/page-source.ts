import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist'

/**
 * The open document's pages, as the page column and the thumbnails ask for them. Counts the distinct pages asked of
 * pdf.js and shows the count on `element` (`data-pages-loaded`), so tests and benchmarks can check that a long
 * document is never loaded whole; when a page leaves the view its parsed resources are freed (`release`).
 */
export class PageSource {
  private readonly loaded = new Set<number>()
  private readonly users = new Map<number, number>()

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
