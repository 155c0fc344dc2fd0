/**
 * axe on the reader with real imported documents, inside the frame that shows them: the screen-by-screen audit
 * (accessibility.spec.ts) runs axe in the app's own page, which does not enter the document's frame, so what the
 * importers make of real files (Word equations and their scroll boxes, DocBook tables and notes, EPUB chapters,
 * PDF pages and their text layer) was never audited.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Frame, Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const AXE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8')
const DOCS = join(REPO_ROOT, 'tests', 'fixtures', 'documents')

type Violation = { id: string; help: string; targets: string[] }

/**
 * Rules about a whole page (one main landmark, a level-one heading, everything inside landmarks): axe runs them on
 * the top page only, not on a frame's document, where the app's page around the frame answers them.
 */
const PAGE_LEVEL_RULES = ['landmark-one-main', 'page-has-heading-one', 'region', 'bypass']

async function audit(frame: Frame, embedded = false): Promise<Violation[]> {
  await frame.evaluate(AXE)
  return frame.evaluate(
    async (skip) => {
      type AxeResult = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] }
      type Options = { iframes: boolean; rules: Record<string, { enabled: boolean }> }
      type Run = (context: Document, options: Options) => Promise<AxeResult>
      const axe = (window as unknown as { axe: { run: Run } }).axe
      // Each frame is audited on its own (the document's frame runs no script to answer axe's messages).
      const rules = Object.fromEntries(skip.map((id) => [id, { enabled: false }]))
      const result = await axe.run(document, { iframes: false, rules })
      return result.violations.map((violation) => ({
        id: violation.id,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
      }))
    },
    embedded ? PAGE_LEVEL_RULES : [],
  )
}

/**
 * axe in the app's page, then in a copy of the document's frame: the frame is sandboxed without scripts, so axe
 * cannot run in it (its timers never fire); the copy is the frame's whole markup and styles, at the frame's size
 * and colour scheme, in a page that allows axe.
 */
async function expectAccessible(
  page: Page,
  screen: string,
  scheme: 'light' | 'dark',
): Promise<void> {
  expect.soft(await audit(page.mainFrame()), `axe violations on ${screen}, the page`).toEqual([])
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue
    const { html, width, height } = await frame.evaluate(() => ({
      html: `<!doctype html>${document.documentElement.outerHTML}`,
      width: window.innerWidth,
      height: window.innerHeight,
    }))
    const copy = await page.context().newPage()
    try {
      await copy.setViewportSize({ width, height })
      await copy.emulateMedia({ colorScheme: scheme })
      await copy.setContent(html)
      expect
        .soft(await audit(copy.mainFrame(), true), `axe violations on ${screen}, the document`)
        .toEqual([])
    } finally {
      await copy.close()
    }
  }
}

const CASES = [
  {
    file: 'debian/test-word-latinmodern_math.docx',
    title: /^test word latinmodern math/,
    text: 'pięć',
  },
  { file: 'debian/debian-reference-ch01-notes.zh-cn.html', title: /GNU\/Linux 教程/, text: '注意' },
  { file: 'python/sorting-howto.html', title: /Sorting HOW TO/, text: 'sorted' },
  { file: 'debian/developers-reference.epub', title: /Developer's Reference/, text: 'Debian' },
  { file: 'texlive/btxdoc.pdf', title: /BibTeXing/, text: 'Patashnik' },
]

for (const scheme of ['light', 'dark'] as const) {
  test(`the reader passes axe inside real documents' frames (${scheme})`, async ({ app, page }) => {
    test.setTimeout(180_000)
    await page.emulateMedia({ colorScheme: scheme })
    const report = await app.importFiles(CASES.map((c) => join(DOCS, c.file)))
    await expect(report).toContainText(`${CASES.length} documents imported`)
    await report.getByRole('button', { name: /close|dismiss/i }).click()
    for (const c of CASES) {
      await app.library.getByRole('button', { name: c.title }).first().click()
      // A PDF opens as its printed pages: its words are in the pages' text layer, not a text body.
      if (c.file.endsWith('.pdf'))
        await expect(page.locator('.pdf-page .textLayer').first()).toContainText(c.text)
      else await app.reader.waitForText(c.text)
      await page.screenshot({ path: `/tmp/lead/axe/${scheme}-${c.file.replace(/\W+/g, '-')}.png` })
      await expectAccessible(page, `${c.file} (${scheme})`, scheme)
      await app.reader.region.getByRole('button', { name: /Back/ }).click()
    }
  })
}
