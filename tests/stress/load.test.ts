/**
 * Load (issue 7 §5), against the real web host in its own process (`node out/main/web-host.js`):
 * 50 concurrent clients issue 10,000 mixed calls (search, list, open, quote) while a 5,000-file import runs.
 * Every call must succeed, search p95 must stay ≤ 150 ms while the import runs, and the final counts must be exact.
 * A second test imports 20,000 documents while one person searches and requires the host's event-loop delay p99
 * (perf_hooks.monitorEventLoopDelay, read through the host's token-protected `--debug-metrics` endpoint) < 50 ms.
 * Both report the host's service time per method (inside dispatch, without queueing) next to client latencies.
 * Run with `npm run test:stress` (after `npm run build`).
 *
 * Documents come from the public-domain White House corpus (`LECTERN_CORPUS` or ../shared/corpus) when present,
 * else from generated prose; each file gets a unique first line so none is a duplicate.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../support/temp-library'

const ROOT = resolve(__dirname, '../..')
const HOST_SCRIPT = join(ROOT, 'out/main/web-host.js')
const CLIENTS = 50
const CALLS = Number(process.env.LECTERN_LOAD_CALLS ?? 10_000)
const IMPORT_FILES = Number(process.env.LECTERN_LOAD_FILES ?? 5_000)
const SEED_FILES = 300
const SEED_QUOTES = 60
const TOKEN = 'load-test-token-0123456789abcdef'

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }
type Kind = 'search' | 'list' | 'get' | 'quote.create' | 'quote.list'

const report = (label: string, values: unknown): void => {
  process.stdout.write(`[load] ${label}: ${JSON.stringify(values)}\n`)
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return Number(
    (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1),
  )
}

/** Article texts: the White House corpus when available, else generated sentences. */
function loadTexts(): { texts: string[]; origin: string } {
  const candidates = [process.env.LECTERN_CORPUS, join(ROOT, '..', 'shared', 'corpus')]
  for (const dir of candidates) {
    const file = dir && join(dir, 'whitehouse-remarks-2009-2015', 'articles.jsonl.gz')
    if (file && existsSync(file)) {
      const texts = gunzipSync(readFileSync(file))
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { title: string; text: string })
        .map((a) => `${a.title}\n\n${a.text}`)
      return { texts, origin: file }
    }
  }
  const words =
    'policy economy health energy climate school workers families jobs growth recovery budget security veterans trade science research college housing infrastructure innovation'.split(
      ' ',
    )
  const texts = Array.from({ length: 500 }, (_, i) =>
    Array.from({ length: 300 }, (_, j) => words[(i * 7 + j * 13) % words.length]).join(' '),
  )
  return { texts, origin: 'generated prose (corpus not found)' }
}

/** Sentences of 6–20 words that occur verbatim in a text: quote material. */
function sentencesOf(text: string): string[] {
  return (text.match(/[A-Z][^.!?\n]{30,140}[.!?]/g) ?? []).filter(
    (s) => s.split(' ').length >= 6 && s.split(' ').length <= 20,
  )
}

function writeFiles(dir: string, texts: string[], count: number, offset: number, maxChars: number) {
  mkdirSync(dir, { recursive: true })
  const written: string[] = []
  for (let i = 0; i < count; i++) {
    const n = offset + i
    const body = (texts[n % texts.length] ?? '').slice(0, maxChars)
    // A unique first line: no file is a duplicate of another.
    writeFileSync(
      join(dir, `doc-${String(n).padStart(5, '0')}.txt`),
      `Load document ${n}\n\n${body}\n`,
    )
    written.push(body)
  }
  return written
}

let root: ReturnType<typeof tempDir>
let child: ChildProcess
let port = 0
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })

