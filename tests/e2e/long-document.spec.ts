import type { Page } from '@playwright/test'
import { callApi } from './support/api'
import { longArticle } from './support/fixture-articles'
import { expect, test } from './support/fixtures'

const PARAGRAPHS = 3000
const article = longArticle(PARAGRAPHS)
test.use({ seed: { articles: [article], count: 1 } })

/** The text of every range under a named highlight in the page. */
function highlighted(page: Page, name: string): Promise<{ text: string; top: number }[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name) as Iterable<Range> | undefined
    return [...(highlight ?? [])].map((range) => ({
      text: range.toString(),
      top: range.getBoundingClientRect().top,
    }))
  }, name)
}

test('a very long plain text is windowed, and find, quoting and jumping still work', async ({
  app,
  page,
  host,
}) => {
  await app.library.getByRole('button', { name: article.title }).click()
  await expect(app.reader.heading()).toHaveText(article.title)
  const paragraphs = page.locator('.reader .text-body p')
  await expect(paragraphs.first()).toContainText('[1] ')
  // Only the paragraphs near the view are in the page, not all 3,000.
  expect(await paragraphs.count()).toBeLessThan(200)

  // Find reaches a paragraph far down: it is rendered, scrolled into view and marked.
  const wanted = article.text.split('\n\n')[2717] as string
  expect(wanted.startsWith('[2718] ')).toBe(true)
  expect(await app.reader.find('2718')).toBe('1 of 1')
  const paragraph = paragraphs.filter({ hasText: '[2718] ' })
  await expect(paragraph).toBeInViewport()
  await expect
    .poll(() => highlighted(page, 'find-current'))
    .toEqual([{ text: '2718', top: expect.any(Number) }])
  expect(await paragraphs.count()).toBeLessThan(200)

  // Selecting there and saving a quote stores the right offsets and highlights it.
  const sentence = wanted.slice(0, 60)
  await app.reader.saveQuote(sentence, { tags: ['long'] })
  await expect(app.quotes.quote(sentence)).toBeVisible()
  const saved = await callApi<{ quotes: { exact: string; start: number }[] }>(
    page,
    host,
    'quotes.list',
    {},
  )
  expect(saved.quotes).toEqual([
    expect.objectContaining({ exact: sentence, start: article.text.indexOf(sentence) }),
  ])
  await expect
    .poll(async () => (await highlighted(page, 'quote-yellow')).map((h) => h.text))
    .toEqual([sentence])

  // Back at the top the passage is gone from the page; "Go to passage" brings it back into view.
  await page.getByRole('button', { name: 'Close find' }).click()
  await page.locator('.reader .document-scroll').evaluate((element) => element.scrollTo({ top: 0 }))
  await expect(paragraph).toHaveCount(0)
  await app.quotes.quote(sentence).getByRole('button', { name: 'Go to passage' }).click()
  await expect(paragraph).toBeInViewport()
  const box = await page.locator('.reader .document-scroll').boundingBox()
  await expect
    .poll(async () => {
      const [mark] = await highlighted(page, 'quote-yellow')
      return Boolean(mark && box && mark.top > box.y && mark.top < box.y + box.height)
    })
    .toBe(true)
})
