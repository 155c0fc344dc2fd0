import { expect, type Locator, type Page } from '@playwright/test'

/** The Tags sidebar: tags with counts and their actions. */
export class TagsSidebar {
  readonly region: Locator

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Tags' })
  }

  /** The button that filters the library by this tag. */
  tag(name: string): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}\\b`) })
  }

  async rename(from: string, to: string): Promise<void> {
    await this.region.getByRole('button', { name: `Actions for tag ${from}`, exact: true }).click()
    await this.page.getByRole('menuitem', { name: 'Rename…' }).click()
    const dialog = this.page.getByRole('dialog', { name: `Rename “${from}”` })
    await dialog.getByLabel('New name').fill(to)
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click()
    await expect(dialog).toBeHidden()
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
