/**
 * Pixel-for-pixel screenshots of the main screens at 1024×700, for moving CSS without changing the look (issue 10's
 * app.css split). Not part of the suite: run once with `--update-snapshots` on the old styles, then again on the new
 * ones; Playwright compares every pixel (maxDiffPixels 0). The snapshots are not committed.
 *
 *   LECTERN_STYLE_SHOTS=1 npx playwright test style-identity --update-snapshots   # before
 *   LECTERN_STYLE_SHOTS=1 npx playwright test style-identity                      # after
 */
import { cpSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { LecternApp } from './pages/LecternApp'
import { corpusDir, readCorpus, seedLibrary } from './support/seed-library'
import { REPO_ROOT, startWebHost, tempLibraryDir } from './support/web-host'

test.skip(!process.env.LECTERN_STYLE_SHOTS, 'set LECTERN_STYLE_SHOTS=1 to compare the screens')
test.use({ viewport: { width: 1024, height: 700 } })

/** One seeded library reused by both runs (copied fresh each time), so the data and its dates are identical. */
const SEEDED = join(tmpdir(), 'lectern-style-identity', 'library')

const same = { maxDiffPixels: 0, animations: 'disabled' as const, caret: 'hide' as const }

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400)
  // Which corrections "did you mean" offers depends on how far the typed query had got (timing, not style).
  await expect(page).toHaveScreenshot(`${name}.png`, {
    ...same,
    mask: [page.locator('.did-you-mean')],
  })
}

test('library, reader, quotes, compare and dialogs look the same', async ({ page }) => {
  test.setTimeout(240_000)
  const corpus = corpusDir(REPO_ROOT)
  test.skip(!corpus, 'the shared corpus is not available')
  if (!existsSync(SEEDED)) {
    const articles = readCorpus(
      join(corpus as string, 'whitehouse-remarks-2009-2015', 'articles.jsonl.gz'),
    ).map((article) => ({ ...article, source: 'The White House' }))
    seedLibrary({
      libraryDir: SEEDED,
      articles,
      count: articles.length,
      tags: ['economy', 'health care', 'education', 'foreign policy', 'veterans'],
    })
  }
  const libraryDir = tempLibraryDir('lectern-style-')
  cpSync(SEEDED, libraryDir, { recursive: true })
  const host = await startWebHost({ libraryDir })
  try {
    const app = new LecternApp(page)
    await app.open(host.url)
    await expect(app.library.getByRole('row').nth(3)).toBeVisible()
    await shoot(page, 'library')

    const api = (method: string, args: unknown) =>
      page.evaluate(
        async ({ method, args, token }) => {
          const response = await fetch(`/api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Lectern-Token': token },
            body: JSON.stringify(args),
          })
          return ((await response.json()) as { value: unknown }).value
        },
        { method, args, token: host.token },
      )
    const find = async (title: string) => {
      const result = (await api('search.query', { query: `title:"${title}"`, limit: 1 })) as {
        hits: { documentId: number }[]
      }
      return result.hits[0]?.documentId as number
    }
    const holiday = await find('Holiday Press Preview')
    const turkey = await find('Pardoning of the Thanksgiving Turkey')
    const quotes = [
      [
        holiday,
        'So on behalf of the Obama family, I wish all of you a joyous and meaningful holiday season.',
        'yellow',
        ['holidays'],
        '',
      ],
      [
        turkey,
        'So on behalf of the Obama family, I want to wish everybody a very happy Thanksgiving.',
        'green',
        ['holidays'],
        'Compare with the holiday preview',
      ],
      [
        turkey,
        'Generally speaking, Thanksgiving is a bad day to be a turkey.',
        'orange',
        ['humour'],
        '',
      ],
    ] as const
    for (const [documentId, text, color, tags, note] of quotes) {
      await api('quotes.create', { documentId, text, color, tags, note })
    }
    await page.reload()
    await expect(app.library.getByRole('row').nth(3)).toBeVisible()
    await app.library.getByRole('button', { name: 'Date' }).click()
    await expect(app.library.getByRole('row').nth(1)).toContainText('2015')
    await shoot(page, 'library-sorted')

    await app.search('title:"Thanksgiving Turkey" on:2013-11-27')
    await app.searchBox.press('Enter')
    await expect(app.reader.heading()).toContainText('Thanksgiving Turkey')
    await app.searchBox.fill('')
    await page.locator('.reader .text-body').click({ position: { x: 5, y: 5 } })
    await shoot(page, 'reader')
    await page.emulateMedia({ colorScheme: 'dark' })
    await shoot(page, 'reader-dark')
    await page.emulateMedia({ colorScheme: 'light' })

    // At this width the quotes panel opens on demand.
    await page.getByRole('button', { name: 'Quotes', exact: true }).click()
    await shoot(page, 'quotes-panel')
    await app.quotes.select('joyous and meaningful')
    await app.quotes.select('very happy Thanksgiving')
    await shoot(page, 'quotes-selected')
    await app.quotes.export()
    const dialog = page.getByRole('dialog', { name: /^Export/ })
    await expect(dialog.getByRole('region', { name: 'Preview' })).toContainText('Thanksgiving', {
      timeout: 90_000,
    })
    await shoot(page, 'export-dialog')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await app.quotes.compare()
    await expect(page.getByRole('article', { name: /^Column/ })).toHaveCount(2, { timeout: 60_000 })
    await shoot(page, 'compare')
    await page.emulateMedia({ colorScheme: 'dark' })
    await shoot(page, 'compare-dark')
    await page.emulateMedia({ colorScheme: 'light' })

    await app.searchBox.fill('')
    await app.search('turkey pard')
    await shoot(page, 'search')
    await app.searchBox.fill('')
    await app.search('helth insurence')
    await shoot(page, 'search-typo')
  } finally {
    await host.stop()
  }
})
