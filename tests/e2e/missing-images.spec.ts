/**
 * An image that was not imported with a page (it lives beside the HTML file, or on the web) shows as its alt text in
 * a quiet box: no broken-image glyph, nothing fetched, and the DocBook note keeps its layout (icon cell spanning two
 * rows, heading "注意" beside it on one line). A new-user trial found Debian Reference's note icon drawn as a broken
 * image with "[注意]" and the heading squeezed into a one-character column. Real file: the start of chapter 1 of the
 * Chinese Debian Reference (tests/fixtures/SOURCES.md).
 */
import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const PAGE = join(
  REPO_ROOT,
  'tests',
  'fixtures',
  'documents',
  'debian',
  'debian-reference-ch01-notes.zh-cn.html',
)

test('an image that was not imported shows its alt text, not a broken image, and the note keeps its layout', async ({
  app,
  page,
}) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  const report = await app.importFiles([PAGE])
  await expect(report).toContainText('1 document imported')
  await report.getByRole('button', { name: 'Close report' }).click()
  await app.library.getByRole('button', { name: '第 1 章 GNU/Linux 教程' }).click()
  await app.reader.waitForText('大小写敏感')
  const frame = page.frameLocator('.reader iframe')

  // No <img> is left to break; the icon is named by its alt text and shows it.
  await expect(frame.locator('img')).toHaveCount(0)
  const icons = frame.getByRole('img', { name: '[注意]' })
  const icon = icons.last()
  await expect(icon).toBeAttached()
  await icon.scrollIntoViewIfNeeded()
  const drawn = await icon.evaluate((el) => getComputedStyle(el, '::before').content)
  expect(drawn).toBe('"[注意]"')

  // The note's table as DocBook lays it out: the icon cell spans both rows, the heading is on one line beside it,
  // and the note's text sits under the heading, not under the icon.
  const layout = await icon.evaluate((el) => {
    const table = el.closest('table') as HTMLTableElement
    const th = table.querySelector('th') as HTMLElement
    const text = table.rows[1]?.cells[0] as HTMLElement
    const line = Number.parseFloat(getComputedStyle(th).lineHeight)
    return {
      rowSpan: (el.closest('td') as HTMLTableCellElement).rowSpan,
      headingLines: Math.round(th.getBoundingClientRect().height / line),
      headingLeft: th.getBoundingClientRect().left,
      textLeft: text.getBoundingClientRect().left,
      iconRight: el.getBoundingClientRect().right,
    }
  })
  expect(layout.rowSpan).toBe(2)
  expect(layout.headingLines).toBe(1)
  expect(layout.textLeft).toBeCloseTo(layout.headingLeft, 0)
  expect(layout.textLeft).toBeGreaterThan(layout.iconRight)

  // The page's text is what it was: the alt text is drawn, not selectable page text.
  const text = await frame.locator('article').evaluate((el) => el.textContent ?? '')
  expect(text).not.toContain('[注意]')
  await page.screenshot({ path: test.info().outputPath('missing-images.png') })
  const outside = requests.filter(
    (url) => !url.startsWith(new URL(page.url()).origin) && !/^(?:data|blob|about):/.test(url),
  )
  expect(outside).toEqual([])
})
