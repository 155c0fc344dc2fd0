import { manyPagesPdf } from '../../scripts/gen-hostile-fixtures'
import { hostClient } from '../support/hostile/host-client'
import { expect, test } from './support/fixtures'

const PAGES = 2000

test.describe.configure({ timeout: 120_000 })

/**
 * "A PDF with 2,000 pages opens its first page in ≤ 1 s and scrolls without loading all pages" (#12, bad input). The
 * PDF is generated here (one line per page, 0.6 MB); `data-pages-loaded` counts the distinct pages asked of pdf.js
 * by the page column and the thumbnails together.
 */
test('a 2,000-page PDF opens its first page within a second and never loads more than the pages in view', async ({
  app,
  page,
  host,
}) => {
  const client = hostClient(host.url)
  const path = await client.upload('many-pages.pdf', manyPagesPdf(PAGES))
  const { jobId } = await client.call<{ jobId: string }>('documents.import', { paths: [path] })
  await client.call('jobs.wait', { jobId })
  await page.reload()

  const view = page.locator('.pdf-view')
  const pagesRegion = page.getByRole('region', { name: /^Pages of / })
  const loaded = async (): Promise<number> => Number(await view.getAttribute('data-pages-loaded'))
  const canvases = (): Promise<number> => page.locator('.pdf-view canvas').count()

  // Opened twice: the first time also loads pdf.js itself (once per session); the second is what a reader waits for.
  for (const round of [1, 2]) {
    await app.library.getByRole('button', { name: 'Many pages' }).click()
    const started = Date.now()
    await expect(pagesRegion.locator('.pdf-page[data-page="1"] canvas[data-painted]')).toBeAttached(
      {
        timeout: 30_000,
      },
    )
    const elapsed = Date.now() - started
    test
      .info()
      .annotations.push({
        type: `first page painted, open ${round} (ms)`,
        description: String(elapsed),
      })
    if (round === 2) expect(elapsed, 'first page of 2,000 painted').toBeLessThanOrEqual(1000)
    if (round === 1) await page.getByRole('button', { name: '← Back' }).click()
  }
  expect(await loaded()).toBeLessThanOrEqual(4)

  // Thumbnails: only those in view are drawn.
  await page.getByRole('button', { name: 'Page list' }).click()
  const list = page.getByRole('navigation', { name: 'Page list' })
  await expect(list.locator('canvas[data-painted]').first()).toBeAttached()
  expect(await list.getByRole('button').count()).toBeLessThan(20)

  // Scroll the pages from top to page 60 a screen at a time, then jump to 1500: the loaded pages stay bounded.
  for (let i = 0; i < 40; i++) {
    await pagesRegion.evaluate((element) => element.scrollBy(0, element.clientHeight))
    await page.waitForTimeout(30)
  }
  await page.getByRole('textbox', { name: 'Page number' }).fill('1500')
  await page.getByRole('textbox', { name: 'Page number' }).press('Enter')
  await expect(pagesRegion.locator('.textLayer span', { hasText: 'Page 1500 of' })).toBeVisible({
    timeout: 30_000,
  })
  await expect(list.locator('[data-page="1500"] canvas[data-painted]')).toBeAttached()
  // Fling the thumbnail list through 400 pages: entries pass by faster than they are drawn.
  for (let i = 0; i < 20; i++) {
    await list.evaluate((element) => element.scrollBy(0, 3000))
    await page.waitForTimeout(16)
  }
  await page.waitForTimeout(500)
  await page.screenshot({ path: test.info().outputPath('long-pdf-thumbnails.png') })
  const total = await loaded()
  test.info().annotations.push({ type: 'pages loaded of 2,000', description: String(total) })
  expect(total, 'pages asked of pdf.js').toBeLessThan(150)
  expect(await canvases(), 'canvases in the page').toBeLessThan(30)
})
