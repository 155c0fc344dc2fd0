import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { callApi } from './support/api'
import { fixtureArticles } from './support/fixture-articles'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const AXE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8')
const articles = fixtureArticles()
test.use({ seed: { articles, count: 3, tags: ['economy'] } })

type Violation = { id: string; help: string; targets: string[] }

/** Run axe-core (every rule but the experimental ones) on the page as it is; returns what it finds. */
async function audit(page: Page): Promise<Violation[]> {
  // Evaluated through the debugging protocol, so the page's CSP (no inline scripts) does not apply.
  await page.evaluate(AXE)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResult> } })
      .axe
    type AxeResult = {
      violations: { id: string; help: string; nodes: { target: string[] }[] }[]
    }
    const result = await axe.run(document)
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }))
  })
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await audit(page), `axe violations on ${screen}`).toEqual([])
}

test('every screen passes axe in light and dark: names on every control, contrast, valid ARIA', async ({
  app,
  page,
  host,
}) => {
  // Two colour schemes × every screen, axe on each: slow on a loaded machine.
  test.setTimeout(150_000)
  const list = await callApi<{ documents: { id: number; title: string }[] }>(
    page,
    host,
    'documents.list',
    {},
  )
  // Two quotes from two speeches (for the quote menu and the comparison).
  for (const text of ["It's so good to see everybody.", 'And we’re honored to be a part of it.']) {
    const source = articles.find((article) => article.text.includes(text))
    const documentId = list.documents.find((doc) => doc.title === source?.title)?.id
    await callApi(page, host, 'quotes.create', { documentId, text, color: 'yellow' })
  }
  await page.reload()
  await expect(app.library.getByRole('row').nth(3)).toBeVisible()

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await app.library
      .getByRole('row')
      .nth(1)
      .click({ position: { x: 400, y: 10 } })
    await expectAccessible(page, `the library with a selection (${scheme})`)
    await page.keyboard.press('Escape')

    await app.search('everybody')
    await expectAccessible(page, `search results (${scheme})`)
    await app.searchBox.press('Enter')
    await expect(app.reader.heading()).toBeVisible()
    await app.reader.find('thank')
    await app.reader.region.getByRole('button', { name: 'Details', exact: true }).click()
    await expectAccessible(page, `the reader with find and details (${scheme})`)
    await app.reader.region.getByRole('button', { name: 'Details', exact: true }).click()

    await app.quotes.region
      .getByRole('button', { name: 'More actions for this quote' })
      .first()
      .click()
    await expect(page.getByRole('menu')).toBeVisible()
    await expectAccessible(page, `a quote's menu (${scheme})`)
    await page.keyboard.press('Escape')

    const cards = app.quotes.region.getByRole('article')
    await cards.nth(0).getByRole('checkbox').check()
    await cards.nth(1).getByRole('checkbox').check()
    await app.quotes.compare()
    await expect(page.getByRole('article', { name: /^Column/ }), `columns (${scheme})`).toHaveCount(
      2,
    )
    await expectAccessible(page, `the comparison (${scheme})`)
    await app.quotes.export()
    await expect(page.getByRole('dialog').getByRole('region', { name: 'Preview' })).toContainText(
      /\S/,
    )
    await expectAccessible(page, `the export dialog (${scheme})`)
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
    await app.searchBox.fill('')
    await app.quotes.region.getByRole('button', { name: 'Clear', exact: true }).click()
    await page.getByRole('button', { name: 'All documents' }).click()

    // The go-to-anything palette with marked results, and the commands list.
    await page.keyboard.press('Control+p')
    const palette = page.getByRole('dialog', { name: 'Go to anything' })
    await palette.getByRole('combobox').pressSequentially('remarks')
    await expect(palette.getByRole('listbox')).toHaveAttribute('data-answered', 'remarks')
    await expect(palette.getByRole('option').first()).toBeVisible()
    await expectAccessible(page, `the palette (${scheme})`)
    await palette.getByRole('combobox').fill('>')
    await expect(palette.getByRole('option').first()).toBeVisible()
    await expectAccessible(page, `the command palette (${scheme})`)
    await page.keyboard.press('Escape')
  }

  // An import report (one new document, one duplicate).
  const report = await app.importFiles([
    join(REPO_ROOT, 'tests', 'fixtures', 'e2e', 'thanksgiving-turkey-pardon.txt'),
    join(REPO_ROOT, 'tests', 'fixtures', 'e2e', 'SOURCES.md'),
  ])
  await expect(report).toContainText('imported')
  await expectAccessible(page, 'the import report (dark)')
})
