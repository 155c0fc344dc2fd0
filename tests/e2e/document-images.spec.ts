import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

// A one-chapter EPUB whose figure sits at `OEBPS/images/gradient figure.png` and is referenced from
// `OEBPS/text/chapter-1.xhtml` as `../images/gradient%20figure.png`, beside one remote image (tests/fixtures/e2e/SOURCES.md).
const BOOK = join(REPO_ROOT, 'tests', 'fixtures', 'e2e', 'figure-chapter.epub')
const TITLE = 'A Chapter With a Figure'

test('an EPUB’s own figure shows in the reader from the stored original; the remote image stays a placeholder and nothing leaves the origin', async ({
  app,
  page,
  host,
}) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  const report = await app.importFiles([BOOK])
  await expect(report).toContainText('1 document imported')
  await app.library.getByRole('button', { name: TITLE }).click()
  await expect(app.reader.heading()).toHaveText(TITLE)
  await app.reader.waitForText('a gradient follows')

  const frame = page.frameLocator('.reader iframe')
  const figure = frame.getByRole('img', { name: 'A colour gradient, 120 by 60 pixels' })
  await expect(figure).toBeVisible()
  await expect
    .poll(() => figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(120)
  const src = await figure.evaluate((img: HTMLImageElement) => img.src)
  expect(src.startsWith(`${host.origin}/files/`), src).toBe(true)
  expect(decodeURIComponent(new URL(src).pathname)).toMatch(
    /^\/files\/\d+\/OEBPS\/images\/gradient figure\.png$/,
  )

  // The image that is not in the book is never fetched: a placeholder, with its address kept for the curious.
  const remote = frame.getByRole('img', { name: 'remote image' })
  expect(await remote.getAttribute('data-blocked-src')).toBe('https://example.invalid/remote.png')
  expect(await remote.getAttribute('src')).toBeNull()

  // The frame's own CSP names only this document's files on our origin for images.
  const csp = await frame
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
  expect(csp).toMatch(
    new RegExp(`img-src data: ${host.origin.replace(/[.:/]/g, '\\$&')}/files/\\d+/;`),
  )

  await page.screenshot({ path: test.info().outputPath('document-images.png') })
  const outside = requests.filter(
    (url) => !url.startsWith(host.origin) && !/^(?:data|blob|about):/.test(url),
  )
  expect(outside).toEqual([])
  expect(requests.some((url) => url.includes('/files/'))).toBe(true)
})

// A one-paragraph DOCX whose drawing embeds `word/media/figure1.png` (tests/fixtures/e2e/SOURCES.md).
test('a DOCX’s embedded picture shows in the reader from the stored original', async ({
  app,
  page,
  host,
}) => {
  const report = await app.importFiles([
    join(REPO_ROOT, 'tests', 'fixtures', 'e2e', 'figure-paragraph.docx'),
  ])
  await expect(report).toContainText('1 document imported')
  await app.library.getByRole('button', { name: 'A Paragraph With a Figure' }).click()
  await app.reader.waitForText('a gradient follows')
  const figure = page
    .frameLocator('.reader iframe')
    .getByRole('img', { name: 'A green-blue gradient, 120 by 60 pixels' })
  await expect
    .poll(() => figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(120)
  const src = await figure.evaluate((img: HTMLImageElement) => img.src)
  expect(new URL(src).origin).toBe(host.origin)
  expect(new URL(src).pathname).toMatch(/^\/files\/\d+\/word\/media\/figure1\.png$/)
  await page.screenshot({ path: test.info().outputPath('docx-image.png') })
})
