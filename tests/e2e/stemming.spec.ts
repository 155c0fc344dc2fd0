/**
 * Stemmed search as a new user meets it (issue #14): the Debian Manifesto in English and German, imported with the
 * lectern command; a word the text never prints finds the forms it does print, highlighted as printed; `=word` finds
 * the exact form only; the details panel says where the document's language came from. Screenshots go to
 * LECTERN_SCREENSHOT_DIR (or the temp folder) for review.
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

test('a word finds its other forms, marked as printed; =word finds the exact form only', async ({
  page,
}) => {
  test.setTimeout(120_000)
  mkdirSync(OUT, { recursive: true })
  const libraryDir = tempLibraryDir('lectern-stems-')
  execFileSync(process.execPath, [
    join(REPO_ROOT, 'out', 'main', 'cli.js'),
    'import',
    '--library',
    libraryDir,
    join(DEBIAN, 'manifesto.en.html'),
    join(DEBIAN, 'manifesto.de.html'),
  ])
  const host = await startWebHost({ libraryDir })
  try {
    const app = new LecternApp(page)
    await app.open(host.url)

    // "distribute" is not in the English manifesto; "distributed" and "distribution" are. The last word typed is
    // a prefix, so the stemmed word comes first.
    await app.search('distribute debian')
    const hit = app.results.getByRole('option').first()
    await expect(hit).toContainText('Debian Manifesto')
    const marks = hit.locator('mark')
    await expect(marks.first()).toBeVisible()
    const marked = (await marks.allTextContents()).map((m) => m.toLowerCase())
    expect(marked.some((m) => m === 'distributed' || m === 'distribution')).toBe(true)
    expect(marked).not.toContain('distribute')
    await page.screenshot({ path: join(OUT, 'stemming-search.png') })

    // German: "kommerzielle" is printed, "kommerziell" is not.
    await app.searchBox.fill('')
    await app.search('kommerziell lang:de')
    await expect(app.results.getByRole('option').first().locator('mark').first()).toHaveText(
      /^kommerzielle[n]?$/i,
    )

    // The exact form only: nothing.
    await app.searchBox.fill('')
    await app.search('=distribute debian')
    await expect(app.results.getByRole('option')).toHaveCount(0)
    await page.screenshot({ path: join(OUT, 'stemming-exact.png') })

    // The details panel says the language was detected (the page declares none).
    await app.searchBox.fill('')
    await app.search('distribute debian')
    await app.searchBox.press('Enter')
    await expect(app.reader.heading()).toContainText('Debian Manifesto')
    await app.reader.region.getByRole('button', { name: 'Details', exact: true }).click()
    const details = page.getByRole('form', { name: 'Document details' })
    await expect(details).toContainText('Language detected from the text.')
    await page.screenshot({ path: join(OUT, 'stemming-details.png') })
  } finally {
    await host.stop()
  }
})
