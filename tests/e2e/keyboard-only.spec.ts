import { fixtureArticles } from './support/fixture-articles'
import { expect, test } from './support/fixtures'

test.use({ seed: { articles: fixtureArticles(), count: 3 } })

const FIRST = 'Man, okay, you can make some noise.'
const SECOND = '(Laughter.)'

/**
 * The keyboard-only path, with no mouse event at all: search → open → select a sentence (caret mode) →
 * save it as a quote with a tag → a second quote → compare the two → export.
 */
test('search, open, quote two sentences with a tag, compare and export: keyboard only', async ({
  app,
  page,
}) => {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __mouse: string[] }).__mouse = seen
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click', 'dblclick']) {
      window.addEventListener(
        type,
        (event) => {
          // Enter/Space on a button fires a synthetic click with detail 0: that is the keyboard, not a mouse.
          if (type === 'click' && (event as MouseEvent).detail === 0) return
          seen.push(type)
        },
        true,
      )
    }
  })
  const kb = page.keyboard

  await kb.press('Control+k')
  await expect(app.searchBox).toBeFocused()
  await kb.type('noise', { delay: 20 })
  await expect(app.results).toHaveAttribute('data-results-for', 'noise')
  await kb.press('Enter')
  await expect(app.reader.heading()).toContainText('Toys for Tots')
  const findStatus = app.reader.region
    .getByRole('search', { name: 'Find in this document' })
    .getByRole('status')
  await expect(findStatus).toHaveText(/1 of \d+/)

  // Caret mode starts at the find match; S selects its sentence, Enter saves it.
  await kb.press('F7')
  await kb.press('s')
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(FIRST)
  await kb.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'New quote' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('combobox', { name: 'Tags' })).toBeFocused()
  await kb.type('noise')
  await kb.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(app.quotes.quote(FIRST)).toBeVisible()

  // Ctrl+↓: the next sentence; S selects it; Ctrl+S saves.
  await kb.press('Control+ArrowDown')
  await kb.press('s')
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(SECOND)
  await kb.press('Control+s')
  await expect(dialog).toBeVisible()
  await kb.type('noise')
  await kb.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(app.quotes.quote(SECOND)).toBeVisible()

  // The quotes panel is one tab stop: ↓ moves between quotes, Space ticks.
  await kb.press('Control+Shift+U')
  const boxes = app.quotes.region.getByRole('checkbox', { name: /^Select quote/ })
  await expect(boxes.first()).toBeFocused()
  await kb.press('Space')
  await kb.press('ArrowDown')
  await expect(boxes.nth(1)).toBeFocused()
  await kb.press('Space')
  await expect(boxes.nth(0)).toBeChecked()
  await expect(boxes.nth(1)).toBeChecked()

  await kb.press('Control+Shift+M')
  const compare = page.getByRole('region', { name: 'Comparison' })
  await expect(compare).toBeVisible()
  // compare.quotes formats citations: slow on a loaded machine.
  await expect(compare).toContainText(FIRST, { timeout: 30_000 })
  await expect(compare).toContainText(SECOND)

  await kb.press('Control+e')
  const exportDialog = page.getByRole('dialog', { name: /^Export/ })
  await expect(exportDialog.getByRole('combobox', { name: 'Format' })).toBeFocused()
  await expect(exportDialog.getByRole('region', { name: 'Preview' })).toContainText(FIRST)
  const download = page.waitForEvent('download')
  await kb.press('Enter')
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.md$/)
  await expect(exportDialog).toHaveCount(0)

  expect(await page.evaluate(() => (window as unknown as { __mouse: string[] }).__mouse)).toEqual(
    [],
  )
})
