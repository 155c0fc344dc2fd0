import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { callApi } from './support/api'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

// A real PDF nobody on the project wrote: the Debian New Maintainers' Guide (GPL, see tests/fixtures/SOURCES.md).
const GUIDE = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'debian', 'maint-guide.en.pdf')
const TITLE = /Debian New Maintainers/
// Once in the book, on page 48; its words ("old", "and", "new", "upstream") are all over the table of contents.
const PHRASE = 'old and new upstream sources'

// Importing a 60-page PDF, and pdf.js laying out a page's text, take seconds on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 })
const PAGE_TIMEOUT = 30_000

/** Ranges under a named highlight, in the page or in the document frame, with whether each is on screen. */
function highlighted(page: Page, name: string): Promise<{ text: string; onScreen: boolean }[]> {
  return page.evaluate((name) => {
    const frame = document.querySelector<HTMLIFrameElement>('.reader iframe')
    const view = (frame?.contentWindow ?? window) as Window & typeof globalThis
    const highlight = view.CSS.highlights.get(name) as Iterable<Range> | undefined
    const scroller = document.querySelector('.reader .document-scroll, .reader .pdf-pages')
    const box = (frame ?? scroller)?.getBoundingClientRect()
    return [...(highlight ?? [])].map((range) => {
      const rect = range.getBoundingClientRect()
      const top = rect.top + (frame ? (box?.top ?? 0) : 0)
      return {
        text: range.toString().replace(/\s+/g, ' '),
        onScreen: Boolean(
          box && rect.height > 0 && top >= box.top && top + rect.height <= box.bottom,
        ),
      }
    })
  }, name)
}

test('opening a search hit lands on the passage that matched, and a phrase find counts the phrase', async ({
  app,
  page,
  host,
}) => {
  const report = await app.importFiles([GUIDE])
  await expect(report).toContainText('1 document imported')

  // A phrase query keeps its quotes all the way into the reader.
  await app.search(`"${PHRASE}"`)
  await expect(app.results.getByRole('option').first()).toContainText(TITLE)
  await app.searchBox.press('Enter')
  await expect(app.reader.heading()).toHaveText(TITLE)
  const findBox = page.getByRole('textbox', { name: 'Find in document' })
  await expect(findBox).toHaveValue(`"${PHRASE}"`)
  const count = app.reader.region.locator('.find-count')
  await expect(count).toHaveText('1 of 1')
  // The matched passage itself is on screen and highlighted — not the first "old" of the table of contents.
  await expect
    .poll(() => highlighted(page, 'find-current'), { timeout: PAGE_TIMEOUT })
    .toEqual([{ text: PHRASE, onScreen: true }])

  // Find treats typed words as a phrase by default: the count is the phrase's, checked against the stored text.
  const detail = await callApi<{ text: string; id: number }>(page, host, 'documents.get', {
    id: (await callApi<{ documents: { id: number }[] }>(page, host, 'documents.list', {}))
      .documents[0]?.id,
  })
  const phraseCount = detail.text.match(/\bnew\s+upstream\s+release\b/gi)?.length ?? 0
  expect(phraseCount).toBeGreaterThan(1)
  await findBox.fill('new upstream release')
  await expect(count).toHaveText(`1 of ${phraseCount}`)
  // "Match any word" is visible and says what it does: every "new", "upstream" and "release" then counts.
  const anyWord = app.reader.region.getByRole('checkbox', { name: 'Match any word' })
  await expect(anyWord).not.toBeChecked()
  await anyWord.check()
  // Words as the index splits them (letters and digits); the last word typed is a prefix ("released").
  const wordCount =
    detail.text.match(/(?<![\p{L}\p{N}])(?:new|upstream|release\p{L}*)(?![\p{L}\p{N}])/giu)
      ?.length ?? 0
  await expect(count).toHaveText(`1 of ${wordCount}`)
  expect(wordCount).toBeGreaterThan(phraseCount * 3)
  await anyWord.uncheck()
  await expect(count).toHaveText(`1 of ${phraseCount}`)
  await page.screenshot({ path: test.info().outputPath('phrase-find.png') })
})

test('a word query opens at its best passage, and the hit’s other passages are one keystroke away', async ({
  app,
  page,
}) => {
  await app.importFiles([GUIDE])
  await app.search('quilt dpkg-source')
  const hit = app.results.getByRole('option').first()
  await expect(hit).toContainText(TITLE)
  await expect(hit.locator('.snippet')).toHaveCount(3)
  await app.searchBox.press('Enter')
  const passages = page.getByRole('group', { name: 'Passages that matched the search' })
  await expect(passages).toContainText('Passage 1 of 3')
  const current = async () => (await highlighted(page, 'find-current'))[0]
  await expect
    .poll(current, { timeout: PAGE_TIMEOUT })
    .toEqual({ text: expect.stringMatching(/quilt|dpkg-source/i), onScreen: true })
  const first = await page
    .locator('.reader .document-scroll, .reader .pdf-pages')
    .evaluate((element) => element.scrollTop)
  await page.keyboard.press('Alt+ArrowDown')
  await expect(passages).toContainText('Passage 2 of 3')
  await expect
    .poll(() =>
      page
        .locator('.reader .document-scroll, .reader .pdf-pages')
        .evaluate((element) => element.scrollTop),
    )
    .not.toBe(first)
  await expect
    .poll(current, { timeout: PAGE_TIMEOUT })
    .toEqual({ text: expect.stringMatching(/quilt|dpkg-source/i), onScreen: true })
  await page.screenshot({ path: test.info().outputPath('hit-passages.png') })
})
