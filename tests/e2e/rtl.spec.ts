/**
 * Right-to-left text as a new user meets it (trial 8): Arabic Markdown (the HTML frame) and an Arabic PDF's text view
 * (the text body). Each paragraph must read right to left: its first letter at the right, its closing full stop at
 * the left end, the line aligned right. Before, every paragraph was set left to right: the "." of an Arabic sentence
 * stood at its right end, after the first word a reader meets.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { LecternApp } from './pages/LecternApp'
import { REPO_ROOT, startWebHost, tempLibraryDir } from './support/web-host'

const OUT = process.env.LECTERN_SCREENSHOT_DIR ?? join(tmpdir(), 'lectern-screenshots')
const DOCS = join(REPO_ROOT, 'tests', 'fixtures', 'documents')

type Layout = { firstRight: number; lastLeft: number; textRight: number; boxRight: number } | null

/** Where the paragraph holding `sentence` puts its first and last character, and its text's right edge. */
function layoutOf(sentence: string): Layout {
  const frames = [...document.querySelectorAll<HTMLIFrameElement>('.reader iframe')]
  const roots = [
    ...document.querySelectorAll('.reader .text-body'),
    ...frames.map((f) => f.contentDocument?.body),
  ]
  for (const root of roots) {
    if (!root) continue
    const found = layoutIn(root, sentence)
    if (found) return found
  }
  return null

  function layoutIn(root: Element, sentence: string): Layout {
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      const at = text.replace(/\u00a0/g, ' ').indexOf(sentence) // the file writes "و" + no-break space
      if (at < 0) continue
      const range = root.ownerDocument.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + 1)
      const first = range.getBoundingClientRect()
      range.setStart(node, at + sentence.length - 1)
      range.setEnd(node, at + sentence.length)
      const last = range.getBoundingClientRect()
      range.setStart(node, 0)
      range.setEnd(node, text.length)
      const block = node.parentElement as HTMLElement
      const style = getComputedStyle(block)
      const box = block.getBoundingClientRect()
      return {
        firstRight: first.right,
        lastLeft: last.left,
        textRight: range.getBoundingClientRect().right,
        boxRight: box.right - Number.parseFloat(style.paddingRight),
      }
    }
    return null
  }
}

async function expectRightToLeft(page: Page, sentence: string): Promise<void> {
  await expect.poll(() => page.evaluate(layoutOf, sentence)).not.toBeNull()
  const layout = (await page.evaluate(layoutOf, sentence)) as NonNullable<Layout>
  // One line: its first letter is the rightmost, its full stop the leftmost, and the line ends at the right edge.
  expect(layout.lastLeft, `the "." of “${sentence}” at the left end`).toBeLessThan(
    layout.firstRight,
  )
  expect(Math.abs(layout.textRight - layout.boxRight), 'aligned right').toBeLessThan(2)
}

test('Arabic paragraphs read and align right to left, in Markdown and in a PDF text view', async ({
  page,
}) => {
  test.setTimeout(120_000)
  mkdirSync(OUT, { recursive: true })
  const libraryDir = tempLibraryDir('lectern-rtl-')
  execFileSync(process.execPath, [
    join(REPO_ROOT, 'out', 'main', 'cli.js'),
    'import',
    '--library',
    libraryDir,
    join(DOCS, 'fonts', 'amiri-README-Arabic.md'),
    join(DOCS, 'texlive', 'arabic-book.pdf'),
  ])
  const host = await startWebHost({ libraryDir })
  try {
    const app = new LecternApp(page)
    await app.open(host.url)

    await app.search('نسخي type:md')
    await app.searchBox.press('Enter')
    await expect(app.reader.heading()).toContainText('الخط الأميري')
    await app.reader.waitForText('الخط الأميري خط نسخي')
    await expectRightToLeft(page, 'الخط الأميري خط نسخي موجه لطباعة الكتب و النصوص الطويلة.')
    await page.screenshot({ path: join(OUT, 'rtl-markdown.png') })

    await app.open(host.url)
    await app.search('وميزاتها type:pdf')
    await app.searchBox.press('Enter')
    await expect(app.reader.heading()).toContainText('اللغة العربيّة')
    await app.reader.region.getByRole('button', { name: 'Text view' }).click()
    await app.reader.waitForText('مكانة اللغة العربيّة وميزاتها.')
    await expectRightToLeft(page, 'مكانة اللغة العربيّة وميزاتها.')
    await page.screenshot({ path: join(OUT, 'rtl-pdf-text.png') })
  } finally {
    await host.stop()
  }
})
