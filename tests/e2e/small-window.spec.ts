import type { Page } from '@playwright/test'
import { fixtureArticles } from './support/fixture-articles'
import { expect, test } from './support/fixtures'

const LONG_TITLE =
  'Remarks by the First Lady, the Vice President and Members of the Diplomatic Corps at the Annual ' +
  'Holiday Reception for Military Families, Volunteers, Toy Drive Coordinators and Their Children, ' +
  'Held in the East Room of the White House on a Snowy Evening in December'

test.use({
  viewport: { width: 1024, height: 700 },
  seed: {
    articles: [...fixtureArticles(), { ...fixtureArticles()[0]!, title: LONG_TITLE }],
    count: 4,
    tags: ['speeches', 'first-lady'],
  },
})

/** Elements that scroll sideways (or the page itself): the "no horizontal scrolling at 1024×700". */
async function horizontalScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const root = document.scrollingElement ?? document.documentElement
    if (root.scrollWidth > window.innerWidth + 1) found.push(`page (${root.scrollWidth}px)`)
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(element)
      if (!['auto', 'scroll'].includes(style.overflowX)) continue
      if (element.scrollWidth > element.clientWidth + 1) {
        found.push(
          `${element.tagName.toLowerCase()}.${element.className} (${element.scrollWidth} > ${element.clientWidth})`,
        )
      }
    }
    return found
  })
}

/** Whether the element is inside the window and not covered: a click at its centre would reach it. */
async function reachable(page: Page, name: string): Promise<boolean> {
  const bar = page.getByRole('form', { name: 'Selected documents' })
  const control = bar.getByRole(name === 'Tag name' ? 'combobox' : 'button', { name, exact: true })
  return control.evaluate((element) => {
    const box = element.getBoundingClientRect()
    if (
      box.left < 0 ||
      box.right > window.innerWidth ||
      box.top < 0 ||
      box.bottom > window.innerHeight
    )
      return false
    const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2)
    return hit === element || element.contains(hit)
  })
}

test('at 1024×700: panels collapse into toggles, the selection bar wraps with every action reachable, no sideways scrolling', async ({
  app,
  page,
}) => {
  await page.screenshot({ path: 'test-results/small-window-start.png' })
  // The side panels are toggles now: the library has the width.
  await expect(page.getByRole('region', { name: 'Quotes' })).toBeHidden()
  const tagsToggle = page.getByRole('button', { name: 'Tags', exact: true })
  await expect(tagsToggle).toHaveAttribute('aria-expanded', 'false')
  expect(await horizontalScrollers(page)).toEqual([])

  // Select every row (shift-click: no text selection painted across rows).
  const rows = app.library.getByRole('row')
  await rows.nth(1).getByRole('gridcell').nth(3).click()
  await rows
    .nth(4)
    .getByRole('gridcell')
    .nth(3)
    .click({ modifiers: ['Shift'] })
  await expect(page.getByRole('form', { name: 'Selected documents' })).toContainText(
    '4 documents selected',
  )
  expect(await page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe('')
  await page
    .getByRole('form', { name: 'Selected documents' })
    .getByRole('combobox', { name: 'Tag name' })
    .fill('x')
  for (const name of [
    'Clear selection',
    'Tag name',
    'Add tag',
    'Remove tag',
    'Edit details…',
    'Delete…',
  ]) {
    expect(await reachable(page, name), `${name} reachable`).toBe(true)
  }
  expect(await horizontalScrollers(page)).toEqual([])
  await page.screenshot({ path: 'test-results/small-window-library.png' })

  // The tags overlay opens from its toggle and closes with Esc.
  await tagsToggle.click()
  await expect(page.getByRole('region', { name: 'Tags' })).toBeVisible()
  await expect(
    page.getByRole('list', { name: 'Tags' }).getByRole('button', { name: /^speeches/ }),
  ).toBeVisible()
  await page.screenshot({ path: 'test-results/small-window-tags.png' })
  await page.keyboard.press('Escape')
  await expect(page.getByRole('region', { name: 'Tags' })).toBeHidden()

  // A long title is clamped to two lines in the reader, whole in its tooltip; Details leaves the text readable.
  await app.library.getByRole('button', { name: LONG_TITLE }).click()
  const heading = app.reader.heading()
  await expect(heading).toHaveAttribute('title', LONG_TITLE)
  const lines = await heading.evaluate(
    (h) => h.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(h).lineHeight),
  )
  expect(lines).toBeLessThanOrEqual(2.05)
  await app.reader.region.getByRole('button', { name: 'Details' }).click()
  const textWidth = await app.reader.region
    .locator('.document-scroll')
    .evaluate((e) => e.clientWidth)
  expect(textWidth).toBeGreaterThan(500)
  expect(await horizontalScrollers(page)).toEqual([])
  await page.screenshot({ path: 'test-results/small-window-reader.png' })

  // The quotes overlay: every card's menu button inside the window.
  await page.getByRole('button', { name: 'Quotes', exact: true }).click()
  await expect(page.getByRole('region', { name: 'Quotes' })).toBeVisible()
  expect(await horizontalScrollers(page)).toEqual([])
})
