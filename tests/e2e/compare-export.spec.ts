import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'e2e')
const HOLIDAY = {
  file: join(FIXTURES, 'holiday-press-preview.html'),
  title: 'Remarks by the First Lady at Holiday Press Preview',
  year: '2009',
  sentence:
    'So on behalf of the Obama family, I wish all of you a joyous and meaningful holiday season.',
}
const TURKEY = {
  file: join(FIXTURES, 'thanksgiving-turkey-pardon.txt'),
  title: 'Remarks by the President at Pardoning of the Thanksgiving Turkey',
  year: '2013',
  sentence: 'So on behalf of the Obama family, I want to wish everybody a very happy Thanksgiving.',
}

test('compare two quotes side by side, then export them as Markdown with APA citations', async ({
  app,
  page,
}) => {
  const report = await app.importFiles([HOLIDAY.file, TURKEY.file])
  await expect(report).toContainText('2 documents imported')

  for (const source of [HOLIDAY, TURKEY]) {
    await app.row(source.title).getByRole('button', { name: source.title }).click()
    await expect(app.reader.heading()).toHaveText(source.title)
    await app.reader.saveQuote(source.sentence)
    await expect(app.quotes.quote(source.sentence)).toBeVisible()
    await app.reader.region.getByRole('button', { name: '← Back' }).click()
  }

  await app.quotes.select(HOLIDAY.sentence)
  await app.quotes.select(TURKEY.sentence)
  await app.quotes.compare()

  const columns = page.getByRole('article', { name: /^Column \d/ })
  await expect(columns).toHaveCount(2)
  await expect(columns.nth(0)).toContainText(HOLIDAY.title)
  await expect(columns.nth(1)).toContainText(TURKEY.title)
  // In-text citations carry the year.
  await expect(columns.nth(0).locator('.in-text')).toContainText(HOLIDAY.year)
  await expect(columns.nth(1).locator('.in-text')).toContainText(TURKEY.year)
  // Differing words are marked: the second column's own words, and the reference's words it lacks.
  await expect(columns.nth(1).locator('ins.diff-added')).not.toHaveCount(0)
  await expect(columns.nth(1).locator('ins.diff-added').first()).toBeVisible()
  await expect(columns.nth(1)).toContainText('Thanksgiving')
  await expect(columns.nth(0).locator('mark.diff-unique')).not.toHaveCount(0)
  await expect(columns.nth(1)).toContainText('% the same as column 1')

  // Swap puts the other quote first.
  await page.getByRole('button', { name: 'Swap', exact: true }).click()
  await expect(columns.nth(0)).toContainText(TURKEY.title)

  await app.quotes.export()
  const dialog = page.getByRole('dialog', { name: /^Export/ })
  await dialog.getByLabel('Format').selectOption('md')
  await dialog.getByLabel('Citation style').selectOption('apa')
  const preview = dialog.getByRole('region', { name: 'Preview' })
  await expect(preview).toContainText(HOLIDAY.sentence)
  await expect(preview).toContainText(TURKEY.sentence)

  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download', exact: true }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.md$/)
  const file = readFileSync((await download.path()) as string, 'utf8')
  for (const source of [HOLIDAY, TURKEY]) {
    expect(file).toContain(source.sentence)
    expect(file).toContain(source.title)
  }
  // APA in-text citations with the year.
  expect(file).toMatch(/\([^)]*2009[^)]*\)/)
  expect(file).toMatch(/\([^)]*2013[^)]*\)/)
})
