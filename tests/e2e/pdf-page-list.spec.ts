import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import { callApi } from './support/api'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

// A real LaTeX-made PDF nobody on the project picked: the Debian New Maintainers' Guide (GPL, tests/fixtures/SOURCES.md).
const GUIDE = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'debian', 'maint-guide.en.pdf')
const TITLE = /Debian New Maintainers/

test.describe.configure({ timeout: 120_000 })

type PageInfo = { page: number; label: string | null }

/** Whether physical page `n` is the page at the top of the scrolled view. */
function pageAtTop(pagesRegion: Locator, n: number): Promise<boolean> {
  return pagesRegion.evaluate((scroller, n) => {
    const element = scroller.querySelector(`.pdf-page[data-page="${n}"]`)
    if (!element) return false
    const box = element.getBoundingClientRect()
    const view = scroller.getBoundingClientRect()
    return box.top <= view.top + view.height / 3 && box.bottom > view.top + view.height / 3
  }, n)
}

/** Scroll the thumbnail list, as a person would with the wheel, until page `n`'s entry is mounted. */
async function scrollListTo(list: Locator, n: number): Promise<void> {
  for (let i = 0; i < 40 && (await list.locator(`[data-page="${n}"]`).count()) === 0; i++) {
    await list.evaluate((element) => element.scrollBy(0, 200))
    await list.page().waitForTimeout(50)
  }
  await list.locator(`[data-page="${n}"]`).scrollIntoViewIfNeeded()
}

test('the page list shows every page with its printed label and jumps to a page by click or keyboard', async ({
  app,
  page,
  host,
}) => {
  const report = await app.importFiles([GUIDE])
  await expect(report).toContainText('1 document imported')
  await app.library.getByRole('button', { name: TITLE }).click()
  await expect(app.reader.heading()).toHaveText(TITLE)
  const id = (await callApi<{ documents: { id: number }[] }>(page, host, 'documents.list', {}))
    .documents[0]?.id
  const { pages } = await callApi<{ pages: PageInfo[] }>(page, host, 'documents.pages', { id })
  const labelOf = (n: number): string => pages[n - 1]?.label ?? String(n)

  const pagesRegion = page.getByRole('region', { name: /^Pages of / })
  await expect(pagesRegion.locator('.pdf-page .textLayer span').first()).toBeAttached()
  await page.getByRole('button', { name: 'Page list' }).click()
  const list = page.getByRole('navigation', { name: 'Page list' })
  await expect(list).toBeVisible()
  // Thumbnails, drawn for the entries in view; the list mounts only those (virtualised), not all 63.
  await expect(list.locator('canvas.pdf-thumb[data-painted]').first()).toBeAttached()
  const entries = await list.getByRole('button').count()
  expect(entries).toBeGreaterThan(2)
  expect(entries).toBeLessThan(pages.length)
  await expect(list.locator('[aria-current="page"]')).toHaveAttribute('data-page', '1')

  // Scroll the list down to page 12 (the entries out of view are not mounted), click: it comes to the top; the page
  // box shows its printed label.
  await scrollListTo(list, 12)
  await list.locator('[data-page="12"]').click()
  await expect.poll(() => pageAtTop(pagesRegion, 12)).toBe(true)
  await expect(page.getByRole('textbox', { name: 'Page number' })).toHaveValue(labelOf(12))
  await expect(
    pagesRegion.locator('.pdf-page[data-page="12"] .textLayer span').first(),
  ).toBeAttached()
  await expect(list.locator('[aria-current="page"]')).toHaveAttribute('data-page', '12')
  await page.screenshot({ path: test.info().outputPath('pdf-page-list.png') })

  // Keyboard only: one Tab stop on the list, arrows move, Enter goes.
  await list.locator('[data-page="12"]').focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(list.locator('[data-page="14"]')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(() => pageAtTop(pagesRegion, 14)).toBe(true)
  await expect(page.getByRole('textbox', { name: 'Page number' })).toHaveValue(labelOf(14))
  await page.keyboard.press('End')
  await expect(list.locator(`[data-page="${pages.length}"]`)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(() => pageAtTop(pagesRegion, pages.length)).toBe(true)
  expect(await list.locator('button[tabindex="0"]').count()).toBe(1)

  // Entries name the printed label where the PDF declares one that differs from the physical number: the guide's
  // page 12 is printed "6" (front matter i–vi first).
  expect(labelOf(12)).not.toBe('12')
  await list.evaluate((element) => element.scrollTo(0, 0))
  await scrollListTo(list, 12)
  await expect(list.locator('[data-page="12"]')).toHaveText(`${labelOf(12)} (12)`)
})
