import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { manyPagesPdf, unpaintablePdf } from '../../scripts/gen-hostile-fixtures'
import { expect, test } from './support/fixtures'

/**
 * "A PDF whose pages fail to render shows its text view and a one-line reason" (#12, bad input). The PDF is imported
 * whole (its text extracts), then its stored original is damaged on disk, keeping its size so that the library's cheap
 * check still calls it stored: only pdf.js in the page view meets the damage.
 */

test.describe.configure({ timeout: 90_000 })

/** The one stored original of the test's library. */
function storedOriginal(libraryDir: string): string {
  const found: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.pdf')) found.push(path)
    }
  }
  walk(join(libraryDir, 'files'))
  expect(found).toHaveLength(1)
  return found[0] as string
}

/** Rewrite a file in place with same-length bytes. */
function damage(path: string, change: (latin1: string) => string): void {
  const before = readFileSync(path).toString('latin1')
  const after = change(before)
  expect(after.length).toBe(before.length)
  expect(after).not.toBe(before)
  writeFileSync(path, Buffer.from(after, 'latin1'))
}

async function importGenerated(
  app: import('./pages/LecternApp').LecternApp,
  pages: number,
): Promise<void> {
  const file = test.info().outputPath('many-pages.pdf')
  writeFileSync(file, manyPagesPdf(pages))
  const report = await app.importFiles([file])
  await expect(report).toContainText('1 document imported')
}

test('a PDF whose pages cannot be drawn (broken page tree) opens in its text view with a one-line reason', async ({
  app,
  page,
  host,
}) => {
  await importGenerated(app, 6)
  // The first three entries of the page tree now point at content streams instead of pages: pdf.js cannot get those
  // pages (so cannot draw them), and its repair of the tree no longer finds the pages the text came from.
  damage(storedOriginal(host.libraryDir), (text) =>
    text.replace(/\/Kids \[(\d+) 0 R (\d+) 0 R (\d+) 0 R/, (all, a, b, c) =>
      `/Kids [${Number(a) - 1} 0 R ${Number(b) - 1} 0 R ${Number(c) - 1} 0 R`.padEnd(
        all.length,
        ' ',
      ),
    ),
  )
  await app.library.getByRole('button', { name: 'Many pages' }).click()

  const reason = app.reader.region.getByRole('status').filter({ hasText: 'Showing the text' })
  await expect(reason).toHaveText(
    /^Showing the text: the pages could not be shown \(the stored file has 1 page, its text 6: it may have been changed\)\.$/,
  )
  await expect(page.getByRole('region', { name: /^Pages of / })).toBeHidden()
  await app.reader.waitForText('Page 1 of a very long generated document.')
  await app.reader.waitForText('Page 6 of a very long generated document.')
  // One line: the reason does not wrap onto a second line in the reader's width.
  const box = await reason.boundingBox()
  expect(box?.height ?? 0).toBeLessThan(40)
  await page.screenshot({ path: test.info().outputPath('pages-failed.png') })
  // Asking for the pages again tries again, and falls back again.
  await app.reader.region.getByRole('button', { name: 'Page view' }).click()
  await expect(reason).toBeVisible()
  await expect(
    app.reader.region.getByText('Page 1 of a very long generated document.'),
  ).toBeVisible()
})

test('a PDF whose stored bytes are unreadable opens in its text view with a one-line reason', async ({
  app,
  page,
  host,
}) => {
  await importGenerated(app, 3)
  // Overwritten with zeros, same size: not a PDF any more.
  damage(storedOriginal(host.libraryDir), (text) => '\u0000'.repeat(text.length))
  await app.library.getByRole('button', { name: 'Many pages' }).click()

  const reason = app.reader.region.getByRole('status').filter({ hasText: 'Showing the text' })
  await expect(reason).toHaveText(
    'Showing the text: the pages could not be shown (the stored file is not a readable PDF).',
  )
  await expect(page.getByRole('region', { name: /^Pages of / })).toBeHidden()
  await app.reader.waitForText('Page 3 of a very long generated document.')
  await page.screenshot({ path: test.info().outputPath('original-unreadable.png') })
})

test('a PDF whose pages pdf.js cannot draw (tiling pattern with a zero step) opens in its text view with the reason', async ({
  app,
  page,
}) => {
  // Nothing is damaged: the file is valid enough to import (its text extracts), but drawing any page throws in
  // pdf.js's canvas code, so the page view's own failure path (PdfView onPageError) takes over.
  const file = test.info().outputPath('unpaintable.pdf')
  writeFileSync(file, unpaintablePdf(6))
  await expect(await app.importFiles([file])).toContainText('1 document imported')
  await app.library.getByRole('button', { name: 'Unpaintable pages' }).click()

  const reason = app.reader.region.getByRole('status').filter({ hasText: 'Showing the text' })
  await expect(reason).toHaveText(
    /^Showing the text: the pages could not be shown \(page \d could not be drawn: Invalid canvas size\)\.$/,
  )
  const box = await reason.boundingBox()
  expect(box?.height ?? 0).toBeLessThan(40)
  await expect(page.getByRole('region', { name: /^Pages of / })).toBeHidden()
  // The text view works: every page's words, and find in them.
  await app.reader.waitForText('Page 1 keeps its words though its picture cannot be drawn.')
  await app.reader.waitForText('Page 6 keeps its words though its picture cannot be drawn.')
  expect(await app.reader.find('picture cannot be drawn')).toBe('1 of 6')
  await page.screenshot({ path: test.info().outputPath('pages-undrawable.png') })
})
