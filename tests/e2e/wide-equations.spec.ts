/**
 * A display equation wider than the column can be read to its end, and the reader can see that it goes on: a
 * new-user trial found the Latin Modern Math Word file's last equation cut at the right edge after "e^-u d", its
 * "u]^(1/2)=√π" out of sight with no scrollbar. Also the file's centred inline equation (the over/underbrace line,
 * `<w:jc w:val="center"/>`) is centred as Word centres it, and the math is drawn by a math font.
 *
 * Chromium runs here with real scrollbars (Playwright hides them by default), so the screenshot shows what a person
 * sees in the app.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import config from '../../playwright.config'
import { expect, test } from './support/fixtures'
import { glyphReport } from './support/glyphs'
import { REPO_ROOT } from './support/web-host'

const LM_MATH = join(
  REPO_ROOT,
  'tests',
  'fixtures',
  'documents',
  'debian',
  'test-word-latinmodern_math.docx',
)
const MATH_FONTS = [
  'Latin Modern Math',
  'STIX Two Math',
  'Cambria Math',
  'DejaVu Math TeX Gyre',
  'TeX Gyre Termes Math',
]

test.use({
  viewport: { width: 1400, height: 900 },
  launchOptions: { ...config.use?.launchOptions, ignoreDefaultArgs: ['--hide-scrollbars'] },
})

/** Pixels of a PNG whose RGB lies within `tolerance` of `rgb`, decoded in a blank page's canvas. */
async function countColour(
  page: Page,
  png: Buffer,
  rgb: [number, number, number],
  tolerance = 12,
): Promise<number> {
  const blank = await page.context().newPage()
  try {
    return await blank.evaluate(
      async ({ data, rgb, tolerance }) => {
        const image = new Image()
        image.src = `data:image/png;base64,${data}`
        await image.decode()
        const canvas = document.createElement('canvas')
        canvas.width = image.width
        canvas.height = image.height
        const context = canvas.getContext('2d') as CanvasRenderingContext2D
        context.drawImage(image, 0, 0)
        const pixels = context.getImageData(0, 0, image.width, image.height).data
        let count = 0
        for (let i = 0; i < pixels.length; i += 4) {
          const near = [0, 1, 2].every(
            (c) => Math.abs((pixels[i + c] as number) - (rgb[c] as number)) <= tolerance,
          )
          if (near) count++
        }
        return count
      },
      { data: png.toString('base64'), rgb, tolerance },
    )
  } finally {
    await blank.close()
  }
}

test('a display equation wider than the column shows a scrollbar, scrolls from the keyboard to its end; a centred one is centred', async ({
  app,
  page,
}) => {
  const report = await app.importFiles([LM_MATH])
  await expect(report).toContainText('1 document imported')
  await report.getByRole('button', { name: /close|dismiss/i }).click()
  await app.library.getByRole('button', { name: /^test word latinmodern math/ }).click()
  await app.reader.waitForText('pięć')
  const frame = page.frameLocator('.reader iframe')

  // Only the equation that does not fit is marked (a Tab stop for each that fits would do nothing).
  const wide = frame.locator('math[data-wide]')
  await expect(wide).toHaveCount(1)
  await expect(wide).toHaveAttribute('tabindex', '0')
  await expect(wide).toHaveAttribute('alttext', /√π$/)
  await wide.evaluate((math) => math.scrollIntoView({ block: 'center' }))

  // Its scrollbar is drawn: the thumb's colour along the bottom of the equation's box.
  const box = await wide.boundingBox()
  if (!box) throw new Error('the wide equation has no box')
  const shot = await page.screenshot({
    clip: box,
    path: test.info().outputPath('wide-equation-box.png'),
  })
  await page.screenshot({ path: test.info().outputPath('wide-equation-start.png') })
  const thumb = await countColour(page, shot, [0x8f, 0x87, 0x79])
  expect(thumb, 'scrollbar thumb pixels').toBeGreaterThan(200)
  await page.screenshot({ path: test.info().outputPath('wide-equation-start.png') })

  // The end is out of view, then reachable from the keyboard.
  const endHidden = () =>
    wide.evaluate((math) => {
      const box = math.getBoundingClientRect()
      const last = math.lastElementChild?.getBoundingClientRect()
      return last ? last.right > box.right + 1 : true
    })
  expect(await endHidden()).toBe(true)
  await wide.focus()
  await expect(wide).toBeFocused()
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight')
  await expect.poll(endHidden).toBe(false)
  await page.screenshot({ path: test.info().outputPath('wide-equation-end.png') })

  // The brace line is centred in the column as Word centres it, like the display equations around it.
  const centres = await frame.locator('body').evaluate((body) => {
    const article = body.querySelector('article') as HTMLElement
    const column = article.getBoundingClientRect()
    const brace = [...body.querySelectorAll('math')].find((m) =>
      m.getAttribute('alttext')?.includes('Siedém'),
    )
    const box = brace?.getBoundingClientRect()
    return {
      column: (column.left + column.right) / 2,
      brace: box ? (box.left + box.right) / 2 : Number.NaN,
    }
  })
  expect(Math.abs(centres.brace - centres.column)).toBeLessThan(8)

  // ⅆ (U+2146, double-struck italic d) and the rest of "F·ⅆr" drawn by a math font, no box.
  const equation = frame.locator('math', { has: frame.locator('mi', { hasText: 'ⅆ' }) }).first()
  const glyphs = await glyphReport(await page.context().newCDPSession(page), equation)
  expect(glyphs.missing).toEqual([])
  expect(
    glyphs.fonts.some((font) => MATH_FONTS.includes(font.familyName)),
    JSON.stringify(glyphs.fonts),
  ).toBe(true)
})
