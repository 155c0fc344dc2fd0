/**
 * The worker pool with the real worker entry (run from source through tsx): files parse off the main thread, a file
 * over the time limit or the memory ceiling fails alone with the limit named, and the batch goes on.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { manyPagesPdf, randomBytes } from '../../../scripts/gen-hostile-fixtures'
import { WorkerPool } from '../../../src/main/importers/extraction'
import { tempBackend } from '../../support/temp-library'
import { documentRow, expectLibraryIntact, importViaApi } from './helpers'

const WORKER = join(__dirname, '../../../src/main/importers/worker/import-worker.ts')
const FIXTURES = join(__dirname, '../../fixtures/documents')
const MB = 1024 * 1024

const backends: ReturnType<typeof tempBackend>[] = []
afterEach(async () => {
  for (const b of backends.splice(0)) await b.dispose()
})

function workerBackend(
  limits: Parameters<typeof tempBackend>[0] extends infer O
    ? O extends { limits?: infer L }
      ? L
      : never
    : never,
) {
  const backend = tempBackend({ workerScript: WORKER, limits: { workers: 2, ...limits } })
  backends.push(backend)
  return backend
}

describe('worker pool', () => {
  it('parses every format in workers, with the same results as in-process', async () => {
    const backend = workerBackend({})
    const dir = join(backend.dir, 'in')
    mkdirSync(dir)
    for (const f of [
      'whitehouse/remarks-president-ebola.txt',
      'whitehouse/first-lady-opm-visit.md',
      'whitehouse/remarks-president-hurricane-sandy.html',
      'whitehouse/remarks-president-troops-afghanistan.docx',
      'debian/developers-reference.epub',
      'debian/fhs-3.0.pdf',
    ])
      copyFileSync(join(FIXTURES, f), join(dir, f.split('/')[1] as string))
    writeFileSync(join(dir, 'random.txt'), randomBytes(10_000))
    const report = await importViaApi(backend, [dir])
    expect(report.imported).toBe(6)
    expect(report.failed).toBe(1)
    const pdf = report.results.find((r) => r.path.endsWith('fhs-3.0.pdf'))
    expect(documentRow(backend.context.db, pdf?.documentId).title).toBe(
      'Filesystem Hierarchy Standard',
    )
    expect(report.results.find((r) => r.path.endsWith('random.txt'))?.error).toBe(
      'binary content, not text',
    )
    expectLibraryIntact(backend.context.db)
  }, 60_000)

  it('a file over the time limit fails naming timeoutMs; the worker is replaced and the batch goes on', async () => {
    const backend = workerBackend({ workers: 1, timeoutMs: 2000 })
    const dir = join(backend.dir, 'in')
    mkdirSync(dir)
    // 30,000 pages take pdf.js far longer than 2 s on any machine; start-up time is not counted (workers say ready).
    writeFileSync(join(dir, 'a-slow.pdf'), manyPagesPdf(30_000))
    // Files queued in the same worker behind the slow one (WORKER_QUEUE_DEPTH) go back to the pool, not fail with it.
    for (const name of ['b', 'c', 'd', 'e'])
      writeFileSync(
        join(dir, `${name}-quick.txt`),
        `Quick file ${name}\n\nIt imports after the slow one timed out.\n`,
      )
    const report = await importViaApi(backend, [dir])
    const slow = report.results.find((r) => r.path.endsWith('a-slow.pdf'))
    expect(slow?.status).toBe('failed')
    expect(slow?.error).toMatch(/longer than the 2 s time limit \(timeoutMs\)/)
    for (const name of ['b', 'c', 'd', 'e'])
      expect(report.results.find((r) => r.path.endsWith(`${name}-quick.txt`))?.status).toBe(
        'imported',
      )
  }, 60_000)

  it('a file that would need more memory than the ceiling fails naming it; the next file imports', async () => {
    const backend = workerBackend({ workers: 1, workerMemoryMb: 64 })
    const dir = join(backend.dir, 'in')
    mkdirSync(dir)
    writeFileSync(
      join(dir, 'a-big.txt'),
      Buffer.alloc(48 * MB, 'All work and no play makes Jack a dull boy. '),
    )
    writeFileSync(
      join(dir, 'b-small.txt'),
      'Small file\n\nStill imported after the big one was refused.\n',
    )
    const report = await importViaApi(backend, [dir])
    const big = report.results.find((r) => r.path.endsWith('a-big.txt'))
    expect(big?.status).toBe('failed')
    expect(big?.error).toMatch(/over the 64 MB memory ceiling for one file \(workerMemoryMb\)/)
    expect(report.results.find((r) => r.path.endsWith('b-small.txt'))?.status).toBe('imported')
    expectLibraryIntact(backend.context.db)
  }, 60_000)

  it('a missing worker script fails the files with a clear reason instead of hanging', async () => {
    const pool = new WorkerPool('/nonexistent/import-worker.js', 1, {
      maxFileBytes: MB,
      timeoutMs: 5000,
      maxZipBytes: MB,
      maxZipEntries: 10,
      workers: 1,
    })
    const outcome = await pool.extract('/tmp/whatever.txt')
    await pool.close()
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.failure.reason).toMatch(/import worker/)
  }, 30_000)
})
