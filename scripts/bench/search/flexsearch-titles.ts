/**
 * The FlexSearch side of the decision in src/main/search/search-service.ts: FlexSearch 0.8 over titles and authors
 * only (where the issue suggests it might win), at the same library size — build time, memory, export size, time
 * to import the exported index at start-up, and per-keystroke latency for title prefixes. Runs in its own process
 * so its memory is its own.
 */
import { Charset, Document } from 'flexsearch'
import type { Db } from '../../../src/main/db/connection'
import { TYPED_QUERIES } from './queries'

type Row = { id: number; title: string; authors: string }

function pct(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

export type FlexReport = {
  buildMs: number
  heapMb: number
  rssMb: number
  exportMb: number
  importMs: number
  keystrokeP50: number
  keystrokeP95: number
}

export async function measureFlexTitles(db: Db): Promise<FlexReport> {
  const rows = db.prepare('SELECT id, title, authors FROM documents').all() as Row[]
  const options = {
    tokenize: 'forward' as const,
    encoder: Charset.LatinBalance,
    document: { id: 'id', index: ['title', 'authors'] },
  }
  const before = process.memoryUsage()
  let t = performance.now()
  const index = new Document<Row>(options)
  for (const row of rows) index.add(row)
  const buildMs = performance.now() - t
  const after = process.memoryUsage()
  const exported: [string, string][] = []
  await index.export((key, data) => {
    exported.push([key, data])
  })
  const exportMb = exported.reduce((a, [k, d]) => a + k.length + d.length, 0) / 1024 / 1024
  t = performance.now()
  const fresh = new Document<Row>(options)
  for (const [key, data] of exported) await fresh.import(key, data)
  const importMs = performance.now() - t
  const samples: number[] = []
  for (const q of TYPED_QUERIES) {
    for (let i = 1; i <= q.length; i++) {
      const typed = q.slice(0, i)
      const start = performance.now()
      fresh.search(typed, { limit: 20 })
      samples.push(performance.now() - start)
    }
  }
  return {
    buildMs,
    heapMb: (after.heapUsed - before.heapUsed) / 1024 / 1024,
    rssMb: process.memoryUsage().rss / 1024 / 1024,
    exportMb,
    importMs,
    keystrokeP50: pct(samples, 50),
    keystrokeP95: pct(samples, 95),
  }
}
