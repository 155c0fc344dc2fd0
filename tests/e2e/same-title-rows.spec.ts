/**
 * Documents that share a title can be told apart in the library before one is opened: each row names its format and
 * language beside the title. (A new-user trial found a PDF and its TXT, both "Debian リファレンス", and four TeX Live
 * readmes in four languages, all "TeX Live", as identical rows.) Real files: Debian's project history in Japanese as
 * PDF and as TXT (one title, "Debian 小史"), and the Debian Manifesto in English and French.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import { LecternApp } from './pages/LecternApp'
import { expect, test } from './support/fixtures'
import { REPO_ROOT, startWebHost, tempLibraryDir } from './support/web-host'

const DEBIAN = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'debian')
const FILES = [
  'project-history.ja.pdf',
  'project-history.ja.txt',
  'manifesto.en.html',
  'manifesto.fr.html',
]

/** Whether `inner` is drawn whole inside `outer` (not cut by its overflow or pushed out of the row). */
async function drawnInside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()]
  if (!a || !b || a.width === 0) return false
  return a.x >= b.x - 0.5 && a.x + a.width <= b.x + b.width + 0.5
}

for (const viewport of [
  { width: 1400, height: 900 },
  { width: 1024, height: 700 },
]) {
  test(`rows that share a title show their format and language (${viewport.width}×${viewport.height})`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize(viewport)
    const report = await app.importFiles(FILES.map((file) => join(DEBIAN, file)))
    await expect(report).toContainText('4 documents imported')

    const rows = app.library.getByRole('row').filter({ hasText: 'Debian 小史' })
    await expect(rows).toHaveCount(2)
    const kinds = await rows.locator('.doc-kind').allInnerTexts()
    expect(kinds.map((kind) => kind.split('\n')[0]).sort()).toEqual(['PDF · ja', 'TXT · ja'])
    await expect(app.row('The Debian Manifesto').locator('.doc-kind')).toContainText('HTML · en')
    await expect(app.row('Le Manifeste de Debian').locator('.doc-kind')).toContainText('HTML · fr')

    // Seen whole in the title cell, and named for a screen reader in words.
    for (const row of await rows.all()) {
      const kind = row.locator('.doc-kind')
      expect(await drawnInside(kind, row.getByRole('gridcell').nth(1))).toBe(true)
      await expect(kind).toHaveAttribute('title', /^(PDF|TXT), Japanese$/)
    }
    await expect(
      app.library.getByRole('checkbox', { name: 'Select Debian 小史 (PDF, Japanese)' }),
    ).toHaveCount(1)
    await page.screenshot({
      path: test.info().outputPath(`same-title-rows-${viewport.width}.png`),
    })

    // The palette too: the shared title finds two rows, each naming its file, whole, in the row and its name.
    await page.keyboard.press('Control+p')
    const palette = page.getByRole('dialog', { name: 'Go to anything' })
    await palette.getByRole('combobox').fill('Debian 小史')
    const options = palette.getByRole('option').filter({ hasText: 'Debian 小史' })
    await expect(options).toHaveCount(2)
    expect((await options.locator('.palette-kind').allInnerTexts()).sort()).toEqual([
      'PDF · ja',
      'TXT · ja',
    ])
    await expect(palette.getByRole('option', { name: /^PDF · ja Debian 小史/ })).toHaveCount(1)
    for (const option of await options.all())
      expect(await drawnInside(option.locator('.palette-kind'), option)).toBe(true)
    await page.screenshot({
      path: test.info().outputPath(`same-title-palette-${viewport.width}.png`),
    })
    await page.keyboard.press('Escape')
  })
}

test('quote cards and compare columns name the format and language of their source', async ({
  page,
}) => {
  // Two quotes of the same words, one from the PDF and one from the TXT: "Debian 小史" alone cannot say which is which.
  const libraryDir = tempLibraryDir('lectern-kinds-')
  const cli = (...args: string[]) =>
    execFileSync(
      process.execPath,
      [join(REPO_ROOT, 'out', 'main', 'cli.js'), '--library', libraryDir, ...args],
      {
        encoding: 'utf8',
      },
    )
  cli('import', join(DEBIAN, 'project-history.ja.pdf'), join(DEBIAN, 'project-history.ja.txt'))
  const passage = '加えた変更点を明確に記していれば'
  for (const id of ['1', '2']) cli('quote', id, '--text', passage)
  const host = await startWebHost({ libraryDir })
  try {
    const app = new LecternApp(page)
    await app.open(host.url)
    const cards = app.quotes.region.getByRole('article')
    await expect(cards).toHaveCount(2)
    const cardKinds = await cards.locator('.doc-kind').allInnerTexts()
    expect(cardKinds.map((kind) => kind.split('\n')[0]).sort()).toEqual(['PDF · ja', 'TXT · ja'])
    // Search results: the format badge carries the language too.
    await app.search('変更点')
    const badges = await app.results
      .locator('.badge-format')
      .evaluateAll((els) => els.map((el) => el.textContent))
    expect(new Set(badges)).toEqual(new Set(['pdf · ja', 'txt · ja']))
    await page.keyboard.press('Escape')
    await cards.nth(0).getByRole('checkbox').check()
    await cards.nth(1).getByRole('checkbox').check()
    await app.quotes.compare()
    const columns = page.getByRole('article', { name: /^Column/ })
    await expect(columns).toHaveCount(2)
    const columnKinds = await columns.locator('.doc-kind').allInnerTexts()
    expect(columnKinds.map((kind) => kind.split('\n')[0]).sort()).toEqual(['PDF · ja', 'TXT · ja'])
    await page.screenshot({ path: test.info().outputPath('same-title-compare.png') })
  } finally {
    await host.stop()
  }
})
