import type { Page } from '@playwright/test'
import { fixtureArticles } from './support/fixture-articles'
import { expect, test } from './support/fixtures'

/** The words the palette marks in its first result row (the `palette-match` highlight's ranges there). */
function markedInFirstRow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const row = document.querySelector('.palette-list [role="option"]')
    const marks = (
      CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }
    ).highlights.get('palette-match')
    return [...(marks ?? [])]
      .filter((range) => row?.contains(range.startContainer))
      .map((range) => (range.startContainer as Text).data.slice(range.startOffset, range.endOffset))
  })
}

test.use({ seed: { articles: fixtureArticles(), count: 3, tags: ['speeches'] } })

test('Ctrl+P finds documents, tags and commands from the FlexSearch worker; Enter opens; Esc returns focus', async ({
  app,
  page,
}) => {
  await app.searchBox.focus()
  await page.keyboard.press('Control+p')
  const palette = page.getByRole('dialog', { name: 'Go to anything' })
  const input = palette.getByRole('combobox')
  await expect(input).toBeFocused()
  // The worker answers (not the FTS fallback note).
  await expect(palette.getByText('Still indexing')).toHaveCount(0)
  await input.pressSequentially('toys', { delay: 20 })
  const list = palette.getByRole('listbox', { name: 'Results' })
  await expect(list).toHaveAttribute('data-answered', 'toys')
  const first = list.getByRole('option').first()
  // A document row names its file's format and language where other rows name their kind ("Tag", "Command").
  await expect(first.locator('.palette-kind')).toHaveText('TXT · en')
  await expect(first).toContainText(/Toys for Tots/i)
  // The query's words are marked in the rows (a CSS highlight over their text, not elements).
  await expect.poll(() => markedInFirstRow(page)).toContainEqual(expect.stringMatching(/^toys$/i))
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await page.screenshot({ path: '/tmp/palette-shots/palette-1440.png' })

  await page.keyboard.press('Escape')
  await expect(palette).toHaveCount(0)
  await expect(app.searchBox).toBeFocused()

  // Commands only, with shortcuts.
  await page.keyboard.press('Control+Shift+P')
  await expect(input).toHaveValue('>')
  await input.pressSequentially('prefer')
  await expect(list.getByRole('option').first()).toContainText('Preferences…')
  await expect(list.getByRole('option').first()).toContainText('Ctrl+,')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Preferences' })).toBeVisible()
  await page.keyboard.press('Escape')

  // A tag, then a document chosen with the arrow keys.
  await page.keyboard.press('Control+p')
  await input.pressSequentially('speech')
  await expect(list.getByRole('option').filter({ hasText: 'Tag' }).first()).toContainText(
    'speeches',
  )
  await input.fill('')
  await input.pressSequentially('turkey')
  await expect(list).toHaveAttribute('data-answered', 'turkey')
  await page.keyboard.press('Enter')
  await expect(app.reader.heading()).toContainText(/Turkey/i)
})

test('while the full-text fallback answers, an older empty answer never says the new text has no match', async ({
  app,
  page,
}) => {
  // Hold the palette list so the worker never becomes ready: the palette answers from the FTS search alone.
  await page.route('**/api/palette.entries', () => {})
  await page.reload()
  await expect(app.searchBox).toBeVisible()
  await page.keyboard.press('Control+p')
  const palette = page.getByRole('dialog', { name: 'Go to anything' })
  const input = palette.getByRole('combobox')
  await expect(palette.getByText('Still indexing')).toBeVisible()
  await input.pressSequentially('zzqx', { delay: 20 })
  await expect(palette.getByText('Nothing matches “zzqx”.')).toBeVisible()

  // The next answers come slowly: until one arrives, nothing may claim "noise" has no match.
  await page.route('**/api/search.query', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await route.continue()
  })
  await input.fill('noise')
  await page.waitForTimeout(300)
  // Checked once, mid-wait (an auto-retrying assertion would pass once the answer lands).
  expect(await palette.getByText(/Nothing matches/).count()).toBe(0)
  const list = palette.getByRole('listbox', { name: 'Results' })
  await expect(list).toHaveAttribute('data-answered', 'noise')
  await expect(list.getByRole('option').first()).toContainText(/Toys for Tots/i)
})

test('with every document in the worker, a keystroke has its rows before the page runs another task (same frame)', async ({
  app,
  page,
}) => {
  await app.searchBox.focus()
  // Cross-origin isolated (COOP + COEP from the host): the worker can answer through shared memory.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
  await page.waitForFunction(() => document.documentElement.dataset.paletteComplete)
  await page.keyboard.press('Control+p')
  const palette = page.getByRole('dialog', { name: 'Go to anything' })
  const input = palette.getByRole('combobox')
  await expect(input).toBeFocused()
  // A first query by message, so the check below does not time the worker's cold start (CI failed here when the
  // first answer took longer than the 8 ms the page waits in place).
  await input.pressSequentially('toy')
  await expect(palette.getByRole('listbox')).toHaveAttribute('data-answered', 'toy')
  // The key's keydown asks for the text it will leave ("toys"); the page then stays busy, as it is while the
  // browser edits the field, so the worker's message cannot be handled and only the shared memory can carry the
  // answer. Then one input event and only microtasks: rows that answer "toys" here came through the answer channel,
  // rendered in the keystroke's own task.
  const now = await page.evaluate(async () => {
    const input = document.querySelector('.palette-input') as HTMLInputElement
    input.setSelectionRange(input.value.length, input.value.length)
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }))
    const busyUntil = performance.now() + 1000
    while (performance.now() < busyUntil) {}
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
    setValue?.call(input, 'toys')
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: 's' }))
    for (let i = 0; i < 3; i++) await new Promise<void>((done) => queueMicrotask(done))
    const list = document.querySelector('.palette-list')
    return {
      answered: list?.getAttribute('data-answered'),
      first: list?.querySelector('[role="option"]')?.textContent ?? '',
    }
  })
  expect(now.answered).toBe('toys')
  expect(now.first).toMatch(/Toys for Tots/i)
  // And the next keystroke replaces them in place, still answered at once.
  await page.keyboard.type(' for')
  await expect(palette.getByRole('listbox')).toHaveAttribute('data-answered', 'toys for')
})
