/**
 * Issue #11 defect 8: a library that fails its check at open is read-only until restored, and only the CLI could
 * restore it. The app now says so at the top of the window and restores the newest good backup itself.
 * A real library: seeded, backed up by the real CLI, then damaged on disk (pages overwritten) before the host opens.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { fixtureArticles } from './support/fixture-articles'
import { seedLibrary } from './support/seed-library'
import { REPO_ROOT, startWebHost } from './support/web-host'

const PAGE = 4096

/** Overwrite whole pages in the middle of the file with garbage, as a failing disk would. */
function damage(file: string): void {
  const pages = Math.floor(statSync(file).size / PAGE)
  const fd = openSync(file, 'r+')
  try {
    for (const page of [Math.floor(pages / 2), Math.floor(pages / 2) + 1, 2]) {
      const junk = Buffer.alloc(PAGE, (page * 37) % 251)
      writeSync(fd, junk, 0, PAGE, (page - 1) * PAGE)
    }
  } finally {
    closeSync(fd)
  }
}

test('a damaged library says so and is restored from the newest good backup in the app', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-e2e-damaged-'))
  const libraryDir = join(dir, 'library')
  try {
    seedLibrary({ libraryDir, articles: fixtureArticles(), count: 60 })
    const backup = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'out', 'main', 'cli.js'), 'backup', '--library', libraryDir],
      { encoding: 'utf8' },
    )
    expect(backup.status, backup.stderr).toBe(0)
    damage(join(libraryDir, 'library.sqlite'))

    const host = await startWebHost({ libraryDir })
    try {
      await page.goto(host.url)
      const banner = page.getByRole('alert').filter({ hasText: 'This library is damaged' })
      await expect(banner).toBeVisible()
      await expect(banner).toContainText('read-only')
      await page.screenshot({ path: test.info().outputPath('damaged-library.png') })

      await banner.getByRole('button', { name: 'Restore from the newest good backup' }).click()
      await expect(banner).toBeHidden()
      await expect(page.getByText(/Restored the backup of/)).toBeVisible()
      // The restored library is the backed-up one, whole: every seeded document is listed again.
      await expect(page.getByRole('region', { name: 'Library' })).toContainText('60')
      await page.screenshot({ path: test.info().outputPath('restored-library.png') })
    } finally {
      await host.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
