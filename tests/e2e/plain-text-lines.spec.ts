/**
 * A plain-text file is shown with its own lines: a code sample's commands one per line, an underlined heading over
 * its underline. (The reader used to flow each paragraph, printing "Introduction ------------" and a shell session as
 * one run-on line: text the file never showed that way.) Real file: util-linux's howto-pull-request.txt.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { LecternApp } from './pages/LecternApp'
import { REPO_ROOT, startWebHost } from './support/web-host'

const OUT = process.env.LECTERN_SCREENSHOT_DIR ?? join(tmpdir(), 'lectern-screenshots')
const FILE = join(
  REPO_ROOT,
  'tests',
  'fixtures',
  'documents',
  'debian',
  'util-linux-howto-pull-request.txt',
)

/** The top and left of each fragment's first character on screen, in the reader's paragraphs. */
function positions(page: Page, fragments: string[]): Promise<{ top: number; left: number }[]> {
  return page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.querySelector('.text-body') as Node, 4)
    const texts: Text[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text)
    return wanted.map((fragment) => {
      const node = texts.find((t) => t.data.includes(fragment))
      if (!node) return { top: Number.NaN, left: Number.NaN }
      const range = document.createRange()
      const at = node.data.indexOf(fragment)
      range.setStart(node, at)
      range.setEnd(node, at + 1)
      const box = range.getBoundingClientRect()
      return { top: box.top, left: box.left }
    })
  }, fragments)
}

test('a plain-text file shows its own lines: commands one per line, an underline under its heading', async ({
  page,
}) => {
  mkdirSync(OUT, { recursive: true })
  const libraryDir = join(mkdtempSync(join(tmpdir(), 'lectern-lines-')), 'library')
  execFileSync(process.execPath, [
    join(REPO_ROOT, 'out', 'main', 'cli.js'),
    'import',
    '--library',
    libraryDir,
    FILE,
  ])
  const host = await startWebHost({ libraryDir })
  try {
    const app = new LecternApp(page)
    await app.open(host.url)
    await app.row('howto pull request').locator('.title-button').click()
    await app.reader.waitForText('git clone git://git.kernel.org')

    // The shell session: each command on its own line, starting at the same left edge.
    const [cd, clone, cdUtil] = await positions(page, [
      'cd ~/projects',
      'git clone git://',
      'cd util-linux',
    ])
    expect(clone?.top).toBeGreaterThan(cd?.top ?? Number.POSITIVE_INFINITY)
    expect(cdUtil?.top).toBeGreaterThan(clone?.top ?? Number.POSITIVE_INFINITY)
    expect(clone?.left).toBeCloseTo(cd?.left ?? Number.NaN, 0)

    // The setext heading's underline is on the line below it, not beside it.
    const [heading, underline] = await positions(page, ['Introduction', '------------'])
    expect(underline?.top).toBeGreaterThan(heading?.top ?? Number.POSITIVE_INFINITY)
    await page.screenshot({ path: join(OUT, 'plain-text-lines.png') })
  } finally {
    await host.stop()
  }
})
