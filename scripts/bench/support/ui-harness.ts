/**
 * What the UI benchmarks share (scripts/bench/ui.ts and scripts/bench/ui/palette.ts): statistics, Debian's Chromium,
 * a page that tolerates tsx's helpers, the host's idle wait, "keystroke → results painted" timing, and a worker's
 * V8 heap read through the DevTools protocol. Not a benchmark itself (scripts/bench.mjs runs only the top-level files).
 */
import { type Browser, type CDPSession, chromium, type Page } from '@playwright/test'
import type { RunningHost } from '../../../tests/e2e/support/web-host'

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] as number
}

export function summary(values: number[]): string {
  const fmt = (n: number): string => (Number.isNaN(n) ? '–' : n.toFixed(1))
  return `median ${fmt(percentile(values, 50))} ms, p95 ${fmt(percentile(values, 95))} ms, max ${fmt(
    Math.max(...values),
  )} ms (n=${values.length})`
}

/** The machine's load, printed beside the numbers: two cores shared by several engineers make timings noisy. */
export async function loadAverage(): Promise<string> {
  const { loadavg } = await import('node:os')
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A page whose evaluated functions may carry tsx's `__name` helper (esbuild keepNames). */
export async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.addInitScript({ content: 'window.__name = (fn) => fn' })
  return page
}

