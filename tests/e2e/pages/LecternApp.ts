import { expect, type Locator, type Page } from '@playwright/test'
import { QuotesPanel } from './QuotesPanel'
import { ReaderPage } from './ReaderPage'
import { TagsSidebar } from './TagsSidebar'

/** The main window, in the words a user would use (Joplin's MainScreen, Excalidraw's UI helpers). */
export class LecternApp {
  readonly library: Locator
  readonly searchBox: Locator
  readonly results: Locator
  readonly reader: ReaderPage
  readonly quotes: QuotesPanel
  readonly tags: TagsSidebar

  constructor(readonly page: Page) {
    this.library = page.getByRole('region', { name: 'Library' })
    this.searchBox = page.getByRole('searchbox', { name: 'Search' })
    this.results = page.getByRole('listbox', { name: 'Results' })
    this.reader = new ReaderPage(page)
    this.quotes = new QuotesPanel(page)
    this.tags = new TagsSidebar(page)
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.library).toBeVisible()
  }

  /** Click Import, answer the file picker with these files, and wait for the import report. */
  async importFiles(paths: string[]): Promise<Locator> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.page.getByRole('button', { name: 'Import', exact: true }).click()
    await (await chooser).setFiles(paths)
    return this.importReport()
  }

  /** Click Import folder and pick a whole folder. */
  async importFolder(folder: string): Promise<Locator> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.page.getByRole('button', { name: 'Import folder', exact: true }).click()
    await (await chooser).setFiles(folder)
    return this.importReport()
  }

  /** The report shown when an import ends. */
  async importReport(): Promise<Locator> {
    const report = this.page.getByRole('complementary', { name: 'Import report' })
    await expect(report).toBeVisible({ timeout: 30_000 })
    return report
  }

  /** Type a query key by key, as a person would. */
  async search(query: string): Promise<void> {
    await this.searchBox.click()
    await this.searchBox.pressSequentially(query, { delay: 30 })
    await expect(this.results).toHaveAttribute('data-results-for', query)
  }

  /** The library table row of a document. */
  row(title: string): Locator {
    return this.library.getByRole('row').filter({ hasText: title })
  }
}
