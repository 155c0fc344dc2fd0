import { join } from 'node:path'
import { callApi } from './support/api'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

// A sentence that runs over a page break under a running head ("A Brief History of Debian 4 / 21", printed at the top
// of page 10 of the Debian history; tests/fixtures/metadata-set/SOURCES.md). Its paragraph is stored as one paragraph
// (pdf-page-flow.ts: one space at the break, page 10 still starting at "apt"). A quote selected across the break on
// the printed pages holds the sentence's words and nothing of the running head, and is drawn on both pages and over
// the same words in the text view, where the sentence is one paragraph.
const HISTORY = join(REPO_ROOT, 'tests', 'fixtures', 'metadata-set', 'project-history.en.pdf')
const TITLE = /A Brief History of Debian/
const HEAD = 'A Brief History of Debian 4 / 21'

test.describe.configure({ timeout: 120_000 })

type SavedQuote = { exact: string; start: number; end: number; page: number | null }

test('a quote selected across a page break on the printed pages leaves the running head out and shows in both views', async ({
  app,
  page,
  host,
}) => {
  const report = await app.importFiles([HISTORY])
  await expect(report).toContainText('1 document imported')
  await app.library.getByRole('button', { name: TITLE }).click()
  await expect(app.reader.heading()).toHaveText(TITLE)
  const { documents } = await callApi<{ documents: { id: number }[] }>(
    page,
    host,
    'documents.list',
    {},
  )
  const id = documents[0]?.id
  const detail = await callApi<{ text: string }>(page, host, 'documents.get', { id })
  // Stored: the sentence whole, one paragraph across the page boundary.
  expect(detail.text).toContain('Widely emulated, apt addressed issues')
  expect(detail.text).not.toContain(HEAD)

  // On the printed pages: bring the bottom of page 9 and the top of page 10 into view.
  const pagesRegion = page.getByRole('region', { name: /^Pages of / })
  await expect(pagesRegion).toBeVisible()
  await page.keyboard.press('Control+f')
  await page.getByRole('textbox', { name: 'Find in document' }).fill('Widely emulated')
  await expect(app.reader.region.locator('.find-count')).toHaveText('1 of 1')
  await page.getByRole('button', { name: 'Close find' }).click()
  const head = pagesRegion.locator('.pdf-page[data-page="9"] .textLayer span', {
    hasText: 'Widely emulated',
  })
  const tail = pagesRegion.locator('.pdf-page[data-page="10"] .textLayer span', {
    hasText: 'apt addressed issues',
  })
  await head.first().scrollIntoViewIfNeeded()
  await expect(head.first()).toBeAttached()
  await expect(tail.first()).toBeAttached()
  // The running head is on the page as printed (the page view removes nothing).
  await expect(pagesRegion.locator('.pdf-page[data-page="10"] .textLayer')).toContainText(
    'A Brief History of Debian',
  )

  // Select from "Widely emulated," on page 9 to "apt addressed issues" on page 10, over the running head.
  const selected = await page.evaluate(() => {
    const textNode = (page: number, words: string): [Text, number] => {
      const layer = document.querySelector(`.pdf-page[data-page="${page}"] .textLayer`)
      const walker = document.createTreeWalker(layer as Node, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(words)
        if (at >= 0) return [node as Text, at]
      }
      throw new Error(`no “${words}” on page ${page}`)
    }
    const [startNode, startAt] = textNode(9, 'Widely emulated,')
    const [endNode, endAt] = textNode(10, 'apt addressed issues')
    const range = document.createRange()
    range.setStart(startNode, startAt)
    range.setEnd(endNode, endAt + 'apt addressed issues'.length)
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
    return selection?.toString() ?? ''
  })
  expect(selected).toContain(HEAD.slice(0, 20)) // the selection on the page does pass over the head
  await page.getByRole('button', { name: 'Save quote', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'New quote' })
  await dialog.getByRole('button', { name: 'Save quote', exact: true }).click()
  await expect(dialog).toBeHidden()

  const { quotes } = await callApi<{ quotes: SavedQuote[] }>(page, host, 'quotes.list', {})
  expect(quotes).toHaveLength(1)
  const quote = quotes[0] as SavedQuote
  expect(quote.exact).toBe('Widely emulated, apt addressed issues')
  expect(quote.page).toBe(9)
  expect(detail.text.slice(quote.start, quote.end)).toBe(quote.exact)
  // Drawn on both pages, and not over the running head between them.
  await page.evaluate(() => window.getSelection()?.removeAllRanges())
  for (const n of [9, 10])
    await expect(
      pagesRegion.locator(`.pdf-page[data-page="${n}"] .pdf-mark.quote-mark-yellow`).first(),
    ).toBeVisible()
  const headBox = await pagesRegion
    .locator('.pdf-page[data-page="10"] .textLayer span', { hasText: 'A Brief History of Debian' })
    .first()
    .boundingBox()
  const marks = pagesRegion.locator('.pdf-page[data-page="10"] .pdf-mark.quote-mark-yellow')
  for (const box of await marks.evaluateAll((all) =>
    all.map((m) => {
      const r = m.getBoundingClientRect()
      return { top: r.top, bottom: r.bottom }
    }),
  ))
    expect(box.top, 'the mark lies below the running head').toBeGreaterThanOrEqual(
      (headBox?.y ?? 0) + (headBox?.height ?? 0),
    )
  await page.screenshot({ path: test.info().outputPath('quote-across-pages.png') })

  // The text view highlights the same words, on both sides of the page boundary (its paragraphs are elements: the
  // range's text has no whitespace between them).
  await app.reader.region.getByRole('button', { name: 'Text view' }).click()
  await expect(pagesRegion).toBeHidden()
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...((CSS.highlights.get('quote-yellow') as Iterable<Range> | undefined) ?? [])]
          .map((range) => range.toString())
          .join('')
          .replace(/\s+/g, ''),
      ),
    )
    .toBe('Widelyemulated,aptaddressedissues')
  // One paragraph of the text view holds the whole sentence (no blank line in mid-sentence).
  const sentence = app.reader.region.locator('.text-body p', {
    hasText: 'Widely emulated, apt addressed issues',
  })
  await expect(sentence).toHaveCount(1)
  // …and shows where page 10 begins inside it, between "emulated," and "apt", as a label that is not text: the
  // printed page number "4" (its running head reads "4 / 21"), as the page view and citations give it.
  const mark = await sentence.evaluate((p) => {
    const mark = p.querySelector('.page-mark')
    if (!mark) return null
    return {
      label: mark.getAttribute('data-page-label'),
      content: getComputedStyle(mark, '::before').content,
      before: mark.previousSibling?.textContent?.slice(-17),
      after: mark.nextSibling?.textContent?.slice(0, 3),
      selectable: getComputedStyle(mark, '::before').userSelect,
      width: mark.getBoundingClientRect().width,
    }
  })
  expect(mark).toMatchObject({
    label: '4',
    before: 'Widely emulated, ',
    after: 'apt',
    selectable: 'none',
  })
  expect(mark?.content).not.toBe('none')
  expect(mark?.width).toBeGreaterThan(20)
  // Selecting the sentence over the label copies the document's words only.
  const copied = await sentence.evaluate((p) => {
    const range = document.createRange()
    range.selectNodeContents(p)
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
    const text = selection?.toString() ?? ''
    selection?.removeAllRanges()
    return text
  })
  expect(copied).toContain('Widely emulated, apt addressed issues')
  expect(copied).not.toContain('Page 4')
  await sentence.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('quote-across-pages-text.png') })
})
