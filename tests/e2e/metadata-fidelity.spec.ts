/**
 * What a new user saw in trial 7, through the browser upload path: ten rows called "README", a DOCX titled by its
 * first equation, an EPUB byline naming the same team twice ("Developer's Reference Team · Developer's Reference
 * Team"). The fixtures are real Debian files; the folder pick uploads them with their relative paths.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const DEBIAN = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'debian')

test('a README is titled with its folder, an equation is no title, and a byline names its author once', async ({
  app,
  page,
}) => {
  const folder = join(mkdtempSync(join(tmpdir(), 'lectern-e2e-metafix-')), 'docs')
  mkdirSync(join(folder, 'libmpfr6'), { recursive: true })
  try {
    copyFileSync(join(DEBIAN, 'libmpfr6', 'README'), join(folder, 'libmpfr6', 'README'))
    copyFileSync(
      join(DEBIAN, 'test-word-latinmodern_math.docx'),
      join(folder, 'test-word-latinmodern_math.docx'),
    )
    copyFileSync(
      join(DEBIAN, 'developers-reference.epub'),
      join(folder, 'developers-reference.epub'),
    )
    const report = await app.importFolder(folder)
    await expect(report).toContainText('3 documents imported')
    await page.getByRole('button', { name: 'Close report' }).click()

    await expect(app.row('libmpfr6 README')).toBeVisible()
    await expect(app.row('test word latinmodern math')).toBeVisible()
    await expect(app.library).not.toContainText('Ȧť')
    const epubRow = app.row("Debian Developer's Reference")
    await expect(epubRow).toContainText("Developer's Reference Team")
    await expect(epubRow).not.toContainText(/Reference Team.*Reference Team/)
    await page.screenshot({ path: test.info().outputPath('library.png') })

    await app.library.getByRole('button', { name: "Debian Developer's Reference" }).click()
    const byline = app.reader.region.locator('.byline')
    await expect(byline).toContainText("Developer's Reference Team")
    // The book prints its version's date ("version 12.18, released on 2023-03-06"): the byline shows it.
    await expect(byline).toHaveText(/^Developer's Reference Team · 6 Mar 2023 · [\d,]+ words$/)
    await page.screenshot({ path: test.info().outputPath('epub-byline.png') })
  } finally {
    rmSync(join(folder, '..'), { recursive: true, force: true })
  }
})

const TEXLIVE = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'texlive')
const VERSION_LINE = 'Ceci est la version "12.18", publiée le "2023-03-06", du guide de'

test('authors and dates the documents print: shown in the byline, cited in the export', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  const folder = join(mkdtempSync(join(tmpdir(), 'lectern-e2e-printed-')), 'docs')
  mkdirSync(folder)
  try {
    copyFileSync(join(TEXLIVE, 'hyph-utf8.pdf'), join(folder, 'hyph-utf8.pdf'))
    for (const name of ['developers-reference-head.fr.txt', 'debian-reference-index.ja.html'])
      copyFileSync(join(DEBIAN, name), join(folder, name))
    const report = await app.importFolder(folder)
    await expect(report).toContainText('3 documents imported')
    await page.getByRole('button', { name: 'Close report' }).click()

    // hyph-utf8.pdf: "Maintainers …: Mojca Miklavec, Arthur Reutenauer"; "Latest editorial change: 16 Mars 2018".
    const hyph = app.row('The hyph-utf8 package and hyphenation with TeX')
    await expect(hyph).toContainText('Mojca Miklavec, Arthur Reutenauer')
    await page.screenshot({ path: test.info().outputPath('library.png') })
    await app.library
      .getByRole('button', { name: 'The hyph-utf8 package and hyphenation with TeX' })
      .click()
    const byline = app.reader.region.locator('.byline')
    await expect(byline).toHaveText(
      /^Mojca Miklavec, Arthur Reutenauer · 16 Mar 2018 · [\d,]+ words$/,
    )
    await page.screenshot({ path: test.info().outputPath('hyph-byline.png') })
    await app.reader.region.getByRole('button', { name: /Back/ }).click()

    // The DocBook title page's legal notice is in the text, and its date is the book's.
    await app.library.getByRole('button', { name: 'Debian リファレンス' }).click()
    await app.reader.waitForText('本 Debian リファレンス (第2.100版) (2023-02-04 11:59:01 UTC)')
    await expect(byline).toHaveText(/^4 Feb 2023 · [\d,]+ words$/)
    await page.screenshot({ path: test.info().outputPath('ja-legalnotice.png') })
    await app.reader.region.getByRole('button', { name: /Back/ }).click()

    // The French guide: its team under the title, its version's date; the quote is cited with both.
    await app.library.getByRole('button', { name: 'Guide de référence pour Debian' }).click()
    await expect(byline).toHaveText(
      /^Équipe du guide de référence pour Debian · 6 Mar 2023 · [\d,]+ words$/,
    )
    await app.reader.saveQuote(VERSION_LINE)
    await app.quotes.select(VERSION_LINE)
    await app.quotes.export()
    const dialog = page.getByRole('dialog', { name: /^Export/ })
    await dialog.getByLabel('Citation style').selectOption('apa')
    const preview = dialog.getByRole('region', { name: 'Preview' })
    await expect(preview).toContainText(
      'Équipe du guide de référence pour Debian. (2023, March 6). *Guide de référence pour Debian*.',
    )
    await expect(preview).toContainText('(Équipe du guide de référence pour Debian, 2023, para.')
    await expect(dialog.getByRole('region', { name: 'Check before citing' })).toBeHidden()
    await page.screenshot({ path: test.info().outputPath('fr-export.png') })
  } finally {
    rmSync(join(folder, '..'), { recursive: true, force: true })
  }
})
