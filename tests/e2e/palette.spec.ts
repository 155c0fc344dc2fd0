import { fixtureArticles } from './support/fixture-articles'
import { expect, test } from './support/fixtures'

test.use({ seed: { articles: fixtureArticles(), count: 3, tags: ['speeches'] } })

test('Ctrl+P finds documents, tags and commands from the FlexSearch worker; Enter opens; Esc returns focus', async ({
  app,
  page,
}) => {
  await app.searchBox.focus()
  await page.keyboard.press('Control+p')
  const palette = page.getByRole('dialog', { name: 'Go to anything' })
  const input = palette.getByRole('combobox')
  await expect(input).toBeFocused()
  // The worker answers (not the FTS fallback note).
  await expect(palette.getByText('Still indexing')).toHaveCount(0)
  await input.pressSequentially('toys', { delay: 20 })
  const list = palette.getByRole('listbox', { name: 'Results' })
  await expect(list).toHaveAttribute('data-answered', 'toys')
  const first = list.getByRole('option').first()
  await expect(first).toContainText('Document')
  await expect(first).toContainText(/Toys for Tots/i)
  await expect(first.locator('mark').first()).toHaveText(/toys/i)
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await page.screenshot({ path: '/tmp/palette-shots/palette-1440.png' })

  await page.keyboard.press('Escape')
  await expect(palette).toHaveCount(0)
  await expect(app.searchBox).toBeFocused()

  // Commands only, with shortcuts.
  await page.keyboard.press('Control+Shift+P')
  await expect(input).toHaveValue('>')
  await input.pressSequentially('prefer')
  await expect(list.getByRole('option').first()).toContainText('Preferences…')
  await expect(list.getByRole('option').first()).toContainText('Ctrl+,')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Preferences' })).toBeVisible()
  await page.keyboard.press('Escape')

  // A tag, then a document chosen with the arrow keys.
  await page.keyboard.press('Control+p')
  await input.pressSequentially('speech')
  await expect(list.getByRole('option').filter({ hasText: 'Tag' }).first()).toContainText(
    'speeches',
  )
  await input.fill('')
  await input.pressSequentially('turkey')
  await expect(list).toHaveAttribute('data-answered', 'turkey')
  await page.keyboard.press('Enter')
  await expect(app.reader.heading()).toContainText(/Turkey/i)
})
