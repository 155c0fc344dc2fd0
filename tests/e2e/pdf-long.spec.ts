import { manyPagesPdf } from '../../scripts/gen-hostile-fixtures'
import { hostClient } from '../support/hostile/host-client'
import { expect, test } from './support/fixtures'

const PAGES = 2000
/** What opening a document in the text view takes on an idle machine (median of `npm run bench -- pdf-view`). */
const TEXT_OPEN_MS = 200

test.describe.configure({ timeout: 120_000 })

/**
 * "A PDF with 2,000 pages opens its first page in ≤ 1 s and scrolls without loading all pages" (#12, bad input). The
 * PDF is generated here (one line per page, 0.6 MB); `data-pages-loaded` counts the distinct pages asked of pdf.js
 * by the page column and the thumbnails together.
 */
/** Scroll by `step` px a frame for `frames` frames, as a fling or a held key does (runs in the page). */
const FLING = async (element: Element, [step, frames]: number[]): Promise<void> => {
  for (let i = 0; i < (frames ?? 0); i++) {
    element.scrollBy(0, step ?? 0)
    await new Promise((resolve) => requestAnimationFrame(resolve))
  }
}

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

  const { documents } = await client.call<{ documents: { id: number }[] }>('documents.list', {})
  const modeKey = `lectern.readerMode.${documents[0]?.id}`
  const setMode = (mode: string) =>
    page.evaluate(
      ([key, value]) => localStorage.setItem(key as string, value as string),
      [modeKey, mode],
    )
  /** From the click to `ready`, both seen in the page (Playwright's retrying asserts poll too coarsely to time). */
  const timeOpen = async (ready: string): Promise<number> => {
    await page.evaluate(() => {
      const w = window as unknown as { openClickedAt: number }
      w.openClickedAt = 0
      document.addEventListener('click', () => (w.openClickedAt = performance.now()), {
        capture: true,
        once: true,
      })
    })
    await app.library.getByRole('button', { name: 'Many pages' }).click()
    await page.waitForFunction((selector) => document.querySelector(selector) !== null, ready, {
      polling: 'raf',
      timeout: 30_000,
    })
    return Math.round(
      await page.evaluate(
        () => performance.now() - (window as unknown as { openClickedAt: number }).openClickedAt,
      ),
    )
  }
  const back = () => page.getByRole('button', { name: '← Back' }).click()

  // The first open also loads pdf.js itself (once per session). Then, in the same session, the same document in the
  // text view (the baseline: what this machine takes now to open a document at all) and in the page view.
  const cold = await timeOpen('.pdf-page[data-page="1"] canvas[data-painted]')
  // Three of each, interleaved, the best of each compared: on a shared machine one open says little, and the best is
  // what the code can do when it gets the CPU.
  const baselines: number[] = []
  const opens: number[] = []
  for (let i = 0; i < 3; i++) {
    await back()
    await setMode('text')
    baselines.push(await timeOpen('.text-body p[data-p]'))
    await back()
    await setMode('pages')
    opens.push(await timeOpen('.pdf-page[data-page="1"] canvas[data-painted]'))
  }
  const baseline = Math.min(...baselines)
  const elapsed = Math.min(...opens)
  // ≤ 1 s on a machine that opens a document's text within TEXT_OPEN_MS; a loaded one gets proportionally more.
  const budget = 1000 * Math.max(1, baseline / TEXT_OPEN_MS)
  for (const [type, value] of [
    ['first page painted, first PDF of the session (ms)', cold],
    ['same document in the text view, baseline (ms)', baselines.join(', ')],
    ['first page painted (ms)', opens.join(', ')],
    ['budget (ms)', Math.round(budget)],
  ] as const) {
    test.info().annotations.push({ type, description: String(value) })
  }
  expect(elapsed, 'first page of 2,000 painted').toBeLessThanOrEqual(budget)
  expect(await loaded()).toBeLessThanOrEqual(4)

  // Thumbnails: only those in view are drawn.
  await page.getByRole('button', { name: 'Page list' }).click()
  const list = page.getByRole('navigation', { name: 'Page list' })
  await expect(list.locator('canvas[data-painted]').first()).toBeAttached()
  expect(await list.getByRole('button').count()).toBeLessThan(20)

  // Scroll the pages continuously, 300 px a frame for 80 frames (about 20 pages), then jump to page 1500.
  await pagesRegion.evaluate(FLING, [300, 80])
  await page.getByRole('textbox', { name: 'Page number' }).fill('1500')
  await page.getByRole('textbox', { name: 'Page number' }).press('Enter')
  await expect(pagesRegion.locator('.textLayer span', { hasText: 'Page 1500 of' })).toBeVisible({
    timeout: 30_000,
  })
  await expect(list.locator('[data-page="1500"] canvas[data-painted]')).toBeAttached()
  // Fling the thumbnail list through some 400 entries, 2,000 px a frame: they pass by faster than they are drawn.
  await list.evaluate(FLING, [2000, 30])
  await page.waitForTimeout(500)
  await page.screenshot({ path: test.info().outputPath('long-pdf-thumbnails.png') })
  const total = await loaded()
  test.info().annotations.push({ type: 'pages loaded of 2,000', description: String(total) })
  // About 30 on an idle machine (the ~20 pages scrolled through, the few around 1500, the list's resting place); a
  // loaded one draws more of what passes by (its frames are longer than the rest periods), never the book.
  expect(total, 'pages asked of pdf.js').toBeLessThan(150)
  expect(await canvases(), 'canvases in the page').toBeLessThan(30)
})
