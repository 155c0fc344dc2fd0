/**
 * "Did you mean" as a reader of German, French and Vietnamese meets it: the link shows the word as the source prints
 * it (accents, tones, a German noun's capital), never the index's folded term, and clicking it searches and finds
 * the document. The Debian Manifesto (debian-history) and a maint-guide-vi chapter, imported with the lectern
 * command. Screenshots go to LECTERN_SCREENSHOT_DIR (or the temp folder) for review.
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

test('the did-you-mean link shows the printed word and finds the document', async ({ page }) => {
  test.setTimeout(120_000)
  mkdirSync(OUT, { recursive: true })
  const libraryDir = tempLibraryDir('lectern-did-you-mean-')
  execFileSync(process.execPath, [
    join(REPO_ROOT, 'out', 'main', 'cli.js'),
    'import',
    '--library',
    libraryDir,
    join(DEBIAN, 'manifesto.de.html'),
    join(DEBIAN, 'manifesto.fr.html'),
    join(DEBIAN, 'maint-guide-upload.vi.html'),
  ])
  const host = await startWebHost({ libraryDir })
  try {
    const app = new LecternApp(page)
    await app.open(host.url)
    const didYouMean = page.locator('.did-you-mean')

    for (const [typed, printed, title] of [
      ['Unterstutzng', 'Unterstützung', /Das Debian-Manifest/],
      ['developement', 'développement', /Le Manifeste de Debian/],
      ['nhuung', 'những', /Chương 9/],
    ] as const) {
      await app.searchBox.fill('')
      await app.search(typed)
      const link = didYouMean.getByRole('button', { name: printed, exact: true })
      await expect(link).toBeVisible()
      // The index's folded term ("unterstutzung", "developpement", "nhung") appears nowhere in the hint.
      const folded = printed.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
      expect((await didYouMean.textContent())?.toLowerCase()).not.toContain(folded)
      await page.screenshot({ path: join(OUT, `did-you-mean-${typed}.png`) })
      await link.click()
      await expect(app.searchBox).toHaveValue(printed)
      const first = app.results.getByRole('option').first()
      await expect(first).toContainText(title)
      await page.screenshot({ path: join(OUT, `did-you-mean-followed-${typed}.png`) })
      // Marked as printed (stemming marks the word's other forms too).
      await expect.poll(() => first.locator('mark').allTextContents()).toContain(printed)
    }
  } finally {
    await host.stop()
  }
})
