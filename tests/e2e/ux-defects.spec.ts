import { fixtureArticles } from './support/fixture-articles'
import { expect, test } from './support/fixtures'

test.use({ seed: { articles: fixtureArticles(), count: 3, tags: ['speeches', 'remarks'] } })

const SENTENCE = 'Man, okay, you can make some noise.'

test('library tag field is cleared after Add tag, so the next tag is not glued onto the last', async ({
  app,
  page,
}) => {
  const rows = app.library.getByRole('row')
  await rows.nth(1).getByRole('gridcell').nth(3).click()
  const bar = page.getByRole('form', { name: 'Selected documents' })
  const field = bar.getByRole('combobox', { name: 'Tag name' })
  await field.fill('debian-history')
  await bar.getByRole('button', { name: 'Add tag', exact: true }).click()
  await expect(app.tags.tag('debian-history')).toBeVisible()
  await expect(field).toHaveValue('')
})

test('renaming a tag to an existing name offers Merge, and merging works', async ({
  app,
  page,
}) => {
  await app.tags.region
    .getByRole('button', { name: 'Actions for tag remarks', exact: true })
    .click()
  await page.getByRole('menuitem', { name: 'Rename…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rename “remarks”' })
  const field = dialog.getByLabel('New name')
  await expect(field).toBeFocused()
  await field.fill('Speeches')
  await expect(dialog.getByRole('status')).toContainText('A tag named “speeches” already exists')
  await field.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(app.tags.tag('remarks')).toHaveCount(0)
  await expect(app.tags.tag('speeches')).toBeVisible()
})

test('a tag only on quotes shows its quotes; similar passages is one dialog with one close button', async ({
  app,
  page,
}) => {
  await app.row('Toys for Tots').getByRole('button').filter({ hasText: 'Toys for Tots' }).click()
  await app.reader.saveQuote(SENTENCE, { tags: ['only-on-quotes'] })
  await app.reader.region.getByRole('button', { name: '← Back' }).click()
  await app.tags.tag('only-on-quotes').click()
  // Not "No documents match": the Quotes panel shows the tag's quotes.
  await expect(app.library.getByText('No documents match')).toHaveCount(0)
  await expect(app.quotes.region.getByRole('combobox', { name: 'Tag' })).toHaveValue(
    'only-on-quotes',
  )
  await expect(app.quotes.quote(SENTENCE)).toBeVisible()

  await app.quotes
    .quote(SENTENCE)
    .getByRole('button', { name: 'More actions for this quote' })
    .click()
  await page.getByRole('menuitem', { name: 'Find the same statement elsewhere' }).click()
  const similar = page.getByRole('dialog', { name: 'Same statement elsewhere' })
  await expect(similar).toBeVisible()
  await expect(similar.getByRole('button', { name: 'Close' })).toHaveCount(1)
  await expect(similar.getByRole('complementary')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(similar).toBeHidden()
})
