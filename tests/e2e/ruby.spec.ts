/**
 * Ruby in HTML (readings over words, as Japanese pages and EPUBs mark them with `<rt>`): the reader shows them over
 * the words, while the text that is searched and quoted holds the words as printed, without the readings glued in
 * ("羅生門らしょうもんの下で" was stored, so "羅生門の下で" was never found and a quote over it was untrue).
 */
import { join } from 'node:path'
import { callApi } from './support/api'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const RASHOMON = join(REPO_ROOT, 'tests', 'fixtures', 'e2e', 'rashomon-ruby.html')

test('ruby readings are shown over the words, and left out of search and of a quote selected across them', async ({
  app,
  page,
  host,
}) => {
  const report = await app.importFiles([RASHOMON])
  await expect(report).toContainText('1 document imported')

  // Found as printed: the phrase runs over two words with readings.
  await app.search('"羅生門の下で雨やみ"')
  await expect(app.results.locator('mark').first()).toHaveText('羅生門の下で雨やみ')
  await app.searchBox.press('Enter')
  await expect(app.reader.heading()).toHaveText('羅生門')
  await app.reader.waitForText('雨やみを待っていた')

  // Shown: the readings stand over their words (ruby layout, not inline text).
  const frame = page.frameLocator('.reader iframe')
  const shown = await frame.locator('body').evaluate((body) => {
    const rt = body.querySelector('rt')
    const base = rt?.parentElement
    return {
      readings: body.querySelectorAll('rt').length,
      rtDisplay: rt ? getComputedStyle(rt).display : null,
      above:
        rt && base
          ? rt.getBoundingClientRect().bottom <= base.getBoundingClientRect().bottom - 8
          : false,
    }
  })
  expect(shown.readings).toBe(10)
  expect(shown.rtDisplay).toBe('ruby-text')
  expect(shown.above).toBe(true)

  // A selection from 羅生門 to 待っていた passes over the reading らしょうもん: the quote is the printed words only.
  const selected = await page.evaluate(() => {
    const doc = document.querySelector<HTMLIFrameElement>('.reader iframe')?.contentDocument
    if (!doc) return ''
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT)
    let from: Text | null = null
    let to: Text | null = null
    for (
      let node = walker.nextNode() as Text | null;
      node;
      node = walker.nextNode() as Text | null
    ) {
      if (!from && node.data === '羅生門' && node.parentElement?.localName === 'ruby') from = node
      if (node.data.includes('雨やみを待っていた')) to = node
    }
    if (!from || !to) return ''
    const range = doc.createRange()
    range.setStart(from, 0)
    range.setEnd(to, to.data.indexOf('待っていた') + '待っていた'.length)
    doc.getSelection()?.removeAllRanges()
    doc.getSelection()?.addRange(range)
    return doc.getSelection()?.toString() ?? ''
  })
  expect(selected).toContain('らしょうもん') // the browser's own selection does hold the reading
  await page.getByRole('button', { name: 'Save quote', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'New quote' })
  await dialog.getByRole('button', { name: 'Save quote', exact: true }).click()
  await expect(dialog).toBeHidden()
  const { quotes } = await callApi<{ quotes: { exact: string }[] }>(page, host, 'quotes.list', {})
  expect(quotes.map((q) => q.exact)).toEqual(['羅生門の下で雨やみを待っていた'])
  await expect(app.quotes.region).toContainText('羅生門の下で雨やみを待っていた')
  await page.screenshot({ path: test.info().outputPath('ruby-quote.png') })
})
