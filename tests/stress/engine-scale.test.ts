/**
 * Engine limits under stress (issue 7 §6): 100,000 documents, 50,000 tags, 100,000 quotes. Each must complete
 * (or fail with a clear limit error) with latency and memory reported. Run with `npm run test:stress`.
 */
import type { DocumentId, DocumentSortKey } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../src/main/api/dispatch'
import { openBackend, prose } from '../integration/db/library-files'
import { insertDocument } from '../integration/library/seed'
import { tempDir } from '../support/temp-library'

const rssMb = (): number => Math.round(process.memoryUsage().rss / 1024 / 1024)

async function timings(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p95: number }> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) =>
    Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2))
  return { p50: at(0.5), p95: at(0.95) }
}

const report = (label: string, values: Record<string, unknown>): void => {
  process.stdout.write(`[engine stress] ${label}: ${JSON.stringify(values)}\n`)
}

let root: ReturnType<typeof tempDir>
let backend: ReturnType<typeof openBackend>
const DOCUMENTS = 100_000

beforeAll(() => {
  root = tempDir('lectern-stress-')
  backend = openBackend(`${root.dir}/library`)
  const db = backend.context.db
  const start = performance.now()
  const sources = ['Xinhua', 'Reuters', 'BBC', 'whitehouse.gov', 'Daily Nation', 'AP']
  for (let batch = 0; batch < DOCUMENTS; batch += 5000) {
    db.transaction(() => {
      for (let i = batch; i < batch + 5000; i++) {
        insertDocument(db, {
          title: `Report ${i}: ${prose(i, 40)}`,
          text: prose(i + 7, 600),
          authors: i % 3 === 0 ? [] : [`Author ${i % 997}`],
          publishedAt:
            i % 10 === 0
              ? null
              : `${2000 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          source: sources[i % sources.length],
          importedAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
        })
      }
    })()
  }
  report('seeded documents', {
    documents: DOCUMENTS,
    seconds: ((performance.now() - start) / 1000).toFixed(1),
    rssMb: rssMb(),
  })
})

/** Close and reopen (as a restart would): measures the open, and lets the planner statistics refresh. */
async function reopen(): Promise<void> {
  await backend.close()
  const start = performance.now()
  backend = openBackend(`${root.dir}/library`)
  report('reopen', { ms: Math.round(performance.now() - start), rssMb: rssMb() })
}

afterAll(async () => {
  await backend.close()
  root.cleanup()
})

describe('100,000 documents', () => {
  it('lists any sort key, deep pages and filters quickly, never reading document text', async () => {
    const keys: DocumentSortKey[] = [
      'title',
      'authors',
      'publishedAt',
      'source',
      'wordCount',
      'importedAt',
    ]
    for (const sort of keys) {
      for (const order of ['asc', 'desc'] as const) {
        const first = await timings(20, () =>
          call(backend.context, 'documents.list', { sort, order, limit: 100 }),
        )
        const deep = await timings(10, () =>
          call(backend.context, 'documents.list', {
            sort,
            order,
            offset: DOCUMENTS - 100,
            limit: 100,
          }),
        )
        report(`list ${sort} ${order}`, { first, deep })
        expect(first.p95).toBeLessThan(150)
        expect(deep.p95).toBeLessThan(400)
      }
    }
    await reopen()
    const page = await call(backend.context, 'documents.list', { sort: 'title', limit: 100 })
    expect(page.total).toBe(DOCUMENTS)
    expect(page.documents).toHaveLength(100)
    const filtered = await timings(10, () =>
      call(backend.context, 'documents.list', {
        source: 'reuters',
        after: '2010',
        before: '2015-06',
        sort: 'publishedAt',
        limit: 100,
      }),
    )
    report('list filtered', { filtered, rssMb: rssMb() })
    expect(filtered.p95).toBeLessThan(1000)
    const sources = await timings(5, () => call(backend.context, 'documents.sources', {}))
    report('sources', sources)
  })

  it('tags 50,000 names, lists them with counts, and filters by tag', async () => {
    const ids = [1, 2, 3, 4, 5] as DocumentId[]
    const start = performance.now()
    for (let batch = 0; batch < 50_000; batch += 100) {
      const names = Array.from({ length: 100 }, (_, i) => `tag-${batch + i}`)
      await call(backend.context, 'tags.addToDocuments', { documentIds: [ids[batch % 5]!], names })
    }
    const created = ((performance.now() - start) / 1000).toFixed(1)
    await reopen()
    const list = await timings(3, () => call(backend.context, 'tags.list', {}))
    const tags = await call(backend.context, 'tags.list', {})
    expect(tags).toHaveLength(50_000)
    expect(tags.every((t) => t.documentCount === 1)).toBe(true)
    const byTag = await timings(10, () =>
      call(backend.context, 'documents.list', { tags: ['tag-49999'] }),
    )
    report('50,000 tags', { createdSeconds: created, list, byTag, rssMb: rssMb() })
    expect((await call(backend.context, 'documents.list', { tags: ['TAG-49999'] })).total).toBe(1)
    expect(byTag.p95).toBeLessThan(1000)
  })

  it('holds 100,000 quotes on one document: counts, delete with undo, restore', async () => {
    const db = backend.context.db
    const id = insertDocument(db, { title: 'Quoted to pieces', text: prose(424242, 200_000) })
    const text = (db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string })
      .text
    const now = new Date().toISOString()
    const insert = db.prepare(
      `INSERT INTO quotes (document_id, exact, start_offset, end_offset, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    const start = performance.now()
    db.transaction(() => {
      for (let i = 0; i < 100_000; i++) {
        const at = (i * 37) % (text.length - 80)
        insert.run(
          id,
          text.slice(at, at + 60),
          at,
          at + 60,
          i % 10 === 0 ? `note ${i}` : '',
          now,
          now,
        )
      }
    })()
    const seeded = ((performance.now() - start) / 1000).toFixed(1)
    const listed = await timings(5, () =>
      call(backend.context, 'documents.list', { sort: 'wordCount', order: 'desc', limit: 10 }),
    )
    const detail = await call(backend.context, 'documents.get', { id })
    expect(detail.quoteCount).toBe(100_000)
    const deleteStart = performance.now()
    const { undoToken } = await call(backend.context, 'documents.delete', { ids: [id] })
    const deleteMs = Math.round(performance.now() - deleteStart)
    expect((db.prepare('SELECT count(*) AS n FROM quotes').get() as { n: number }).n).toBe(0)
    const restoreStart = performance.now()
    expect(await call(backend.context, 'documents.restore', { undoToken })).toEqual({ restored: 1 })
    const restoreMs = Math.round(performance.now() - restoreStart)
    expect((await call(backend.context, 'documents.get', { id })).quoteCount).toBe(100_000)
    report('100,000 quotes', { seededSeconds: seeded, listed, deleteMs, restoreMs, rssMb: rssMb() })
  })

  it('checks and backs up the whole library, verified', async () => {
    const checkStart = performance.now()
    const check = await call(backend.context, 'library.check', {})
    const checkSeconds = ((performance.now() - checkStart) / 1000).toFixed(1)
    expect(check).toEqual({ ok: true, problems: [] })
    const backupStart = performance.now()
    const backup = await call(backend.context, 'library.backup', {})
    const backupSeconds = ((performance.now() - backupStart) / 1000).toFixed(1)
    report('check and backup', {
      checkSeconds,
      backupSeconds,
      backupMb: Math.round(backup.bytes / 1024 / 1024),
      rssMb: rssMb(),
    })
  })
})
