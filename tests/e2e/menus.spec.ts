import type { Locator, Page } from '@playwright/test'
import { callApi } from './support/api'
import { fixtureArticles } from './support/fixture-articles'
import { expect, test } from './support/fixtures'

test.use({ seed: { articles: fixtureArticles(), count: 3, tags: ['economy'] } })

/** Which menu item has focus, by its text. */
function focusedItem(page: Page): Promise<string | null> {
  return page.evaluate(() =>
    document.activeElement?.getAttribute('role') === 'menuitem'
      ? (document.activeElement.textContent ?? '')
      : null,
  )
}

async function expectMenuKeyboard(page: Page, button: Locator, items: string[]): Promise<void> {
  const menu = page.getByRole('menu')

  // ↓ on the button opens the menu on its first item; arrows, Home and End move, wrapping round.
  await button.focus()
  await page.keyboard.press('ArrowDown')
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('menuitem')).toHaveText(items)
  await expect.poll(() => focusedItem(page)).toBe(items[0])
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => focusedItem(page)).toBe(items[1])
  await page.keyboard.press('End')
  await expect.poll(() => focusedItem(page)).toBe(items[items.length - 1])
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => focusedItem(page)).toBe(items[0])
  await page.keyboard.press('ArrowUp')
  await expect.poll(() => focusedItem(page)).toBe(items[items.length - 1])
  await page.keyboard.press('Home')
  await expect.poll(() => focusedItem(page)).toBe(items[0])

  // Escape closes it and gives focus back to the button.
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(button).toBeFocused()

  // ↑ opens on the last item; Enter on the button opens on the first.
  await page.keyboard.press('ArrowUp')
  await expect.poll(() => focusedItem(page)).toBe(items[items.length - 1])
  await page.keyboard.press('Escape')
  await page.keyboard.press('Enter')
  await expect(menu).toBeVisible()
  await expect.poll(() => focusedItem(page)).toBe(items[0])
  await page.keyboard.press('Escape')
  await expect(button).toBeFocused()
  await expect(button).toHaveAttribute('aria-haspopup', 'menu')
}

test('tag and quote menus work from the keyboard and hand focus back', async ({
  app,
  page,
  host,
}) => {
  const [article] = fixtureArticles()
  const list = await callApi<{ documents: { id: number; title: string }[] }>(
    page,
    host,
    'documents.list',
    {},
  )
  const document = list.documents.find((doc) => doc.title === article?.title)
  const sentence = "It's so good to see everybody."
  await callApi(page, host, 'quotes.create', {
    documentId: document?.id,
    text: sentence,
    color: 'yellow',
  })
  await page.reload()

  const tagButton = app.tags.region.getByRole('button', { name: 'Actions for tag economy' })
  await expectMenuKeyboard(page, tagButton, ['Rename…', 'Merge into…', 'Colour…', 'Delete…'])

  // Choosing an item runs it; closing its dialog returns focus to the menu's button.
  await tagButton.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Rename “economy”' })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(tagButton).toBeFocused()

  const quoteButton = app.quotes
    .quote(sentence)
    .getByRole('button', { name: 'More actions for this quote' })
  await expectMenuKeyboard(page, quoteButton, [
    'Edit colour, tags, note…',
    'Copy with citation',
    'Find the same statement elsewhere',
    'Add to comparison',
    'Delete quote',
  ])
  // Type-ahead: a letter moves to the next item starting with it.
  await quoteButton.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('d')
  await expect.poll(() => focusedItem(page)).toBe('Delete quote')
  await page.keyboard.press('Escape')
})
