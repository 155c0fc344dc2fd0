/**
 * Equations in Word files, in the real reader: the Latin Modern Math Word test file (nobody on the project picked it;
 * fonts-lmodern) opens with its equations drawn as MathML, and a quote selected across an inline equation keeps
 * the equation in Word's linear form.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { INLINE_SENTENCE, inlineMathDocx } from '../support/math-docx'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const LM_MATH = join(
  REPO_ROOT,
  'tests',
  'fixtures',
  'documents',
  'debian',
  'test-word-latinmodern_math.docx',
)

test('the Latin Modern Math Word file opens with its equations drawn as MathML', async ({
  app,
  page,
}) => {
  const report = await app.importFiles([LM_MATH])
  await expect(report).toContainText('1 document imported')
  // The file has no title of its own: its first line (the first equation, linear) stands in.
  await app.library.getByRole('button', { name: /^test word latinmodern math/ }).click()
  await app.reader.waitForText('pięć')
  const frame = page.frameLocator('.reader iframe')
  const shown = await frame.locator('body').evaluate((body) => ({
    math: body.querySelectorAll('math').length,
    block: body.querySelectorAll('math[display="block"]').length,
    fractions: body.querySelectorAll('mfrac').length,
    roots: body.querySelectorAll('msqrt').length,
    // MathML laid out as math (Chromium's MathML Core), not as inline text: a fraction is taller than a line.
    fractionHeight: body.querySelector('mfrac')?.getBoundingClientRect().height ?? 0,
    lineHeight: Number.parseFloat(getComputedStyle(body).fontSize),
    namespace: body.querySelector('math')?.namespaceURI ?? null,
  }))
  expect(shown.math).toBe(11)
  expect(shown.block).toBe(9)
  expect(shown.fractions).toBeGreaterThanOrEqual(8)
  expect(shown.roots).toBeGreaterThanOrEqual(13)
  expect(shown.namespace).toBe('http://www.w3.org/1998/Math/MathML')
  expect(shown.fractionHeight).toBeGreaterThan(shown.lineHeight * 1.3)
  await page.screenshot({ path: test.info().outputPath('docx-math-latin-modern.png') })
})

test('a quote selected across an inline equation keeps the equation, in its sentence', async ({
  app,
  page,
}) => {
  const file = test.info().outputPath('bounds.docx')
  writeFileSync(file, await inlineMathDocx())
  const report = await app.importFiles([file])
  await expect(report).toContainText('1 document imported')
  await app.library.getByRole('button', { name: 'Bounds on admissible solutions' }).click()
  await app.reader.waitForText('holds for every admissible solution')
  const frame = page.frameLocator('.reader iframe')
  await expect(frame.locator('math')).toHaveCount(3)

  // A mouse drag from "tight" to "solution.": over the equation's MathML, from one text node to another.
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
      if (!from && node.data.includes('tight where')) from = node
      if (node.data.includes('holds for every')) to = node
    }
    if (!from || !to) return ''
    const range = doc.createRange()
    range.setStart(from, from.data.indexOf('tight'))
    range.setEnd(to, to.data.indexOf('solution.') + 'solution.'.length)
    doc.getSelection()?.removeAllRanges()
    doc.getSelection()?.addRange(range)
    return doc.getSelection()?.toString() ?? ''
  })
  expect(selected).toContain('tight where')
  await page.getByRole('button', { name: 'Save quote', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'New quote' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Save quote', exact: true }).click()
  await expect(dialog).toBeHidden()
  const quoted = INLINE_SENTENCE.slice(INLINE_SENTENCE.indexOf('tight'))
  await expect(app.quotes.region).toContainText(quoted)
  // The saved quote is drawn over the equation too (its highlight covers the MathML's characters).
  const highlighted = await page.evaluate(() => {
    const view = document.querySelector<HTMLIFrameElement>('.reader iframe')?.contentWindow as
      | (Window & { CSS: { highlights: Map<string, Set<Range>> } })
      | null
    const ranges = [...(view?.CSS.highlights.values() ?? [])].flatMap((h) => [...h])
    return ranges.map((r) => r.toString())
  })
  expect(highlighted.some((text) => text.includes('x=2') && text.includes('tight'))).toBe(true)
  await page.screenshot({ path: test.info().outputPath('docx-math-quote.png') })
})
