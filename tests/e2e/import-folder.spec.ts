import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const SPEECHES = join(REPO_ROOT, 'tests', 'fixtures', 'e2e', 'speeches')

test('import a folder with a broken file: the failure is reported and the rest import', async ({
  app,
}) => {
  const folder = join(mkdtempSync(join(tmpdir(), 'lectern-e2e-folder-')), 'speeches')
  mkdirSync(folder)
  try {
    copyFileSync(join(SPEECHES, 'toys-for-tots.txt'), join(folder, 'toys-for-tots.txt'))
    copyFileSync(
      join(SPEECHES, 'congressional-service-event.txt'),
      join(folder, 'congressional-service-event.txt'),
    )
    // A PDF cut off after its header: the importer must say why it failed and carry on.
    writeFileSync(join(folder, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog\n')

    const report = await app.importFolder(folder)
    await expect(report).toContainText('2 documents imported')
    await expect(report).toContainText('1 failed')
    const failed = report.locator('details').filter({ hasText: 'Failed' })
    await expect(failed).toContainText('broken.pdf')
    await expect(failed.locator('.report-reason')).not.toBeEmpty()

    await expect(app.library.getByRole('heading', { level: 1 })).toContainText('2')
    await expect(app.row('Toys for Tots')).toBeVisible()
    await expect(app.row('Congressional Service Event')).toBeVisible()
  } finally {
    rmSync(join(folder, '..'), { recursive: true, force: true })
  }
})
