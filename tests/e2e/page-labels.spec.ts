import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

/**
 * Locators show the printed page (issue #12): the Debian New Maintainers' Guide numbers its front matter i–vi and its
 * body from 1 (/PageLabels), so the sentence on physical page 8 is cited, listed and found as "p. 2".
 */
const GUIDE = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'debian', 'maint-guide.en.pdf')
test.describe.configure({ timeout: 120_000 })

test('search results and find name the printed page label, not the physical page', async ({
  app,
  page,
}) => {
  await expect(await app.importFiles([GUIDE])).toContainText('1 document imported')
  await app.search('"very scarce resource"')
  const hit = app.results.getByRole('option').first()
  await expect(hit).toContainText(/Debian New Maintainers/)
  await expect(hit.locator('.snippet .page')).toHaveText('p. 2 ')
  await page.screenshot({ path: test.info().outputPath('result-page-label.png') })

  await app.searchBox.press('Enter')
  await expect(app.reader.region.locator('.find-count')).toHaveText('1 of 1')
  await expect(app.reader.region.locator('.find-page')).toHaveText('p. 2')
  // A match in the roman-numbered front matter: the contents page, printed "iv".
  await app.reader.find('Where to ask for help')
  await expect(app.reader.region.locator('.find-count')).toHaveText('1 of 2')
  await expect(app.reader.region.locator('.find-page')).toHaveText('p. iv')
  await page.screenshot({ path: test.info().outputPath('find-page-label.png') })
})
