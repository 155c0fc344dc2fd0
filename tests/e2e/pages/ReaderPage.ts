import { expect, type Locator, type Page } from '@playwright/test'

/** The reader: the open document, its find bar and details, and quoting a selection. */
export class ReaderPage {
  readonly region: Locator

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Reader' })
  }

  heading(): Locator {
    return this.region.getByRole('heading', { level: 1 })
  }

  /** Wait until the document's text is on screen (in the isolated frame or as paragraphs). */
  async waitForText(fragment: string): Promise<void> {
    await expect(this.region).toBeVisible()
    await expect
      .poll(() => this.page.evaluate(bodyText), { message: 'document text shown' })
      .toContain(fragment)
  }

  /** Select `sentence` in the document as a person would with the mouse (it must lie within one paragraph). */
  async select(sentence: string): Promise<void> {
    await this.waitForText(sentence)
    // Opening a document from a search carries the query into the find bar, which jumps to its first match when
    // the answer arrives: let that settle first, or the jump scrolls the selection out of sight (as it would for
    // a person who selected before the document finished opening).
    const findStatus = this.region
      .getByRole('search', { name: 'Find in this document' })
      .getByRole('status')
    if (await findStatus.isVisible()) await expect(findStatus).toHaveText(/\d+ of \d+|No matches/)
    // Bring the passage into view first, as a reader would, then select it.
    await this.page.evaluate(selectSentence, { sentence, scrollOnly: true })
    await this.page.waitForTimeout(100)
    const selected = await this.page.evaluate(selectSentence, { sentence, scrollOnly: false })
    expect(selected, `select “${sentence}”`).toBe(sentence)
  }

  /** Select a sentence and save it as a quote with these tags (and colour label / note when given). */
  async saveQuote(
    sentence: string,
    options: { tags?: string[]; note?: string; colorLabel?: string } = {},
  ): Promise<void> {
    await this.select(sentence)
    await this.page.getByRole('button', { name: 'Save quote', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: 'New quote' })
    await expect(dialog).toBeVisible()
    if (options.colorLabel) await dialog.getByText(options.colorLabel, { exact: true }).click()
    if (options.tags) await dialog.getByLabel('Tags', { exact: true }).fill(options.tags.join(', '))
    if (options.note) await dialog.getByLabel('Note', { exact: true }).fill(options.note)
    await dialog.getByRole('button', { name: 'Save quote', exact: true }).click()
    await expect(dialog).toBeHidden()
  }

  /** Open the find bar and look for `text`; returns the match count shown. */
  async find(text: string): Promise<string> {
    const box = this.page.getByRole('textbox', { name: 'Find in document' })
    // Opened from a search result, the bar is already showing the search words.
    if (!(await box.isVisible())) {
      await this.region.getByRole('button', { name: 'Find', exact: true }).click()
    }
    await box.fill(text)
    const count = this.region.locator('.find-count')
    await expect(count).toHaveText(/of|No matches/)
    return (await count.textContent()) ?? ''
  }
}

/** The document's visible text, from the frame or the plain-text body. Runs in the page. */
function bodyText(): string {
  const frame = document.querySelector<HTMLIFrameElement>('.reader iframe')
  if (frame) return frame.contentDocument?.body?.textContent ?? ''
  return document.querySelector('.reader .text-body')?.textContent ?? ''
}

/**
 * Select a sentence with the DOM selection API (what a mouse drag produces). The frame runs no script, so the
 * selection is made from the page, which may reach into the same-origin sandboxed frame.
 */
function selectSentence({
  sentence,
  scrollOnly,
}: {
  sentence: string
  scrollOnly: boolean
}): string {
  const frame = document.querySelector<HTMLIFrameElement>('.reader iframe')
  const root = frame ? frame.contentDocument?.body : document.querySelector('.reader .text-body')
  const owner = frame?.contentDocument ?? document
  if (!root) return ''
  const walker = owner.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? ''
    const at = text.indexOf(sentence)
    if (at === -1) continue
    if (scrollOnly) {
      node.parentElement?.scrollIntoView({ block: 'center' })
      return ''
    }
    const range = owner.createRange()
    range.setStart(node, at)
    range.setEnd(node, at + sentence.length)
    const selection = owner.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
    return selection?.toString() ?? ''
  }
  return ''
}
