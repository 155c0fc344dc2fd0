/**
 * A plain-text file is shown with its own lines: a code sample's commands one per line, an underlined heading over
 * its underline. (The reader used to flow each paragraph, printing "Introduction ------------" and a shell session as
 * one run-on line: text the file never showed that way.) Real file: util-linux's howto-pull-request.txt.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { LecternApp } from './pages/LecternApp'
import { REPO_ROOT, startWebHost, tempLibraryDir } from './support/web-host'

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
  const libraryDir = tempLibraryDir('lectern-lines-')
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

/**
 * A plain-text file is set in a fixed-width font, so a file written for 80 columns fits the reader at the default
 * window size (1280×820) without wrapping: a new-user trial found GNU MPFR's 79-column "#####" rule wrapped in the
 * proportional serif. Real file: libmpfr6's README (tests/fixtures/SOURCES.md).
 */
test.describe('at the default window size', () => {
  test.use({ viewport: { width: 1280, height: 820 } })

  test('an 80-column plain-text file is set in a fixed-width font and no line of it wraps', async ({
    page,
  }) => {
    mkdirSync(OUT, { recursive: true })
    const file = join(REPO_ROOT, 'tests', 'fixtures', 'documents', 'debian', 'libmpfr6', 'README')
    const widest = Math.max(
      ...readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.length),
    )
    expect(widest).toBeGreaterThanOrEqual(78)
    expect(widest).toBeLessThanOrEqual(80)
    const libraryDir = tempLibraryDir('lectern-mono-')
    execFileSync(process.execPath, [
      join(REPO_ROOT, 'out', 'main', 'cli.js'),
      'import',
      '--library',
      libraryDir,
      file,
    ])
    const host = await startWebHost({ libraryDir })
    try {
      const app = new LecternApp(page)
      await app.open(host.url)
      await app.row('libmpfr6 README').locator('.title-button').click()
      await app.reader.waitForText('#####')

      const shown = await page.evaluate(() => {
        const body = document.querySelector('.text-body') as HTMLElement
        const paragraphs = [...body.querySelectorAll('p')]
        // Lines on screen per paragraph (its height over its line height) against the lines of its text.
        const wrapped = paragraphs
          .map((p) => {
            const lineHeight = Number.parseFloat(getComputedStyle(p).lineHeight)
            const shownLines = Math.round(
              (p.getBoundingClientRect().height -
                Number.parseFloat(getComputedStyle(p).paddingBottom || '0')) /
                lineHeight,
            )
            return {
              text: p.textContent ?? '',
              shownLines,
              lines: (p.textContent ?? '').split('\n').length,
            }
          })
          .filter((p) => p.shownLines !== p.lines)
          .map((p) => p.text.slice(0, 40))
        // Fixed width: "iiii" as wide as "MMMM" in the paragraphs' font.
        const probe = document.createElement('span')
        ;(paragraphs[0] as HTMLElement).append(probe)
        probe.textContent = 'iiiiiiii'
        const narrow = probe.getBoundingClientRect().width
        probe.textContent = 'MMMMMMMM'
        const wide = probe.getBoundingClientRect().width
        probe.remove()
        return { wrapped, narrow, wide, count: paragraphs.length }
      })
      expect(shown.count).toBeGreaterThan(5)
      expect(shown.wrapped).toEqual([])
      expect(shown.narrow).toBeCloseTo(shown.wide, 0)
      await page.screenshot({ path: join(OUT, 'plain-text-80-columns.png') })
    } finally {
      await host.stop()
    }
  })
})
