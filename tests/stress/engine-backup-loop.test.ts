/**
 * Start-up backup at 100,000 documents (issue 7 §2/§5): the daily backup a web host or the app makes when it opens
 * a library must not stall the backend. Measured with perf_hooks (event-loop delay and utilisation) from the moment
 * the backend is open until the verified backup is listed, next to an idle baseline of this same process.
 *
 * Finding behind the design (backup.ts): the online backup API's steps are short (≤ 12 ms for 1,000 pages), but its
 * final commit and fsync of a 1 GB copy held the loop for 0.3–0.5 s, and the copy kept the loop busy ~2 s in all.
 * The copy now runs in the built worker (VACUUM INTO on a read-only connection of its own), with the checks and
 * the fsync. Wall-clock gaps that remain (tens of ms, sometimes ~150 ms) come from CPU contention on a loaded
 * 2-core machine: the same work in a separate process causes the same gaps, so utilisation is what is asserted.
 * Needs the build (out/main/verify-worker.js): `npm run build` first.
 */
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../src/main/api/dispatch'
import { createBackend } from '../../src/main/compose/create-backend'
import { createMemoryLogger } from '../../src/main/platform/logger'
import { corpusDir, readCorpus, seedLibrary } from '../e2e/support/seed-library'
import { tempDir } from '../support/temp-library'

const ROOT = resolve(__dirname, '../..')
const WORKER = join(ROOT, 'out', 'main', 'import-worker.js')
const VERIFY_WORKER = join(ROOT, 'out', 'main', 'verify-worker.js')
const DOCUMENTS = Number(process.env.LECTERN_BACKUP_DOCS ?? 100_000)
const corpus = corpusDir(ROOT)
const ready = existsSync(VERIFY_WORKER) && corpus !== null

const report = (label: string, values: unknown): void => {
  process.stdout.write(`[engine backup] ${label}: ${JSON.stringify(values)}\n`)
}

/** Event-loop delay histogram, long gaps of a 5 ms timer, and utilisation, until `stop()`. */
function watchLoop() {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  histogram.enable()
  const elu = performance.eventLoopUtilization()
  let last = performance.now()
  const gaps: number[] = []
  const timer = setInterval(() => {
    const now = performance.now()
    if (now - last > 30) gaps.push(Math.round(now - last))
    last = now
  }, 5)
  return () => {
    clearInterval(timer)
    histogram.disable()
    const used = performance.eventLoopUtilization(elu)
    return {
      p50Ms: Number((histogram.percentile(50) / 1e6).toFixed(1)),
      p99Ms: Number((histogram.percentile(99) / 1e6).toFixed(1)),
      maxMs: Number((histogram.max / 1e6).toFixed(1)),
      gapsOver30Ms: gaps.length,
      longestGapMs: Math.max(0, ...gaps),
      activeMs: Math.round(used.active),
      utilisation: Number(used.utilization.toFixed(3)),
    }
  }
}

let root: ReturnType<typeof tempDir>
const libraryDir = () => join(root.dir, 'library')

beforeAll(() => {
  if (!ready) return
  root = tempDir('lectern-backup-stress-')
  const articles = readCorpus(
    join(corpus as string, 'whitehouse-remarks-2009-2015', 'articles.jsonl.gz'),
  )
  const ms = seedLibrary({
    libraryDir: libraryDir(),
    articles,
    count: DOCUMENTS,
    maxTextChars: 3000,
  })
  report('seeded', { documents: DOCUMENTS, seconds: Number((ms / 1000).toFixed(1)) })
})

afterAll(() => root?.cleanup())

describe.skipIf(!ready)('start-up backup at scale', () => {
  it(`does not hold the event loop while backing up ${DOCUMENTS.toLocaleString('en')} documents`, async () => {
    const idle = watchLoop()
    await new Promise((done) => setTimeout(done, 2000))
    report('idle baseline (this process)', idle())

    const opening = performance.now()
    const backend = createBackend({
      libraryDir: libraryDir(),
      log: createMemoryLogger(),
      workerScript: WORKER,
      backups: { autoIntervalHours: 24 },
      limits: { workers: 0 },
    })
    report('open (quick_check, before serving)', { ms: Math.round(performance.now() - opening) })
    const stop = watchLoop()
    const started = performance.now()
    let answers = 0
    let slowestAnswerMs = 0
    try {
      for (;;) {
        const asked = performance.now()
        const backups = await call(backend.context, 'library.backups', {})
        await call(backend.context, 'documents.list', { limit: 50 })
        slowestAnswerMs = Math.max(slowestAnswerMs, performance.now() - asked)
        answers++
        if (backups.length > 0) break
        await new Promise((done) => setTimeout(done, 50))
      }
      const loop = stop()
      report('backup', {
        seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
        answersMeanwhile: answers,
        slowestAnswerMs: Math.round(slowestAnswerMs),
      })
      report('event loop during the backup', loop)
      report(
        'machine load average (1, 5, 15 min)',
        loadavg().map((n) => Number(n.toFixed(2))),
      )
      // The loop itself is idle while the worker copies and checks: the in-process copy kept it ~2 s busy of a few
      // seconds (utilisation ~0.4). Busy time as a share of the backup's duration, not in ms: the test's own polling
      // (two calls every 50 ms) adds ~2 ms per round, so a fixed ms budget failed whenever the backup took longer
      // (723 ms over 19.5 s, 380 rounds, utilisation 0.037 at load 3).
      expect(loop.utilisation).toBeLessThan(0.1)
      expect(loop.p99Ms).toBeLessThan(50)
    } finally {
      await backend.close()
    }
  })
})
