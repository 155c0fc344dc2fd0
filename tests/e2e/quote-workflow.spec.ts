import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'e2e')
const ARTICLE = join(FIXTURES, 'holiday-press-preview.html')
const TITLE = 'Remarks by the First Lady at Holiday Press Preview'
const SENTENCE =
  'So on behalf of the Obama family, I wish all of you a joyous and meaningful holiday season.'

test('import an article, find it by typing, quote a sentence with a tag, rename the tag everywhere', async ({
  app,
  page,
}) => {
  await expect(app.library.getByRole('heading', { name: 'Your library is empty' })).toBeVisible()

  const report = await app.importFiles([ARTICLE])
  await expect(report).toContainText('1 document imported')
  await expect(app.row(TITLE)).toBeVisible()

  // Tag the document from the library: select its row, then Add tag.
  await app.row(TITLE).getByRole('checkbox').check()
  await page.getByLabel('Tag name').fill('holidays')
  await page.getByRole('button', { name: 'Add tag', exact: true }).click()
  await expect(app.row(TITLE)).toContainText('holidays')

  // Search as you type; Enter opens the top hit.
  await app.search('joyous holid')
  await expect(app.results.getByRole('option').first()).toContainText(TITLE)
  await expect(app.results.locator('mark').first()).toBeVisible()
  await app.searchBox.press('Enter')
  await expect(app.reader.heading()).toHaveText(TITLE)

  // The body is shown in a script-less sandboxed frame.
  await expect(app.reader.region.locator('iframe')).toHaveAttribute('sandbox', 'allow-same-origin')

  await app.reader.saveQuote(SENTENCE, { tags: ['holidays'], note: 'Closing wish' })
  const card = app.quotes.quote(SENTENCE)
  await expect(card).toBeVisible()
  await expect(card).toContainText(TITLE)
  await expect(card).toContainText('holidays')
  await expect(card).toContainText('Closing wish')
  // The new quote is highlighted in the document.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const frame = document.querySelector<HTMLIFrameElement>('.reader iframe')
        const registry = (frame?.contentWindow as (Window & typeof globalThis) | null)?.CSS
          .highlights
        return registry ? [...registry.keys()] : []
      }),
    )
    .toContain('quote-yellow')

  await app.tags.rename('holidays', 'season’s greetings')
  await expect(app.tags.tag('season’s greetings')).toBeVisible()
  await expect(app.tags.region).not.toContainText('holidays')
  await expect(card).toContainText('season’s greetings')
  await expect(card).not.toContainText('holidays')
  await expect(app.reader.region).toContainText('season’s greetings')

  // Back returns to the results; clearing the box returns to the library.
  await app.reader.region.getByRole('button', { name: '← Back' }).click()
  await expect(app.results).toBeVisible()
  await app.searchBox.fill('')
  await expect(app.row(TITLE)).toContainText('season’s greetings')
  await expect(app.row(TITLE)).not.toContainText('holidays')
})
