/**
 * PDF page view benchmark (issue #12), in Debian's Chromium through the loopback web host, on a generated 300-page
 * PDF (scripts/gen-hostile-fixtures.ts manyPagesPdf: one line of Helvetica per page):
 *
 * 1. Opening the document from the library to its first page painted (canvas drawn), p50/p95 over several opens
 *    (goal p95 ≤ 500 ms), against a baseline measured in the same run: opening the same document in the text view
 *    to its first paragraphs on screen.
 * 2. Page-to-page scrolling: frame times while the pages scroll by 200 px a frame (goal: no frame over 50 ms).
 *
 * Run after `npm run build` (`npm run bench -- pdf-view`). The machine's load changes the numbers: say so.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { startWebHost } from '../../tests/e2e/support/web-host'
import { hostClient } from '../../tests/support/hostile/host-client'
import { manyPagesPdf } from '../gen-hostile-fixtures'

const PAGES = 300
const OPENS = 7

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN
  )
}
const summary = (values: number[]): string =>
  `median ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms (n=${values.length})`

/** Open the document from the library and time until an element matching `ready` is in the page. */
async function timeOpen(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url)
  const button = page
    .getByRole('region', { name: 'Library' })
    .getByRole('button', { name: 'Many pages' })
  await button.waitFor()
  const started = await page.evaluate(() => performance.now())
  await button.click()
  await page.waitForFunction((selector) => document.querySelector(selector) !== null, ready, {
    timeout: 60_000,
    polling: 'raf',
  })
  return (await page.evaluate(() => performance.now())) - started
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-pdf-'))
  const host = await startWebHost({ libraryDir: join(dir, 'library') })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  })
  try {
    const client = hostClient(host.url)
    const path = await client.upload('many-pages.pdf', manyPagesPdf(PAGES))
    const { jobId } = await client.call<{ jobId: string }>('documents.import', { paths: [path] })
    await client.call('jobs.wait', { jobId })
    const { documents } = await client.call<{ documents: { id: number }[] }>('documents.list', {})
    const id = documents[0]?.id as number
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    // tsx (esbuild keepNames) wraps evaluated functions in a `__name` helper the page must have.
    await page.addInitScript({ content: 'window.__name = (fn) => fn' })
    const setMode = (mode: string) =>
      page.evaluate(
        ([key, value]) => localStorage.setItem(key as string, value as string),
        [`lectern.readerMode.${id}`, mode],
      )
    await page.goto(host.url)
    const pageTimes: number[] = []
    const textTimes: number[] = []
    for (let i = 0; i < OPENS; i++) {
      await setMode('text')
      textTimes.push(await timeOpen(page, host.url, '.text-body p[data-p]'))
      await setMode('pages')
      pageTimes.push(await timeOpen(page, host.url, '.pdf-page canvas[data-painted]'))
    }
    console.log(`first page painted, ${PAGES}-page PDF: ${summary(pageTimes)}  (goal p95 ≤ 500 ms)`)
    console.log(
      `baseline, same document in the text view to first paragraphs: ${summary(textTimes)}`,
    )

    const frames = await page.evaluate(async () => {
      const scroller = document.querySelector('.pdf-pages') as HTMLElement
      const deltas: number[] = []
      let last = performance.now()
      for (let i = 0; i < 240; i++) {
        scroller.scrollBy(0, 200)
        await new Promise((resolve) => requestAnimationFrame(resolve))
        const now = performance.now()
        deltas.push(now - last)
        last = now
      }
      return deltas
    })
    console.log(
      `scrolling ${PAGES} pages at 200 px/frame: frame ${summary(frames)}, max ${Math.max(...frames).toFixed(1)} ms, over 50 ms: ${frames.filter((f) => f > 50).length} of ${frames.length}`,
    )
  } finally {
    await browser.close()
    await host.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
