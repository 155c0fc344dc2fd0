/**
 * Greek and Arabic search as a reader meets it: words typed without accents (Greek) or without the article and with
 * Persian letters (Arabic) find the words the pages print, and the result's passage and the reader's find bar mark
 * the printed words (the same ones the index matched). Real pages of the Debian Administrator's Handbook
 * (tests/fixtures/documents/debian, GPL-2.0+ or CC-BY-SA-3.0). Screenshots go to LECTERN_SCREENSHOT_DIR.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { LecternApp } from './pages/LecternApp'
import { REPO_ROOT, startWebHost, tempLibraryDir } from './support/web-host'

const OUT = process.env.LECTERN_SCREENSHOT_DIR ?? join(tmpdir(), 'lectern-screenshots')
const DEBIAN = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'debian')

/** The text of the ranges under a named highlight, in the page or in the document frame. */
function highlighted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((name) => {
    const frame = document.querySelector<HTMLIFrameElement>('.reader iframe')
    const view = (frame?.contentWindow ?? window) as Window & typeof globalThis
    const highlight = view.CSS.highlights.get(name) as Iterable<Range> | undefined
    return [...(highlight ?? [])].map((range) => range.toString())
  }, name)
}

test('unaccented Greek and bare Arabic words find and mark the printed words', async ({ page }) => {
  test.setTimeout(120_000)
  mkdirSync(OUT, { recursive: true })
  const libraryDir = tempLibraryDir('lectern-fold-')
  execFileSync(process.execPath, [
    join(REPO_ROOT, 'out', 'main', 'cli.js'),
    'import',
    '--library',
    libraryDir,
    join(DEBIAN, 'debian-handbook-who-is-this-book-for.el.html'),
    join(DEBIAN, 'debian-handbook-kernel-role.ar.html'),
  ])
  const host = await startWebHost({ libraryDir })
  try {
    const app = new LecternApp(page)
    await app.open(host.url)

    // Greek typed without accents, as many Greeks type: the page prints "βιβλίο".
    await app.search('βιβλιο')
    const hit = app.results.getByRole('option').first()
    await expect(hit).toContainText('Για ποιόν είναι αυτό το βιβλίο')
    await expect(hit.locator('mark').first()).toHaveText(/^βιβλίο$/i)
    await page.screenshot({ path: join(OUT, 'fold-greek-search.png') })
    await app.searchBox.press('Enter')
    await expect(app.reader.heading()).toContainText('Για ποιόν')
    expect(await app.reader.find('βιβλιο')).toMatch(/^[1-9][0-9]* of [1-9]/)
    await expect.poll(() => highlighted(page, 'find-current')).toEqual(['βιβλίο'])
    const all = await highlighted(page, 'find-match')
    for (const word of all) expect(word.toLowerCase()).toBe('βιβλίο')
    await page.screenshot({ path: join(OUT, 'fold-greek-find.png') })

    // Arabic: the bare word finds its form with the article; the find bar marks النواة.
    await app.searchBox.fill('')
    await app.search('نواة')
    const arabic = app.results.getByRole('option').first()
    await expect(arabic).toContainText('بعض المهام التي تتحكم بها النواة')
    await expect(arabic.locator('mark').first()).toHaveText(/^(ال|وال|بال|لل)?نواة$/)
    await app.searchBox.press('Enter')
    await expect(app.reader.heading()).toContainText('النواة')
    expect(await app.reader.find('نواة')).toMatch(/^[1-9][0-9]* of [1-9][0-9]+$/)
    await expect.poll(() => highlighted(page, 'find-current')).toHaveLength(1)
    expect((await highlighted(page, 'find-current'))[0]).toMatch(/نواة$/)
    await page.screenshot({ path: join(OUT, 'fold-arabic-find.png') })
  } finally {
    await host.stop()
  }
})
