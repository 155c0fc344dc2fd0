import { fixtureArticles } from './support/fixture-articles'
import { expect, test } from './support/fixtures'

// More documents than one page of the palette's first load (5,000): the oldest arrive on the second page.
test.use({ seed: { articles: fixtureArticles(), count: 6002, maxTextChars: 200 } })

test('the palette loads newest first, page by page, and then holds the oldest document too', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000)
  await expect(app.searchBox).toBeVisible()
  await page.waitForFunction(() => document.documentElement.dataset.paletteComplete, undefined, {
    timeout: 60_000,
  })
  const { ready, complete } = await page.evaluate(() => ({
    ready: Number(document.documentElement.dataset.paletteReady),
    complete: Number(document.documentElement.dataset.paletteComplete),
  }))
  expect(ready).toBeLessThanOrEqual(complete)

  await page.keyboard.press('Control+p')
  const palette = page.getByRole('dialog', { name: 'Go to anything' })
  await palette.getByRole('combobox').pressSequentially('toys for tots warehouse', { delay: 10 })
  const list = palette.getByRole('listbox', { name: 'Results' })
  await expect(list).toHaveAttribute('data-answered', 'toys for tots warehouse')
  // 2,001 titles match; the shortest is the first copy (document 1, the oldest: second page), without "(n)".
  const first = list.getByRole('option').first()
  await expect(first.locator('.palette-label')).toHaveText(
    'Remarks by the First Lady during Visit to Toys for Tots Warehouse',
  )
  await page.keyboard.press('Enter')
  await expect(app.reader.heading()).toHaveText(
    'Remarks by the First Lady during Visit to Toys for Tots Warehouse',
  )
})
