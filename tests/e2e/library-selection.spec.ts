import { fixtureArticles } from './support/fixture-articles'
import { expect, test } from './support/fixtures'

// More documents than one page of the table (100) and far more than fit on screen.
const COUNT = 250
test.use({ seed: { articles: fixtureArticles(), count: COUNT } })

test('selecting a row does not move the rows: double-click and Enter open the row clicked', async ({
  app,
  page,
}) => {
  const rows = app.library.getByRole('row')
  await expect(rows.nth(6)).toBeVisible()
  const target = rows.nth(5)
  const title = (await target.getByRole('button').textContent()) ?? ''
  const before = await target.boundingBox()
  if (!before) throw new Error('row not laid out')

  // The first click selects; the layout must stay put under the pointer.
  const x = before.x + before.width * 0.6
  const y = before.y + before.height / 2
  await page.mouse.click(x, y)
  await expect(target).toHaveAttribute('aria-selected', 'true')
  expect(await target.boundingBox()).toEqual(before)
  await expect(app.library.getByRole('status')).toHaveText('1 document selected')

  await page.mouse.dblclick(x, y)
  await expect(app.reader.heading()).toHaveText(title)

  // Enter opens the active (clicked) row too.
  await app.reader.region.getByRole('button', { name: '← Back' }).click()
  const other = rows.nth(8)
  const otherTitle = (await other.getByRole('button').textContent()) ?? ''
  await other.click({ position: { x: 400, y: 10 } })
  await page.keyboard.press('Enter')
  await expect(app.reader.heading()).toHaveText(otherTitle)
})

test('Ctrl+A selects every document matching the filters, and bulk actions cover them all', async ({
  app,
  page,
}) => {
  const rows = app.library.getByRole('row')
  await rows.nth(2).click({ position: { x: 400, y: 10 } })
  await page.keyboard.press('ControlOrMeta+a')
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true')
  // Rows never loaded before show as selected too.
  await app.library.getByRole('grid').press('End')
  await expect(rows.last()).toContainText(/\S/)
  await expect(rows.last()).toHaveAttribute('aria-selected', 'true')
  const status = app.library.getByRole('status')
  await expect(status).toHaveText(`All ${COUNT} documents selected`)
  await expect(
    app.library.getByRole('checkbox', { name: `Select all ${COUNT} documents` }),
  ).toBeChecked()

  // Ctrl-click one off: all but one.
  await rows.last().click({ modifiers: ['ControlOrMeta'], position: { x: 400, y: 10 } })
  await expect(status).toHaveText(`${COUNT - 1} documents selected`)
  await rows.last().click({ modifiers: ['ControlOrMeta'], position: { x: 400, y: 10 } })
  await expect(status).toHaveText(`All ${COUNT} documents selected`)

  await page.getByLabel('Tag name').fill('batch')
  await page.getByRole('button', { name: 'Add tag', exact: true }).click()
  await expect(app.tags.tag('batch')).toContainText(String(COUNT))

  // Deleting them all asks first, empties the library, and can be undone.
  await page.getByRole('button', { name: 'Delete…' }).click()
  const dialog = page.getByRole('dialog', { name: `Delete ${COUNT} documents?` })
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(app.library.getByRole('heading', { name: 'Your library is empty' })).toBeVisible()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(app.library.getByRole('heading', { level: 1 })).toContainText(String(COUNT))

  // The header checkbox selects all as well; a filter change starts a new selection.
  await app.library.getByRole('checkbox', { name: `Select all ${COUNT} documents` }).check()
  await expect(status).toHaveText(`All ${COUNT} documents selected`)
  await app.library.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('batch')
  await expect(app.library.getByText('Click a row to select it')).toBeVisible()
})
