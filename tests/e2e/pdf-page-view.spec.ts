import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { callApi } from './support/api'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

// A real LaTeX-made PDF nobody on the project picked: the Debian New Maintainers' Guide (GPL, tests/fixtures/SOURCES.md).
const GUIDE = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'debian', 'maint-guide.en.pdf')
const TITLE = /Debian New Maintainers/
const WORDS = 'There is an old Latin saying'

test.describe.configure({ timeout: 120_000 })

type PageInfo = { page: number; label: string | null; start: number; end: number }
type SavedQuote = {
  id: number
  exact: string
  start: number
  end: number
  page: number | null
  rects: { page: number; x: number; y: number; width: number; height: number }[] | null
}

/** Drag the mouse across the text-layer span holding `words`, as a person selecting on the page would. */
async function dragAcross(page: Page, words: string): Promise<void> {
  const span = page.locator('.pdf-page .textLayer span', { hasText: words }).first()
  await span.scrollIntoViewIfNeeded()
  const box = await span.boundingBox()
  if (!box) throw new Error(`no span with “${words}”`)
  await page.mouse.move(box.x + 1, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 })
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 4 })
  await page.mouse.up()
}

test('a PDF opens as its printed pages; a quote selected on a page is drawn there, shows in the text view and exports with the printed page', async ({
  app,
  page,
  host,
}) => {
  const report = await app.importFiles([GUIDE])
  await expect(report).toContainText('1 document imported')
  await app.library.getByRole('button', { name: TITLE }).click()
  await expect(app.reader.heading()).toHaveText(TITLE)

  // Page view by default: pages with painted canvases and a text layer, only a few of the 60 in the DOM.
  const pagesRegion = page.getByRole('region', { name: /^Pages of / })
  await expect(pagesRegion).toBeVisible()
  const firstPage = pagesRegion.locator('.pdf-page').first()
  await expect(firstPage.locator('.textLayer span').first()).toBeAttached()
  expect(await pagesRegion.locator('.pdf-page').count()).toBeLessThan(6)
  const inked = await firstPage.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d')
    const data = context?.getImageData(0, 0, canvas.width, canvas.height).data ?? []
    let dark = 0
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++
    return dark
  })
  expect(inked, 'the first page is painted').toBeGreaterThan(500)
  await page.screenshot({ path: test.info().outputPath('page-view.png') })

  // Find on the page brings the passage's page into view; select its words with the mouse and save a quote.
  await page.keyboard.press('Control+f')
  await page.getByRole('textbox', { name: 'Find in document' }).fill(WORDS)
  await expect(app.reader.region.locator('.find-count')).toHaveText('1 of 1')
  await page.getByRole('button', { name: 'Close find' }).click()
  await dragAcross(page, 'old Latin')
  await page.screenshot({ path: test.info().outputPath('after-drag.png') })
  await page.getByRole('button', { name: 'Save quote', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'New quote' })
  await dialog.getByRole('button', { name: 'Save quote', exact: true }).click()
  await expect(dialog).toBeHidden()

  const { quotes } = await callApi<{ quotes: SavedQuote[] }>(page, host, 'quotes.list', {})
  expect(quotes).toHaveLength(1)
  const quote = quotes[0] as SavedQuote
  const detail = await callApi<{ id: number; text: string }>(page, host, 'documents.get', {
    id: (await callApi<{ documents: { id: number }[] }>(page, host, 'documents.list', {}))
      .documents[0]?.id,
  })
  // Anchored to the same text offsets as the text view: the stored words are the document text there.
  expect(quote.exact).toContain('old Latin')
  expect(detail.text.slice(quote.start, quote.end)).toBe(quote.exact)
  expect(quote.rects?.length).toBeGreaterThan(0)
  expect(quote.rects?.[0]?.page).toBe(quote.page)
  await expect(app.quotes.quote('old Latin')).toBeVisible()

  // Drawn on its page in its colour.
  const mark = pagesRegion.locator(
    `.pdf-page[data-page="${quote.page}"] .pdf-mark.quote-mark-yellow`,
  )
  await expect(mark.first()).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('quote-on-page.png') })

  // The same quote in the text view, highlighted over the same words.
  await app.reader.region.getByRole('button', { name: 'Text view' }).click()
  await expect(pagesRegion).toBeHidden()
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...((CSS.highlights.get('quote-yellow') as Iterable<Range> | undefined) ?? [])].map(
          (range) => range.toString().replace(/\s+/g, ' '),
        ),
      ),
    )
    .toEqual([quote.exact.replace(/\s+/g, ' ')])
  // The choice is remembered for this document.
  await page.reload()
  await app.library.getByRole('button', { name: TITLE }).click()
  await expect(app.reader.region.getByRole('button', { name: 'Page view' })).toBeVisible()
  await app.reader.region.getByRole('button', { name: 'Page view' }).click()
  await expect(pagesRegion).toBeVisible()

  // "Go to passage" opens the page at the quote.
  await app.quotes.quote('old Latin').getByRole('button', { name: 'Go to passage' }).click()
  await expect(mark.first()).toBeInViewport()

  // Exported with the printed page as its locator.
  const { pages } = await callApi<{ pages: PageInfo[] }>(page, host, 'documents.pages', {
    id: detail.id,
  })
  const printed = pages[(quote.page ?? 1) - 1]?.label ?? String(quote.page)
  // The card names the page as printed (what a citation says), the physical page in its tooltip.
  expect(printed, 'the guide prints its own page numbers').not.toBe(String(quote.page))
  const locator = app.quotes.quote('old Latin').locator('.quote-page')
  await expect(locator).toHaveText(`, p. ${printed}`)
  await expect(locator).toHaveAttribute('title', `page ${quote.page} of the file`)
  await app.quotes.export()
  const exportDialog = page.getByRole('dialog', { name: /^Export/ })
  await exportDialog.getByLabel('Format').selectOption('md')
  await exportDialog.getByLabel('Citation style').selectOption('apa')
  const preview = exportDialog.getByRole('region', { name: 'Preview' })
  await expect(preview).toContainText('old Latin')
  await expect(preview).toContainText(`p. ${printed}`)
})

// A real LaTeX PDF whose fonts carry a partial /ToUnicode map (bropd.pdf, LPPL; tests/fixtures/SOURCES.md): the page
// view's pdf.js must read "fi" as the importer's does, or words selected on the page are not the document's words.
const BROPD = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'texlive', 'bropd.pdf')

test('words selected on the page of a PDF with a partial /ToUnicode map keep their ligatures ("simplifies")', async ({
  app,
  page,
  host,
}) => {
  const report = await app.importFiles([BROPD])
  await expect(report).toContainText('1 document imported')
  await app.library.getByRole('button', { name: /The bropd package/ }).click()
  const pagesRegion = page.getByRole('region', { name: /^Pages of / })
  const textLayer = pagesRegion.locator('.pdf-page').first().locator('.textLayer')
  await expect(textLayer.locator('span').first()).toBeAttached()
  await expect(textLayer).toContainText('simplifies the process')
  await expect(textLayer).not.toContainText('simpli es')

  await dragAcross(page, 'simplifies the process')
  await page.getByRole('button', { name: 'Save quote', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'New quote' })
  await dialog.getByRole('button', { name: 'Save quote', exact: true }).click()
  await expect(dialog).toBeHidden()
  const { quotes } = await callApi<{ quotes: SavedQuote[] }>(page, host, 'quotes.list', {})
  expect(quotes).toHaveLength(1)
  expect(quotes[0]?.exact).toContain('simplifies')
  expect(quotes[0]?.page).toBe(1)
})
