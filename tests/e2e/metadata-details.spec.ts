import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const SET = join(REPO_ROOT, 'tests', 'fixtures', 'metadata-set')

test('Details shows where each field came from, marks guessed and missing fields, and lists identifiers', async ({
  app,
  page,
}) => {
  const folder = join(mkdtempSync(join(tmpdir(), 'lectern-e2e-meta-')), 'docs')
  mkdirSync(folder)
  try {
    copyFileSync(join(SET, 'git-revert-a-faulty-merge.txt'), join(folder, 'revert.txt'))
    copyFileSync(join(SET, 'whitehouse-b.txt'), join(folder, 'speech.txt'))
    copyFileSync(join(SET, 'python-argparse-howto.docx'), join(folder, 'argparse.docx'))
    const report = await app.importFolder(folder)
    await expect(report).toContainText('3 documents imported')
    await page.keyboard.press('Escape')

    // An e-mail: title, authors and date from its headers, each with its origin.
    await app.search('faulty merge')
    await app.results
      .getByRole('option')
      .filter({ hasText: 'How to revert a faulty merge' })
      .first()
      .click()
    await expect(app.reader.heading()).toContainText('How to revert a faulty merge')
    await app.reader.region.getByRole('button', { name: 'Details', exact: true }).click()
    const details = page.getByRole('form', { name: 'Document details' })
    await expect(details).toContainText("from the document's text: e-mail Date: header")
    await expect(details).toContainText("from the document's text: e-mail From: header")
    await expect(details.locator('.origin-mark')).toHaveCount(0)
    await page.screenshot({ path: 'test-results/metadata-details-email.png' })
    await details.getByRole('button', { name: 'Close' }).click()
    await app.reader.region.getByRole('button', { name: /Back/ }).click()

    // A speech without a headline: the first sentence, whole, marked guessed; no author and no date, marked missing.
    await app.searchBox.fill('')
    await app.search('hello everybody')
    await app.results.getByRole('option').filter({ hasText: 'hello, everybody' }).first().click()
    await expect(app.reader.heading()).toContainText('THE PRESIDENT: Well, hello, everybody')
    await app.reader.region.getByRole('button', { name: 'Details', exact: true }).click()
    await expect(details.locator('.origin-mark.guessed')).toHaveCount(1)
    await expect(details.locator('.origin-mark.missing')).toHaveCount(2)
    await expect(details).toContainText('guessed: first sentence')
    await page.screenshot({ path: 'test-results/metadata-details-guessed.png' })
  } finally {
    rmSync(join(folder, '..'), { recursive: true, force: true })
  }
})