function post<T>(path: string, body: unknown): Promise<Envelope<T>> {
  const payload = JSON.stringify(body)
  return new Promise((resolvePost, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
          'X-Lectern-Token': TOKEN,
          Origin: `http://127.0.0.1:${port}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          if (res.statusCode !== 200) {
            reject(new Error(`HTTP ${res.statusCode} for ${path}: ${text.slice(0, 200)}`))
            return
          }
          resolvePost(JSON.parse(text) as Envelope<T>)
        })
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

async function call<T>(method: string, args: unknown = {}): Promise<T> {
  const envelope = await post<T>(`/api/${method}`, args)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value
}

type LoopDelay = {
  resolutionMs: number
  count: number
  meanMs: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  rssBytes: number
  methods: Record<string, { n: number; p50: number; p95: number; max: number }>
}

/** The host's event-loop delay histogram and per-method service times (its `--debug-metrics` endpoint). */
function loopDelay(reset = false): Promise<LoopDelay> {
  return new Promise((resolveGet, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/debug/event-loop${reset ? '?reset=1' : ''}`,
        agent,
        headers: { 'X-Lectern-Token': TOKEN },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolveGet(JSON.parse(Buffer.concat(chunks).toString('utf8')).value))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** Start `node out/main/web-host.js` with debug metrics on a library; sets the module's `port`. */
async function spawnHost(libraryDir: string, importRoot: string): Promise<ChildProcess> {
  const host = spawn(
    process.execPath,
    [
      HOST_SCRIPT,
      '--port',
      '0',
      '--library',
      libraryDir,
      '--import-root',
      importRoot,
      '--token',
      TOKEN,
      '--debug-metrics',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const first = await new Promise<string>((done, fail) => {
    createInterface({ input: host.stdout as NodeJS.ReadableStream }).once('line', done)
    host.once('exit', (code) => fail(new Error(`web host exited with ${code}`)))
  })
  port = Number(/:(\d+)\//.exec(first)?.[1])
  return host
}

async function stopHost(host: ChildProcess | undefined): Promise<void> {
  if (!host || host.exitCode !== null) return
  const exited = new Promise((done) => host.once('exit', done))
  host.kill('SIGTERM')
  await exited
}

describe('web host under load', () => {
  const { texts, origin } = loadTexts()
  const seedSentences: { documentId: number; sentence: string }[] = []
  let seedIds: number[] = []

  beforeAll(async () => {
    expect(existsSync(HOST_SCRIPT), 'out/main/web-host.js is missing: run npm run build').toBe(true)
    root = tempDir('lectern-load-')
    report('corpus', { origin, articles: texts.length, importFiles: IMPORT_FILES })
    writeFiles(join(root.dir, 'seed'), texts, SEED_FILES, 0, 4_000)
    writeFiles(join(root.dir, 'bulk'), texts, IMPORT_FILES, SEED_FILES, 3_000)

    child = await spawnHost(join(root.dir, 'library'), root.dir)

    const started = performance.now()
    const { jobId } = await call<{ jobId: string }>('documents.import', {
      paths: [join(root.dir, 'seed')],
    })
    const seeded = await call<{ status: string; result: { imported: number } }>('jobs.wait', {
      jobId,
    })
    expect(seeded.result.imported).toBe(SEED_FILES)
    report('seed import', { files: SEED_FILES, ms: Math.round(performance.now() - started) })

    const { documents } = await call<{ documents: { id: number }[] }>('documents.list', {
      limit: 1000,
    })
    seedIds = documents.map((d) => d.id)
    for (const id of seedIds) {
      const doc = await call<{ text: string }>('documents.get', { id })
      for (const sentence of sentencesOf(doc.text).slice(0, 3))
        seedSentences.push({ documentId: id, sentence })
      if (seedSentences.length > 2_000) break
    }
    expect(seedSentences.length).toBeGreaterThan(100)
    for (const { documentId, sentence } of seedSentences.slice(0, SEED_QUOTES))
      await call('quotes.create', { documentId, text: sentence, note: 'seed' })
  })

  afterAll(async () => {
    await stopHost(child)
    root?.cleanup()
  })

  it('50 clients, 10,000 mixed calls during a 5,000-file import: none fails, search p95 ≤ 150 ms, counts exact', async () => {
    const vocabulary = [
      ...new Set(
        seedSentences
          .flatMap((s) => s.sentence.toLowerCase().match(/[a-z]{5,}/g) ?? [])
          .filter((w) => !['their', 'there', 'which', 'would', 'about', 'these'].includes(w)),
      ),
    ]
    await loopDelay(true)
    const { jobId } = await call<{ jobId: string }>('documents.import', {
      paths: [join(root.dir, 'bulk')],
    })
    let importRunning = true
    const importStarted = performance.now()
    const importDone = call<{
      status: string
      result: { imported: number; failed: number; duplicates: number }
    }>('jobs.wait', { jobId }).then((outcome) => {
      importRunning = false
      return { outcome, ms: performance.now() - importStarted }
    })

    const latencies: Record<Kind, number[]> = {
      search: [],
      list: [],
      get: [],
      'quote.create': [],
      'quote.list': [],
    }
    const searchDuringImport: number[] = []
    const failures: string[] = []
    let created = 0
    let issued = 0
    let seed = 12345
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const pick = <T>(items: T[]): T => items[random(items.length)] as T

    const one = async (): Promise<void> => {
      const roll = random(100)
      const kind: Kind =
        roll < 40
          ? 'search'
          : roll < 60
            ? 'list'
            : roll < 80
              ? 'get'
              : roll < 90
                ? 'quote.create'
                : 'quote.list'
      const started = performance.now()
      const during = importRunning
      try {
        if (kind === 'search') {
          const words =
            random(3) === 0 ? `${pick(vocabulary)} ${pick(vocabulary)}` : pick(vocabulary)
          await call('search.query', { query: words, limit: 20, asYouType: random(2) === 0 })
        } else if (kind === 'list') {
          const sort = pick(['title', 'importedAt', 'publishedAt', 'wordCount'])
          await call('documents.list', {
            sort,
            order: pick(['asc', 'desc']),
            offset: random(300),
            limit: 50,
          })
        } else if (kind === 'get') {
          await call('documents.get', { id: pick(seedIds) })
        } else if (kind === 'quote.create') {
          const { documentId, sentence } = pick(seedSentences)
          await call('quotes.create', { documentId, text: sentence, note: `load ${issued}` })
          created++
        } else {
          await call('quotes.list', { documentId: pick(seedIds), limit: 50 })
        }
        const ms = performance.now() - started
        latencies[kind].push(ms)
        if (kind === 'search' && during && importRunning) searchDuringImport.push(ms)
      } catch (error) {
        failures.push(`${kind}: ${(error as Error).message}`)
      }
    }

    const loadStarted = performance.now()
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (issued < CALLS) {
          issued++
          await one()
        }
      }),
    )
    const loadMs = performance.now() - loadStarted
    const loadLoop = await loopDelay()
    const { outcome, ms: importMs } = await importDone
    const afterLoop = await loopDelay()

    const summary = Object.fromEntries(
      Object.entries(latencies).map(([kind, values]) => [
        kind,
        {
          n: values.length,
          p50: percentile(values, 0.5),
          p95: percentile(values, 0.95),
          max: percentile(values, 1),
        },
      ]),
    )
    report('calls', {
      total: issued,
      seconds: Number((loadMs / 1000).toFixed(1)),
      perSecond: Math.round(issued / (loadMs / 1000)),
    })
    report('latency ms', summary)
    report('search during import', {
      n: searchDuringImport.length,
      p50: percentile(searchDuringImport, 0.5),
      p95: percentile(searchDuringImport, 0.95),
    })
    const { results: _perFile, ...importCounts } = outcome.result as typeof outcome.result & {
      results?: unknown
    }
    report('import', { ...importCounts, seconds: Number((importMs / 1000).toFixed(1)) })
    const { methods: serviceTimes, ...loadLoopDelay } = loadLoop
    report('host service time inside dispatch, ms (no queueing)', serviceTimes)
    report('host event loop (during the 10,000 calls)', loadLoopDelay)
    report('host event loop (whole run)', { ...afterLoop, methods: undefined })

    expect(failures.slice(0, 5)).toEqual([])
    expect(issued).toBe(CALLS)
    expect(
      searchDuringImport.length,
      'the import was still running while searches ran',
    ).toBeGreaterThan(500)
    expect(percentile(searchDuringImport, 0.95)).toBeLessThanOrEqual(150)
    expect(outcome.status).toBe('done')
    expect(outcome.result).toMatchObject({ imported: IMPORT_FILES, failed: 0, duplicates: 0 })
    const { total: documentCount } = await call<{ total: number }>('documents.list', { limit: 1 })
    expect(documentCount).toBe(SEED_FILES + IMPORT_FILES)
    const { total: quoteCount } = await call<{ total: number }>('quotes.list', { limit: 1 })
    expect(quoteCount).toBe(SEED_QUOTES + created)
  })
})

const RESPONSIVE_FILES = Number(process.env.LECTERN_RESPONSIVE_FILES ?? 20_000)

describe('host responsiveness during a large import', () => {
  let host: ChildProcess | undefined
  let dir: ReturnType<typeof tempDir>
  afterAll(async () => {
    await stopHost(host)
    agent.destroy()
    dir?.cleanup()
  })

  it(`event-loop delay p99 < 50 ms while ${RESPONSIVE_FILES.toLocaleString('en')} documents import`, async () => {
    const { texts } = loadTexts()
    dir = tempDir('lectern-responsive-')
    writeFiles(join(dir.dir, 'bulk'), texts, RESPONSIVE_FILES, 0, 2_000)
    host = await spawnHost(join(dir.dir, 'library'), dir.dir)
    // The same histogram in this (client) process shows how much delay the shared machine adds by itself.
    const noise = monitorEventLoopDelay({ resolution: 1 })
    noise.enable()
    await loopDelay(true)
    const started = performance.now()
    const { jobId } = await call<{ jobId: string }>('documents.import', {
      paths: [join(dir.dir, 'bulk')],
    })
    // One person using the app meanwhile: a search as they type, about four a second.
    let running = true
    const searches: number[] = []
    const words = ['america', 'families', 'economy', 'health', 'energy', 'security', 'schools']
    const user = (async () => {
      for (let i = 0; running; i++) {
        const t = performance.now()
        await call('search.query', { query: words[i % words.length], limit: 20, asYouType: true })
        searches.push(performance.now() - t)
        await new Promise((done) => setTimeout(done, 250))
      }
    })()
    const outcome = await call<{ status: string; result: { imported: number; failed: number } }>(
      'jobs.wait',
      { jobId },
    )
    running = false
    await user
    const seconds = (performance.now() - started) / 1000
    const { methods, ...delay } = await loopDelay()
    noise.disable()
    const machine = {
      p50Ms: Number((noise.percentile(50) / 1e6).toFixed(2)),
      p99Ms: Number((noise.percentile(99) / 1e6).toFixed(2)),
      maxMs: Number((noise.max / 1e6).toFixed(2)),
    }
    report('large import', {
      files: RESPONSIVE_FILES,
      imported: outcome.result.imported,
      failed: outcome.result.failed,
      seconds: Number(seconds.toFixed(1)),
      filesPerSecond: Math.round(RESPONSIVE_FILES / seconds),
    })
    report('searches while importing (ms)', {
      n: searches.length,
      p50: percentile(searches, 0.5),
      p95: percentile(searches, 0.95),
      max: percentile(searches, 1),
    })
    report('host event loop during the import', delay)
    report('client process event loop, same window (machine noise)', machine)
    report(
      'machine load average (1, 5, 15 min)',
      loadavg().map((l) => Number(l.toFixed(2))),
    )
    report('host service time inside dispatch, ms', methods)
    expect(outcome.result).toMatchObject({ imported: RESPONSIVE_FILES, failed: 0 })
    expect(delay.p99Ms).toBeLessThan(50)
  })
})
