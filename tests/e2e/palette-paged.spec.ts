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
  // Rows far below the fold skip rendering their text (palette-far-rows.ts: the keystroke paints ~9 rows, not 30)
  // but keep their names; a jump to one renders it first.
  const rows = list.getByRole('option')
  await expect(rows).toHaveCount(30)
  const last = rows.nth(29)
  await expect(last).toHaveAttribute('data-far', '')
  await expect(last.locator('.palette-label')).toBeHidden()
  await expect(last).toHaveAccessibleName(
    /^TXT · en Remarks by the First Lady .*Toys for Tots Warehouse/,
  )
  await page.keyboard.press('ArrowUp') // from the first row round to the last
  await expect(last).toHaveAttribute('aria-selected', 'true')
  await expect(last).not.toHaveAttribute('data-far')
  await expect(last.locator('.palette-label')).toBeInViewport()
  await page.keyboard.press('ArrowDown') // round to the first again
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(app.reader.heading()).toHaveText(
    'Remarks by the First Lady during Visit to Toys for Tots Warehouse',
  )
})

test('a first load cut short by a failed page goes on at the next library change', async ({
  app,
  host,
  page,
}) => {
  test.setTimeout(90_000)
  // The page the fixture opened finishes its own load first: otherwise its second page could be the one dropped
  // below, and the reloaded page would load whole (the test was flaky that way).
  await page.waitForFunction(() => document.documentElement.dataset.paletteComplete, undefined, {
    timeout: 60_000,
  })
  let dropped = 0
  await page.route('**/api/palette.entries', async (route) => {
    if (dropped === 0 && (route.request().postData() ?? '').includes('"before"')) {
      dropped++
      // The host's answer to a request it could not serve (a 200 with an error envelope, so the browser logs
      // nothing: the fixture fails a test on any console error).
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          error: { code: 'internal', message: 'The library is busy.' },
        }),
      })
    } else await route.continue()
  })
  await page.reload()
  await expect(app.searchBox).toBeVisible()
  await page.waitForFunction(() => document.documentElement.dataset.paletteReady, undefined, {
    timeout: 60_000,
  })
  await page.waitForTimeout(1000)
  expect(dropped).toBe(1)
  expect(
    await page.evaluate(() => document.documentElement.dataset.paletteComplete),
  ).toBeUndefined()

  // Any change announced by the host (here a saved search) resumes the load where it stopped.
  const saved = await page.request.post(`${host.origin}/api/searches.save`, {
    headers: { 'X-Lectern-Token': host.token, Origin: host.origin },
    data: { name: 'Warehouses', query: 'warehouse' },
  })
  expect(saved.ok()).toBe(true)
  await page.waitForFunction(() => document.documentElement.dataset.paletteComplete, undefined, {
    timeout: 60_000,
  })
  await page.keyboard.press('Control+p')
  const palette = page.getByRole('dialog', { name: 'Go to anything' })
  await palette.getByRole('combobox').pressSequentially('toys for tots warehouse', { delay: 10 })
  await expect(
    palette
      .getByRole('listbox', { name: 'Results' })
      .getByRole('option')
      .first()
      .locator('.palette-label'),
  ).toHaveText('Remarks by the First Lady during Visit to Toys for Tots Warehouse')
})
