/**
 * What a new user saw in trial 7, through the browser upload path: ten rows called "README", a DOCX titled by its
 * first equation, an EPUB byline naming the same team twice ("Developer's Reference Team · Developer's Reference
 * Team"). The fixtures are real Debian files; the folder pick uploads them with their relative paths.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const DEBIAN = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'debian')

test('a README is titled with its folder, an equation is no title, and a byline names its author once', async ({
  app,
  page,
}) => {
  const folder = join(mkdtempSync(join(tmpdir(), 'lectern-e2e-metafix-')), 'docs')
  mkdirSync(join(folder, 'libmpfr6'), { recursive: true })
  try {
    copyFileSync(join(DEBIAN, 'libmpfr6', 'README'), join(folder, 'libmpfr6', 'README'))
    copyFileSync(
      join(DEBIAN, 'test-word-latinmodern_math.docx'),
      join(folder, 'test-word-latinmodern_math.docx'),
    )
    copyFileSync(
      join(DEBIAN, 'developers-reference.epub'),
      join(folder, 'developers-reference.epub'),
    )
    const report = await app.importFolder(folder)
    await expect(report).toContainText('3 documents imported')
    await page.getByRole('button', { name: 'Close report' }).click()

    await expect(app.row('libmpfr6 README')).toBeVisible()
    await expect(app.row('test word latinmodern math')).toBeVisible()
    await expect(app.library).not.toContainText('Ȧť')
    const epubRow = app.row("Debian Developer's Reference")
    await expect(epubRow).toContainText("Developer's Reference Team")
    await expect(epubRow).not.toContainText(/Reference Team.*Reference Team/)
    await page.screenshot({ path: test.info().outputPath('library.png') })

    await app.library.getByRole('button', { name: "Debian Developer's Reference" }).click()
    const byline = app.reader.region.locator('.byline')
    await expect(byline).toContainText("Developer's Reference Team")
    await expect(byline).toHaveText(/^Developer's Reference Team · [\d,]+ words$/)
    await page.screenshot({ path: test.info().outputPath('epub-byline.png') })
  } finally {
    rmSync(join(folder, '..'), { recursive: true, force: true })
  }
})
