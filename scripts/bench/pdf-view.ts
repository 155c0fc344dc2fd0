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
const OPENS = 12
/** The first opens reload the app (the session's first PDF); the rest open again from the library. */
const COLD_OPENS = 3

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN
  )
}
const summary = (values: number[]): string =>
  `median ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms (n=${values.length})`

/**
 * Open the document from the library and time until an element matching `ready` is in the page. `cold`: the app is
 * loaded afresh first (pdf.js's worker and code not yet loaded: the first PDF of a session); else the reader goes
 * back to the library and opens it again, as a person moving between documents does.
 */
async function timeOpen(page: Page, url: string, ready: string, cold: boolean): Promise<number> {
  if (cold) await page.goto(url)
  else await page.getByRole('button', { name: '← Back' }).click()
  const button = page
    .getByRole('region', { name: 'Library' })
    .getByRole('button', { name: 'Many pages' })
  await button.waitFor()
  await page.waitForTimeout(200)
  const started = await page.evaluate(() => performance.now())
  await button.click()
  await page.waitForFunction((selector) => document.querySelector(selector) !== null, ready, {
    timeout: 60_000,
    polling: 'raf',
  })
  return (await page.evaluate(() => performance.now())) - started
}

/** Frame times (requestAnimationFrame deltas) while `scroller` scrolls by `step` px a frame; no scrolling when 0. */
async function frameTimes(page: Page, scroller: string, step: number): Promise<number[]> {
  return page.evaluate(
    async ([selector, by]) => {
      const element = document.querySelector(selector as string) as HTMLElement
      const deltas: number[] = []
      await new Promise((resolve) => requestAnimationFrame(resolve))
      let last = performance.now()
      for (let i = 0; i < 240; i++) {
        if (by) element.scrollBy(0, by as number)
        await new Promise((resolve) => requestAnimationFrame(resolve))
        const now = performance.now()
        deltas.push(now - last)
        last = now
      }
      return deltas
    },
    [scroller, step],
  )
}

const frameSummary = (frames: number[]): string =>
  `${summary(frames)}, max ${Math.max(...frames).toFixed(1)} ms, over 50 ms: ${frames.filter((f) => f > 50).length} of ${frames.length}`

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
    const pageTimes: number[] = []
    const textTimes: number[] = []
    const coldPageTimes: number[] = []
    const coldTextTimes: number[] = []
    await page.goto(host.url)
    for (let i = 0; i < OPENS; i++) {
      const cold = i < COLD_OPENS
      await setMode('text')
      ;(cold ? coldTextTimes : textTimes).push(
        await timeOpen(page, host.url, '.text-body p[data-p]', cold),
      )
      await setMode('pages')
      ;(cold ? coldPageTimes : pageTimes).push(
        await timeOpen(page, host.url, '.pdf-page canvas[data-painted]', cold),
      )
    }
    console.log(`first page painted, ${PAGES}-page PDF: ${summary(pageTimes)}  (goal p95 ≤ 500 ms)`)
    console.log(
      `  baseline, same document in the text view to first paragraphs: ${summary(textTimes)}`,
    )
    console.log(
      `first PDF of a session (app just loaded: pdf.js's code and worker start too): ${summary(coldPageTimes)}; text view ${summary(coldTextTimes)}`,
    )

    await page.waitForTimeout(500)
    const idle = await frameTimes(page, '.pdf-pages', 0)
    const frames = await frameTimes(page, '.pdf-pages', 200)
    console.log(`scrolling ${PAGES} pages at 200 px/frame: frame ${frameSummary(frames)}`)
    const stepped: number[] = []
    for (let i = 0; i < 3; i++) stepped.push(...(await frameTimes(page, '.pdf-pages', 40)))
    console.log(`scrolling pages at 40 px/frame (a wheel's pace): frame ${frameSummary(stepped)}`)
    console.log(
      `  baseline, no scrolling (the machine's own frame rate now): frame ${frameSummary(idle)}`,
    )
    await page.getByRole('button', { name: 'Text view' }).click()
    await page.waitForSelector('.text-body p[data-p]')
    const textScroller = await page.evaluate(() => {
      // The element that scrolls in the text view: the nearest scrollable ancestor of the first paragraph.
      let element = document.querySelector('.text-body p[data-p]')?.parentElement ?? null
      while (element && element.scrollHeight <= element.clientHeight + 1)
        element = element.parentElement
      element?.setAttribute('data-bench-scroller', '')
      return element !== null
    })
    if (textScroller) {
      const textFrames = await frameTimes(page, '[data-bench-scroller]', 200)
      console.log(`  baseline, the text view at 200 px/frame: frame ${frameSummary(textFrames)}`)
    }
  } finally {
    await browser.close()
    await host.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
