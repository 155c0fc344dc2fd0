import { expect, type Locator, type Page } from '@playwright/test'

/** The Quotes panel: the list of quotes, selecting them, Compare and Export. */
export class QuotesPanel {
  readonly region: Locator

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Quotes' })
  }

  /** The card of the quote whose text contains `text`. */
  quote(text: string): Locator {
    return this.region.getByRole('article').filter({ hasText: text })
  }

  async select(text: string): Promise<void> {
    await this.quote(text).getByRole('checkbox').check()
  }

  async compare(): Promise<void> {
    await this.region.getByRole('button', { name: 'Compare', exact: true }).click()
  }

  async export(): Promise<void> {
    await this.region.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(this.page.getByRole('dialog', { name: /^Export/ })).toBeVisible()
  }
}
