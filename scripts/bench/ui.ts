/**
 * UI benchmark (issue 3 acceptance), in Debian's Chromium through the loopback web host:
 *
 * 1. Library view at 100,000 documents: time from navigation to the first rows painted, and frame times while the
 *    table scrolls (smooth wheel-like scrolling, then long jumps that land on rows not loaded yet).
 * 2. Search as you type at 20,000 documents: keystroke-to-results-painted (p50/p95; goal p95 ≤ 100 ms), against a
 *    baseline measured in the same run: the bare `search.query` round trip for the same prefixes from the same page
 *    (so the ratio is what the UI adds: debounce, React render, paint).
 *
 * 3. The go-to-anything palette (scripts/bench/ui/palette.ts) at 5,000, 20,000 and 100,000 documents: ready,
 *    complete, keystroke → results painted, the worker's heap, beside an FTS5 title-prefix baseline.
 *
 * Libraries are built fast by inserting rows directly (tests/e2e/support/seed-library.ts): the White House speeches
 * (public domain) for the library view, the BBC articles (benchmark use only) for search, both from the shared
 * corpora (`LECTERN_CORPUS`, else ../shared/corpus). Run after `npm run build` (`npm run bench -- ui`).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import {
  type CorpusArticle,
  corpusDir,
  readCorpus,
  seedLibrary,
} from '../../tests/e2e/support/seed-library'
import { REPO_ROOT, type RunningHost, startWebHost } from '../../tests/e2e/support/web-host'
import {
  launch,
  loadAverage,
  newPage,
  percentile,
  summary,
  typeAndTime,
  waitForIdleHost,
} from './support/ui-harness'
import { benchPalette, type PaletteRow, printPaletteTable } from './ui/palette'

const LIBRARY_DOCS = Number(process.env.UI_BENCH_LIBRARY_DOCS ?? 100_000)
const SEARCH_DOCS = Number(process.env.UI_BENCH_SEARCH_DOCS ?? 20_000)
/** Smaller libraries the palette is also measured on (the largest is the library view's). */
const PALETTE_SIZES = (process.env.UI_BENCH_PALETTE_SIZES ?? '5000,20000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const NAVIGATIONS = 5
const QUERIES = [
  'economy growth',
  'football club',
  'election labour',
  'mobile phone',
  'film award',
  'oil prices',
  'tony blair',
  'champions league',
  'broadband internet',
  'interest rates',
  'goverment',
  'musci festival',
]

/** Installed before the app loads: records when the first library rows are painted (ms after navigation start). */
function watchFirstRows(): void {
  const state = window as unknown as { __firstRowsPainted?: number }
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[role="row"][aria-rowindex="2"] .title-button')) return
    observer.disconnect()
    // rAF runs before the frame's paint; the message after it runs once the frame has been produced.
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        state.__firstRowsPainted = performance.now()
      }
      channel.port2.postMessage(null)
    })
  })
  observer.observe(document, { childList: true, subtree: true })
}

