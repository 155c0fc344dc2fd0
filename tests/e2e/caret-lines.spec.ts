import { fixtureArticles } from './support/fixture-articles'
import { expect, test } from './support/fixtures'

test.use({ seed: { articles: fixtureArticles(), count: 3 } })

const FIRST = 'Man, okay, you can make some noise.'
const SECOND = '(Laughter.)'

/** The selection as drawn: how many text lines it covers, and the x of its two ends. */
function selectionShape(): { lines: number; startX: number; endX: number; text: string } {
  const selection = document.getSelection()
  if (!selection || selection.rangeCount === 0) return { lines: 0, startX: 0, endX: 0, text: '' }
  const range = selection.getRangeAt(0)
  const rects = [...range.getClientRects()].filter((r) => r.width > 0)
  const tops = new Set(rects.map((r) => Math.round(r.top / 4)))
  const start = range.cloneRange()
  start.collapse(true)
  const end = range.cloneRange()
  end.collapse(false)
  return {
    lines: tops.size,
    startX: start.getBoundingClientRect().left,
    endX: end.getBoundingClientRect().left,
    text: selection.toString(),
  }
}

/** Caret mode moves ↑/↓ by visual line, like a text editor; Ctrl+↑/↓ keep moving by sentence. */
test('caret mode: ↑/↓ move a line, Shift extends by lines, Ctrl+↓ the next sentence', async ({
  app,
  page,
}) => {
  const kb = page.keyboard
  await kb.press('Control+k')
  await kb.type('noise', { delay: 20 })
  await expect(app.results).toHaveAttribute('data-results-for', 'noise')
  await kb.press('Enter')
  await expect(app.reader.heading()).toContainText('Toys for Tots')
  await expect(
    app.reader.region.getByRole('search', { name: 'Find in this document' }).getByRole('status'),
  ).toHaveText(/1 of \d+/)

  // The caret starts on the find match ("noise", inside the first paragraph, which wraps over several lines).
  await kb.press('F7')
  await kb.press('Shift+ArrowDown')
  await expect.poll(async () => (await page.evaluate(selectionShape)).lines).toBe(2)
  const down = await page.evaluate(selectionShape)
  // Straight down: the selection ends under where it started (within a few characters), not at a sentence end.
  expect(Math.abs(down.endX - down.startX)).toBeLessThan(30)
  expect(down.text.startsWith('noise.')).toBe(true)
  expect(down.text.length).toBeGreaterThan('noise.'.length + 20)

  // ↑ (no Shift) moves the caret one line up: back on the first sentence, which S selects.
  await kb.press('ArrowUp')
  await kb.press('s')
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(FIRST)

  // Ctrl+↓ still steps by sentence.
  await kb.press('Control+ArrowDown')
  await kb.press('s')
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(SECOND)
})
