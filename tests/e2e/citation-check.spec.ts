import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const SET = join(REPO_ROOT, 'tests', 'fixtures', 'metadata-set')
const EMAIL = {
  title: 'How to revert a faulty merge',
  sentence: 'I have a master branch.',
}
const SPEECH = {
  title: 'THE PRESIDENT: Well, hello, everybody',
  sentence: 'I am very proud to be able to sign the Daniel Pearl Freedom of the Press Act',
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('the export preview lists references with missing or guessed fields, one click from Details; copy uses the chosen style', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  const folder = join(mkdtempSync(join(tmpdir(), 'lectern-e2e-check-')), 'docs')
  mkdirSync(folder)
  try {
    copyFileSync(join(SET, 'git-revert-a-faulty-merge.txt'), join(folder, 'revert.txt'))
    copyFileSync(join(SET, 'whitehouse-b.txt'), join(folder, 'speech.txt'))
    const report = await app.importFolder(folder)
    await expect(report).toContainText('2 documents imported')
    await page.keyboard.press('Escape')

    for (const source of [EMAIL, SPEECH]) {
      await app.row(source.title).getByRole('button', { name: source.title }).click()
      await expect(app.reader.heading()).toContainText(source.title)
      await app.reader.saveQuote(source.sentence)
      await expect(app.quotes.quote(source.sentence)).toBeVisible()
      await app.reader.region.getByRole('button', { name: /Back/ }).click()
    }

    // The e-mail's headers give title, authors and date; the speech has a guessed title and no author or date.
    await app.quotes.select(EMAIL.sentence)
    await app.quotes.select(SPEECH.sentence)
    await app.quotes.export()
    const dialog = page.getByRole('dialog', { name: /^Export/ })
    const check = dialog.getByRole('region', { name: 'Check before citing' })
    await expect(check).toContainText('1 reference to check')
    await expect(check.getByRole('listitem')).toHaveCount(1)
    await expect(check).toContainText(SPEECH.title)
    await expect(check).not.toContainText(EMAIL.title)
    await page.screenshot({ path: 'test-results/citation-check-export.png' })

    // One click opens the speech's Details; correcting it there empties the check.
    await check.getByRole('button', { name: /^Fix the details of THE PRESIDENT/ }).click()
    await expect(dialog).toBeHidden()
    const details = page.getByRole('form', { name: 'Document details' })
    await expect(details).toBeVisible()
    await expect(app.reader.heading()).toContainText(SPEECH.title)
    await page.screenshot({ path: 'test-results/citation-check-fix-details.png' })
    await details
      .getByLabel('Title')
      .fill('Remarks on Signing the Daniel Pearl Freedom of the Press Act')
    await details.getByLabel(/^Authors/).fill('Barack Obama')
    await details.getByLabel(/^Date/).fill('2010-05-17')
    await details.getByRole('button', { name: 'Save details' }).click()
    await expect(details).toBeHidden()

    await app.quotes.export()
    await expect(dialog.getByRole('region', { name: 'Preview' })).toContainText('Obama')
    await expect(check).toBeHidden()

    // The style chosen here is the one "Copy with citation" uses afterwards (it was always APA).
    await dialog.getByLabel('Format').selectOption('txt')
    await dialog.getByLabel('Citation style').selectOption('mla')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await app.quotes
      .quote(SPEECH.sentence)
      .getByRole('button', { name: 'More actions for this quote' })
      .click()
    await page.getByRole('menuitem', { name: 'Copy with citation' }).click()
    await expect(page.getByText('Copied the quote with its citation.')).toBeVisible()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toContain(SPEECH.sentence)
    // MLA: "Obama, Barack." and the title in quotation marks; APA would print "Obama, B. (2010, May 17)."
    expect(copied).toContain('Obama, Barack.')
    expect(copied).not.toContain('(2010, May 17)')
    await page.screenshot({ path: 'test-results/citation-check-copied.png' })
    // It survives a reload.
    await page.reload()
    await expect(app.library).toBeVisible()
    await app.quotes.export()
    await expect(dialog.getByLabel('Citation style')).toHaveValue('mla')
  } finally {
    rmSync(join(folder, '..'), { recursive: true, force: true })
  }
})