/** Scroll the grid for `frames` animation frames, `step(i)` giving the new scrollTop; returns frame durations. */
async function scrollFrames(
  page: Page,
  mode: 'smooth' | 'jump',
  frames: number,
): Promise<number[]> {
  return page.evaluate(
    ({ mode, frames }) =>
      new Promise<number[]>((resolve) => {
        const grid = document.querySelector('[role="grid"]') as HTMLElement
        const max = grid.scrollHeight - grid.clientHeight
        const durations: number[] = []
        let last = performance.now()
        let frame = 0
        // A deterministic sequence of far jumps (LCG), so every run lands on the same rows.
        let seed = 12345
        const tick = (now: number): void => {
          if (frame > 0) durations.push(now - last)
          last = now
          if (frame++ >= frames) {
            resolve(durations)
            return
          }
          if (mode === 'smooth') grid.scrollTop += 90
          else {
            seed = (seed * 1103515245 + 12345) % 2 ** 31
            grid.scrollTop = (seed / 2 ** 31) * max
          }
          requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      }),
    { mode, frames },
  )
}

function whiteHouse(corpus: string): CorpusArticle[] {
  return readCorpus(join(corpus, 'whitehouse-remarks-2009-2015', 'articles.jsonl.gz'))
}

/** The palette on a fresh White House library of `count` documents. */
async function benchPaletteLibrary(
  browser: Browser,
  corpus: string,
  count: number,
): Promise<PaletteRow> {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-palette-'))
  try {
    seedLibrary({
      libraryDir: join(dir, 'library'),
      articles: whiteHouse(corpus),
      count,
      maxTextChars: 400,
    })
    const host = await startWebHost({ libraryDir: join(dir, 'library') })
    try {
      await waitForIdleHost(host)
      return await benchPalette(
        browser,
        host,
        join(dir, 'library', 'library.sqlite'),
        count,
        NAVIGATIONS,
      )
    } finally {
      await host.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function benchLibrary(browser: Browser, corpus: string): Promise<PaletteRow> {
  const articles = whiteHouse(corpus)
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-ui-'))
  try {
    const seedMs = seedLibrary({
      libraryDir: join(dir, 'library'),
      articles,
      count: LIBRARY_DOCS,
      maxTextChars: 400,
      tags: ['economy', 'health care', 'foreign policy', 'education'],
    })
    console.log(
      `library: ${LIBRARY_DOCS.toLocaleString('en-US')} documents seeded in ${(seedMs / 1000).toFixed(1)} s`,
    )
    const host = await startWebHost({ libraryDir: join(dir, 'library') })
    try {
      await waitForIdleHost(host)
      const page = await newPage(browser)
      await page.addInitScript(watchFirstRows)
      const firstRows: number[] = []
      for (let i = 0; i < NAVIGATIONS + 1; i++) {
        await page.goto(i === 0 ? host.url : `${host.origin}/`)
        await page.waitForFunction(
          () => (window as unknown as { __firstRowsPainted?: number }).__firstRowsPainted,
          undefined,
          { timeout: 30_000 },
        )
        const painted = await page.evaluate(
          () => (window as unknown as { __firstRowsPainted: number }).__firstRowsPainted,
        )
        if (i === 0)
          console.log(`  first visit (cold caches): first rows painted at ${painted.toFixed(0)} ms`)
        else firstRows.push(painted)
      }
      console.log(
        `  navigation → first rows painted: ${summary(firstRows)} [${firstRows.map((t) => t.toFixed(0)).join(', ')}]`,
      )
      const smooth = await scrollFrames(page, 'smooth', 300)
      console.log(
        `  scroll frames (90 px/frame, 300 frames): ${summary(smooth)}; ${smooth.filter((d) => d > 33.4).length} frames over 33 ms`,
      )
      const jumps = await scrollFrames(page, 'jump', 120)
      console.log(
        `  scroll frames (random jumps over 100k rows, 120 frames): ${summary(jumps)}; ${jumps.filter((d) => d > 33.4).length} frames over 33 ms`,
      )
      await page.close()
      // The go-to-anything palette on the same library (scripts/bench/ui/palette.ts).
      return await benchPalette(
        browser,
        host,
        join(dir, 'library', 'library.sqlite'),
        LIBRARY_DOCS,
        NAVIGATIONS,
      )
    } finally {
      await host.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const SEARCH_PROBE = {
  input: 'input[type="search"]',
  answered: '[data-results-for]',
  attribute: 'data-results-for',
}

/** In the page: type `query` key by key into the search box and time each keystroke until its results are painted. */
async function typeInSearch(page: Page, query: string): Promise<number[]> {
  const box = page.getByRole('searchbox', { name: 'Search' })
  await box.fill('')
  await box.focus()
  const keystrokes = await typeAndTime(page, SEARCH_PROBE, query, {
    // A trailing space changes nothing to search; ~150 ms between keys once results show (a brisk typist).
    skip: (typed) => !typed.trim() || typed.endsWith(' '),
    pauseMs: 60,
  })
  return keystrokes.map((k) => k.ms)
}

/** Baseline: the same prefixes through the bare API from the page, no rendering. */
async function apiTimes(page: Page, host: RunningHost, query: string): Promise<number[]> {
  return page.evaluate(
    async ({ query, token }) => {
      const times: number[] = []
      for (let i = 1; i <= query.length; i++) {
        const typed = query.slice(0, i)
        if (!typed.trim() || typed.endsWith(' ')) continue
        const started = performance.now()
        const response = await fetch('/api/search.query', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Lectern-Token': token },
          body: JSON.stringify({
            query: typed,
            limit: 50,
            sort: 'relevance',
            asYouType: true,
            includeQuotes: true,
          }),
        })
        await response.json()
        times.push(performance.now() - started)
      }
      return times
    },
    { query, token: host.token },
  )
}

async function benchSearch(browser: Browser, corpus: string): Promise<void> {
  const articles = readCorpus(join(corpus, 'bbc-news-2095', 'articles.jsonl')).map((article) => ({
    ...article,
    date: null,
    url: null,
    source: 'BBC News',
  }))
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-ui-search-'))
  try {
    const seedMs = seedLibrary({ libraryDir: join(dir, 'library'), articles, count: SEARCH_DOCS })
    console.log(
      `search: ${SEARCH_DOCS.toLocaleString('en-US')} documents (BBC, full text) seeded in ${(seedMs / 1000).toFixed(1)} s`,
    )
    const host = await startWebHost({ libraryDir: join(dir, 'library') })
    try {
      await waitForIdleHost(host)
      const page = await newPage(browser)
      await page.goto(host.url)
      await page.getByRole('region', { name: 'Library' }).waitFor()
      // Warm-up: the first query loads the vocabulary and search caches.
      await typeInSearch(page, 'warm up')
      const ui: number[] = []
      const api: number[] = []
      for (const query of QUERIES) {
        api.push(...(await apiTimes(page, host, query)))
        ui.push(...(await typeInSearch(page, query)))
      }
      console.log(`  baseline, bare search.query round trip per prefix: ${summary(api)}`)
      console.log(`  keystroke → results painted: ${summary(ui)}`)
      const p95 = percentile(ui, 95)
      console.log(
        `  ratio UI/API: median ×${(percentile(ui, 50) / percentile(api, 50)).toFixed(2)}, p95 ×${(p95 / percentile(api, 95)).toFixed(2)}; goal p95 ≤ 100 ms: ${p95 <= 100 ? 'met' : 'NOT met'}`,
      )
      await page.close()
    } finally {
      await host.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const corpus = corpusDir(REPO_ROOT)
  if (!corpus) {
    console.log(
      'ui bench: no corpus found (set LECTERN_CORPUS or place it at ../shared/corpus); skipped.',
    )
    return
  }
  if (
    !existsSync(join(REPO_ROOT, 'out', 'main', 'web-host.js')) ||
    !existsSync('/usr/bin/chromium')
  ) {
    console.log('ui bench: needs `npm run build` and /usr/bin/chromium; skipped.')
    return
  }
  console.log(`load average at start: ${await loadAverage()} (2 cores, shared)`)
  const browser = await launch()
  try {
    const palette: PaletteRow[] = []
    if (SEARCH_DOCS > 0) await benchSearch(browser, corpus)
    for (const size of PALETTE_SIZES) palette.push(await benchPaletteLibrary(browser, corpus, size))
    if (LIBRARY_DOCS > 0) palette.push(await benchLibrary(browser, corpus))
    printPaletteTable(palette)
    console.log(`load average at end: ${await loadAverage()}`)
  } finally {
    await browser.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
