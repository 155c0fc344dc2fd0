import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

// A real LaTeX-made PDF nobody on the project picked: the Debian New Maintainers' Guide (GPL, tests/fixtures/SOURCES.md).
const GUIDE = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'debian', 'maint-guide.en.pdf')
const TITLE = /Debian New Maintainers/

test.describe.configure({ timeout: 90_000 })

/** The text the browser has selected, and whether any selected range touches the page view's toolbar or pages. */
function selectionState(page: Page): Promise<{ text: string; overReader: boolean }> {
  return page.evaluate(() => {
    const selection = document.getSelection()
    const text = selection?.toString() ?? ''
    let overReader = false
    for (let i = 0; i < (selection?.rangeCount ?? 0); i++) {
      const range = selection?.getRangeAt(i)
      if (!range || range.collapsed) continue
      for (const element of document.querySelectorAll('.pdf-toolbar, .pdf-pages')) {
        if (range.intersectsNode(element)) overReader = true
      }
    }
    return { text, overReader }
  })
}

async function openByDoubleClick(page: Page, target: Locator): Promise<void> {
  await target.dblclick()
  await expect(page.getByRole('region', { name: /^Pages of / })).toBeVisible()
  await expect(page.locator('.pdf-page .textLayer span').first()).toBeAttached()
}

test('double-clicking a document in the library opens it with nothing selected in the reader', async ({
  app,
  page,
}) => {
  const report = await app.importFiles([GUIDE])
  await expect(report).toContainText('1 document imported')
  await page.getByRole('button', { name: 'Close report' }).click()

  // On the title: its first click opens the reader, the second lands on whatever the reader put there.
  await openByDoubleClick(page, app.library.getByRole('button', { name: TITLE }))
  await page.screenshot({ path: test.info().outputPath('after-dblclick-title.png') })
  expect(await selectionState(page)).toEqual({ text: '', overReader: false })

  // On the row's other cells (byline, date): the row's double-click opens it.
  await page.getByRole('button', { name: '← Back' }).click()
  await openByDoubleClick(page, app.row('Debian New Maintainers').locator('.cell-muted').first())
  await page.screenshot({ path: test.info().outputPath('after-dblclick-row.png') })
  expect(await selectionState(page)).toEqual({ text: '', overReader: false })
})