/** One API call from Node to the host; returns the value and the round-trip time. */
export async function call(
  host: RunningHost,
  method: string,
  args: unknown = {},
): Promise<{ value: unknown; ms: number }> {
  const started = performance.now()
  try {
    const response = await fetch(`${host.origin}/api/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Lectern-Token': host.token,
        Origin: host.origin,
      },
      body: JSON.stringify(args),
    })
    const envelope = (await response.json()) as { value?: unknown }
    return { value: envelope.value, ms: performance.now() - started }
  } catch {
    // A busy host may drop a connection: count it as a slow answer and ask again.
    return { value: undefined, ms: Number.POSITIVE_INFINITY }
  }
}

/**
 * Wait until the host's start-up work is over, so the bench measures the UI rather than maintenance: the daily
 * backup that a fresh library gets at start (written, then verified with integrity_check, which holds the host's
 * event loop for seconds at 100,000 documents), then a few quick answers in a row.
 */
export async function waitForIdleHost(host: RunningHost): Promise<void> {
  const deadline = performance.now() + 120_000
  while (performance.now() < deadline) {
    const backups = await call(host, 'library.backups')
    if (Array.isArray(backups.value) && backups.value.length > 0) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  let quick = 0
  while (quick < 3 && performance.now() < deadline) {
    quick = (await call(host, 'library.info')).ms < 50 ? quick + 1 : 0
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export type TypingProbe = {
  /** The text field keys go to. */
  input: string
  /** The element whose attribute names the query its painted results answer. */
  answered: string
  attribute: string
}

/** One keystroke: milliseconds from keydown to its results painted, and in which frame they were painted. */
export type Keystroke = {
  ms: number
  /**
   * Animation frames from the character entering the field (its `input` event) to the frame that painted its
   * results: 1 when they are in the very frame that shows the character, 2 when they waited one frame more, and so
   * on. Unlike `ms`, this does not depend on where in the 16.7 ms frame interval the key happened to arrive.
   */
  frames: number
}

/**
 * Type `query` key by key into the focused field and time each keystroke until the results for exactly that text
 * are painted: keydown's timestamp → the task after the next animation frame once the `answered` attribute names
 * the text (rAF runs before the frame's paint; the message after it once the frame is produced). Each keystroke also
 * says whether its results made the first frame after the character: the `input` event asks for one animation frame
 * and keeps its time, which the frame painting the results shares or follows (no rAF loop: keeping frames running
 * changes Chromium's scheduling and adds ~10 ms to every keystroke measured).
 */
export async function typeAndTime(
  page: Page,
  probe: TypingProbe,
  query: string,
  options: { skip?: (typed: string) => boolean; pauseMs: number },
): Promise<Keystroke[]> {
  await page.evaluate((probe) => {
    const state = window as unknown as {
      __typed: Map<string, number>
      __painted: Map<string, number>
      __inputFrame: Map<string, number>
      __paintedFrame: Map<string, number>
      __observer?: MutationObserver
    }
    state.__typed = new Map()
    state.__painted = new Map()
    state.__inputFrame = new Map()
    state.__paintedFrame = new Map()
    state.__observer?.disconnect()
    const input = document.querySelector(probe.input) as HTMLInputElement
    input.addEventListener('keydown', (event) => {
      // The value this key will produce (printable keys only in these benches).
      if (event.key.length === 1) state.__typed.set(input.value + event.key, event.timeStamp)
    })
    input.addEventListener('input', () => {
      const value = input.value
      // The first frame after the character entered the field (its timestamp is the frame's, shared by every
      // rAF callback of that frame).
      if (!state.__inputFrame.has(value))
        requestAnimationFrame((frameTime) => state.__inputFrame.set(value, frameTime))
    })
    state.__observer = new MutationObserver(() => {
      const shown = document.querySelector(probe.answered)?.getAttribute(probe.attribute)
      if (!shown || state.__painted.has(shown) || !state.__typed.has(shown)) return
      requestAnimationFrame((frameTime) => {
        state.__paintedFrame.set(shown, frameTime)
        const channel = new MessageChannel()
        channel.port1.onmessage = () => state.__painted.set(shown, performance.now())
        channel.port2.postMessage(null)
      })
    })
    state.__observer.observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: [probe.attribute],
      childList: true,
    })
  }, probe)
  const keystrokes: Keystroke[] = []
  for (let i = 1; i <= query.length; i++) {
    const typed = query.slice(0, i)
    await page.keyboard.type(query[i - 1] as string)
    if (options.skip?.(typed)) continue
    await page.waitForFunction(
      (value) => (window as unknown as { __painted: Map<string, number> }).__painted.has(value),
      typed,
      { timeout: 10_000 },
    )
    keystrokes.push(
      await page.evaluate((value) => {
        const state = window as unknown as {
          __typed: Map<string, number>
          __painted: Map<string, number>
          __inputFrame: Map<string, number>
          __paintedFrame: Map<string, number>
        }
        return {
          ms: (state.__painted.get(value) as number) - (state.__typed.get(value) as number),
          // Frame timestamps are vsync times, 16.7 ms apart at 60 Hz.
          frames:
            1 +
            Math.round(
              ((state.__paintedFrame.get(value) as number) -
                (state.__inputFrame.get(value) as number)) /
                (1000 / 60),
            ),
        }
      }, typed),
    )
    await page.waitForTimeout(options.pauseMs)
  }
  return keystrokes
}

/** "97% in the first frame, 3% one frame later…": how many frames keystrokes' results took. */
export function framesSummary(keystrokes: Keystroke[]): string {
  const counts = new Map<number, number>()
  for (const k of keystrokes) counts.set(k.frames, (counts.get(k.frames) ?? 0) + 1)
  const share = (n: number): string => `${((100 * n) / keystrokes.length).toFixed(1)}%`
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([frames, n]) => `${share(n)} in frame ${frames}`)
    .join(', ')
}

/**
 * The V8 heap of the page's dedicated worker named `name`, in MB, after a forced garbage collection: the page's
 * DevTools session auto-attaches to its workers (non-flat sessions, so Playwright's own stay untouched) and asks
 * `HeapProfiler.collectGarbage` then `Runtime.getHeapUsage`. Null when no such worker answers.
 */
export async function workerHeapMb(page: Page, name: string): Promise<number | null> {
  const session: CDPSession = await page.context().newCDPSession(page)
  try {
    const attached = new Map<string, string>()
    const replies = new Map<number, (result: unknown) => void>()
    session.on('Target.attachedToTarget', (event) => {
      const e = event as { sessionId: string; targetInfo: { type: string; title: string } }
      if (e.targetInfo.type === 'worker') attached.set(e.targetInfo.title, e.sessionId)
    })
    session.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse((event as { message: string }).message) as {
        id?: number
        result?: unknown
      }
      if (message.id !== undefined) replies.get(message.id)?.(message.result)
    })
    await session.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    })
    const deadline = performance.now() + 5000
    while (performance.now() < deadline && ![...attached.keys()].some((t) => t.includes(name))) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const sessionId = [...attached].find(([title]) => title.includes(name))?.[1]
    if (!sessionId) return null
    let id = 0
    const ask = (method: string): Promise<unknown> =>
      new Promise((resolve) => {
        const messageId = ++id
        replies.set(messageId, resolve)
        void session.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: messageId, method }),
        })
      })
    await ask('HeapProfiler.enable')
    await ask('HeapProfiler.collectGarbage')
    const usage = (await ask('Runtime.getHeapUsage')) as { usedSize: number }
    return usage.usedSize / 1024 / 1024
  } finally {
    await session.detach().catch(() => {})
  }
}
