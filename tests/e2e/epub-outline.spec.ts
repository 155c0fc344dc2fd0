import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

// A real EPUB 3 nobody on the project wrote: the Debian Developer's Reference (GPL, tests/fixtures/SOURCES.md).
const BOOK = join(
  REPO_ROOT,
  'tests',
  'fixtures',
  'documents',
  'debian',
  'developers-reference.epub',
)
// dc:title is a slug ("developers-reference"); the book's own heading is the title (issue 13).
const TITLE = "Debian Developer's Reference"
const ENTRY = 'Debian mentors and sponsors'

test.describe.configure({ timeout: 120_000 })

/** Where the first heading with this text sits in the document frame's viewport (null: not found). */
function headingTop(page: Page, text: string): Promise<{ top: number; height: number } | null> {
  return page.evaluate((text) => {
    const frame = document.querySelector<HTMLIFrameElement>('.reader iframe')
    const doc = frame?.contentDocument
    const heading = [...(doc?.querySelectorAll('h1, h2, h3, h4') ?? [])].find((element) =>
      element.textContent?.replace(/\s+/g, ' ').includes(text),
    )
    if (!heading || !frame?.contentWindow) return null
    return { top: heading.getBoundingClientRect().top, height: frame.contentWindow.innerHeight }
  }, text)
}

test('an EPUB’s outline entries and its own table-of-contents links go to their chapter, inside the reader', async ({
  app,
  page,
}) => {
  // Imported as a person would (Import → pick the file); a 45,000-word book takes a while on a busy machine.
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await (await chooser).setFiles([BOOK])
  const report = page.getByRole('complementary', { name: 'Import report' })
  await expect(report).toContainText('1 document imported', { timeout: 90_000 })
  await app.library.getByRole('button', { name: TITLE }).click()
  await expect(app.reader.heading()).toHaveText(TITLE)
  await app.reader.waitForText(ENTRY)
  const before = await headingTop(page, ENTRY)
  expect(before && before.top > before.height, 'the section starts out of sight').toBe(true)

  await app.reader.region.getByRole('button', { name: 'Outline', exact: true }).click()
  const outline = page.getByRole('navigation', { name: 'Outline' })
  await expect(outline).toBeVisible()
  await outline.getByRole('button', { name: ENTRY }).click()
  await expect
    .poll(async () => {
      const at = await headingTop(page, ENTRY)
      return Boolean(at && at.top >= 0 && at.top < at.height / 2)
    })
    .toBe(true)
  await page.screenshot({ path: test.info().outputPath('epub-outline.png') })

  // The book's own contents links scroll the frame too, and never navigate it or the app.
  const url = page.url()
  const frame = page.frameLocator('.reader iframe')
  await frame.locator('body').evaluate(() => window.scrollTo(0, 0))
  await frame.getByRole('link', { name: '3.2.2. Maintaining your public key', exact: true }).click()
  await expect
    .poll(async () => {
      const at = await headingTop(page, 'Maintaining your public key')
      return Boolean(at && at.top >= -5 && at.top < at.height / 2)
    })
    .toBe(true)
  expect(page.url()).toBe(url)
  // Links are link-coloured; text that is only an anchor target is not.
  const colours = await frame.locator('body').evaluate(() => {
    const link = document.querySelector('a[href^="#"]')
    const paragraph = document.querySelector('p')
    return [link && getComputedStyle(link).color, paragraph && getComputedStyle(paragraph).color]
  })
  expect(colours[0]).not.toBe(colours[1])
})
