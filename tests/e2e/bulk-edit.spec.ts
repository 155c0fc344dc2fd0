import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callApi } from './support/api'
import { expect, test } from './support/fixtures'
import { REPO_ROOT } from './support/web-host'

const SET = join(REPO_ROOT, 'tests', 'fixtures', 'metadata-set')

type Detail = {
  authors: string[]
  source: string | null
  publishedAt: string | null
  title: string
}

test('bulk edit sets authors, source and date on the selected documents; Esc cancels, Enter applies', async ({
  app,
  page,
  host,
}) => {
  test.setTimeout(90_000)
  const folder = join(mkdtempSync(join(tmpdir(), 'lectern-e2e-bulk-')), 'docs')
  mkdirSync(folder)
  try {
    copyFileSync(join(SET, 'whitehouse-a.txt'), join(folder, 'a.txt'))
    copyFileSync(join(SET, 'whitehouse-b.txt'), join(folder, 'b.txt'))
    copyFileSync(join(SET, 'git-revert-a-faulty-merge.txt'), join(folder, 'revert.txt'))
    const report = await app.importFolder(folder)
    await expect(report).toContainText('3 documents imported')
    await page.keyboard.press('Escape')

    const speeches = app.library
      .getByRole('row')
      .filter({ hasText: /Remarks by the President|THE PRESIDENT/ })
    await expect(speeches).toHaveCount(2)
    for (const row of await speeches.all()) await row.getByRole('checkbox').check()
    await expect(app.library.getByRole('status')).toHaveText('2 documents selected')

    const edit = app.library.getByRole('button', { name: 'Edit details…' })
    const dialog = page.getByRole('dialog', { name: 'Edit 2 documents' })

    // Esc cancels: nothing typed is applied.
    await edit.click()
    await expect(dialog.getByLabel(/^Authors/)).toBeFocused()
    await page.keyboard.type('Nobody')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()

    // A bad date is refused with a clear message, and what was typed stays.
    await edit.click()
    await expect(dialog.getByLabel(/^Authors/)).toBeFocused()
    await expect(dialog.getByLabel(/^Authors/)).toHaveValue('')
    await page.keyboard.type('Barack Obama; The White House')
    await page.keyboard.press('Tab')
    await page.keyboard.type('The White House')
    await page.keyboard.press('Tab')
    await page.keyboard.type('May 2010')
    await page.keyboard.press('Enter')
    await expect(dialog.getByRole('alert')).toHaveText('Date: use YYYY, YYYY-MM or YYYY-MM-DD.')
    await dialog.getByLabel('Date').fill('2010-05')
    await page.screenshot({ path: 'test-results/bulk-edit-dialog.png' })
    await page.keyboard.press('Enter')
    await expect(dialog).toBeHidden()
    await expect(page.getByText('Updated 2 documents.')).toBeVisible()
    await expect(speeches.first()).toContainText('Barack Obama')
    await page.screenshot({ path: 'test-results/bulk-edit-library.png' })

    // Stored on both speeches, as a person's correction; the e-mail is untouched.
    const list = await callApi<{ documents: { id: number; title: string }[] }>(
      page,
      host,
      'documents.list',
      {},
    )
    expect(list.documents).toHaveLength(3)
    for (const doc of list.documents) {
      const detail = await callApi<Detail & { provenance: { authors?: { origin: string } } }>(
        page,
        host,
        'documents.get',
        { id: doc.id },
      )
      if (!doc.title.includes('faulty merge')) {
        expect(detail.authors).toEqual(['Barack Obama', 'The White House'])
        expect(detail.source).toBe('The White House')
        expect(detail.publishedAt).toBe('2010-05')
        expect(detail.provenance.authors?.origin).toBe('user')
      } else {
        expect(detail.authors).not.toContain('Nobody')
        expect(detail.authors).not.toContain('Barack Obama')
        expect(detail.publishedAt).toBe('2008-12-19')
      }
    }
    // Nothing from the cancelled dialog got through.
    const reviewed = await callApi<{ documents: { problems: { field: string }[] }[] }>(
      page,
      host,
      'documents.reviewMetadata',
      {},
    )
    for (const doc of reviewed.documents) {
      expect(doc.problems.map((p) => p.field)).not.toContain('authors')
    }
  } finally {
    rmSync(join(folder, '..'), { recursive: true, force: true })
  }
})
