/**
 * Chinese and Japanese as a new user meets them: import the real Debian texts through the Import button, search
 * words that sit inside running text, read, quote and compare. Screenshots go to LECTERN_SCREENSHOT_DIR (or the temp
 * folder) for review.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { LecternApp } from './pages/LecternApp'
import { REPO_ROOT, startWebHost, tempLibraryDir } from './support/web-host'

const OUT = process.env.LECTERN_SCREENSHOT_DIR ?? join(tmpdir(), 'lectern-screenshots')
const DEBIAN = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'debian')

test('Japanese and Chinese: word search marks the word, the reader shows the text, compare marks one word', async ({
  page,
}) => {
  test.setTimeout(180_000)
  mkdirSync(OUT, { recursive: true })
  // Imported with the lectern command (the same pipeline as the Import button; import-folder.spec covers the button).
  const libraryDir = tempLibraryDir('lectern-cjk-')
  execFileSync(process.execPath, [
    join(REPO_ROOT, 'out', 'main', 'cli.js'),
    'import',
    '--library',
    libraryDir,
    join(DEBIAN, 'project-history.ja.txt'),
    join(DEBIAN, 'debian-reference-intro.zh-cn.txt'),
  ])
  const host = await startWebHost({ libraryDir })
  try {
    const app = new LecternApp(page)
    await app.open(host.url)

    await app.search('ニューヨーク')
    const marks = app.results.locator('mark')
    await expect(marks.first()).toHaveText('ニューヨーク')
    await page.screenshot({ path: join(OUT, 'cjk-search-ja.png') })

    await app.searchBox.fill('')
    await app.search('自由软件')
    await expect(app.results.locator('mark').first()).toHaveText('自由软件')
    await page.screenshot({ path: join(OUT, 'cjk-search-zh.png') })

    await app.searchBox.fill('')
    await app.search('歴史 lang:ja')
    await app.searchBox.press('Enter')
    await expect(app.reader.heading()).toContainText('Debian 小史')
    await page.waitForTimeout(500)
    await page.screenshot({ path: join(OUT, 'cjk-reader-ja.png') })

    // Two quotes of one sentence, one word changed, compared side by side.
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
    const zh = (
      (await api('search.query', { query: 'lang:zh', limit: 1 })) as {
        hits: { documentId: number }[]
      }
    ).hits[0]?.documentId
    const sentence = '所有担保条款具有免责效力。'
    const a = (await api('quotes.create', { documentId: zh, text: sentence })) as { id: number }
    const b = (await api('quotes.create', {
      documentId: zh,
      text: '所有商标均为其各自商标所有者的财产。',
    })) as { id: number }
    expect(a.id).toBeGreaterThan(0)
    expect(b.id).toBeGreaterThan(0)
    await page.reload()
    await app.quotes.select('所有担保条款')
    await app.quotes.select('所有商标')
    await app.quotes.compare()
    await expect(page.getByRole('article', { name: /^Column/ })).toHaveCount(2)
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(OUT, 'cjk-compare.png') })
  } finally {
    await host.stop()
  }
})
