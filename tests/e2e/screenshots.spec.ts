/**
 * Regenerates docs/screenshot.png and review shots of the main views on a realistic library (the public-domain
 * White House speeches). Not part of the suite: run with `LECTERN_SCREENSHOTS=1 npx playwright test screenshots`.
 */
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { LecternApp } from './pages/LecternApp'
import { corpusDir, readCorpus, seedLibrary } from './support/seed-library'
import { REPO_ROOT, startWebHost } from './support/web-host'

const OUT = process.env.LECTERN_SCREENSHOT_DIR ?? join(tmpdir(), 'lectern-screenshots')

test.skip(
  !process.env.LECTERN_SCREENSHOTS,
  'set LECTERN_SCREENSHOTS=1 to regenerate the screenshots',
)

test('screenshots of the library, the reader with quotes, and a comparison', async ({ page }) => {
  test.setTimeout(120_000)
  const corpus = corpusDir(REPO_ROOT)
  test.skip(!corpus, 'the shared corpus is not available')
  const articles = readCorpus(
    join(corpus as string, 'whitehouse-remarks-2009-2015', 'articles.jsonl.gz'),
  ).map((article) => ({ ...article, source: 'The White House' }))
  const libraryDir = join(tmpdir(), `lectern-shots-${Date.now()}`, 'library')
  seedLibrary({
    libraryDir,
    articles,
    count: articles.length,
    tags: ['economy', 'health care', 'education', 'foreign policy', 'veterans'],
  })
  const host = await startWebHost({ libraryDir })
  try {
    mkdirSync(OUT, { recursive: true })
    const app = new LecternApp(page)
    await app.open(host.url)
    await expect(app.library.getByRole('row').nth(3)).toBeVisible()

    // Quotes on two speeches that report the same wish differently.
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
      ],
      [
        turkey,
        'So on behalf of the Obama family, I want to wish everybody a very happy Thanksgiving.',
        'green',
        ['holidays'],
      ],
      [
        turkey,
        'Generally speaking, Thanksgiving is a bad day to be a turkey.',
        'orange',
        ['humour'],
      ],
    ] as const
    const ids: number[] = []
    for (const [documentId, text, color, tags] of quotes) {
      const quote = (await api('quotes.create', { documentId, text, color, tags, note: '' })) as {
        id: number
      }
      ids.push(quote.id)
    }
    await page.reload()
    await expect(app.library.getByRole('row').nth(3)).toBeVisible()
    await app.library.getByRole('button', { name: 'Date' }).click()
    await expect(app.library.getByRole('row').nth(1)).toContainText('2015')
    await page.screenshot({ path: join(OUT, 'library.png') })

    await app.search('title:"Thanksgiving Turkey" on:2013-11-27')
    await app.searchBox.press('Enter')
    await expect(app.reader.heading()).toContainText('Thanksgiving Turkey')
    await app.searchBox.fill('')
    await page.locator('.reader .text-body').click({ position: { x: 5, y: 5 } })
    await page.waitForTimeout(500)
    await page.screenshot({ path: join(OUT, 'reader.png') })
    await page.screenshot({ path: join(REPO_ROOT, 'docs', 'screenshot.png') })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: join(OUT, 'reader-dark.png') })
    await page.emulateMedia({ colorScheme: 'light' })

    await app.quotes.select('joyous and meaningful')
    await app.quotes.select('very happy Thanksgiving')
    await app.quotes.compare()
    await expect(page.getByRole('article', { name: /^Column/ })).toHaveCount(2)
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(OUT, 'compare.png') })

    await app.searchBox.fill('')
    await app.search('turkey pard')
    await page.screenshot({ path: join(OUT, 'search.png') })
    await app.searchBox.fill('')
    await app.search('helth insurence')
    await page.screenshot({ path: join(OUT, 'search-typo.png') })
  } finally {
    await host.stop()
  }
})
