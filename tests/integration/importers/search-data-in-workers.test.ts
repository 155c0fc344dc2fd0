/**
 * A bulk import has its files' undeclared languages detected and their stem pairs computed in the import workers
 * (extract.ts deriveSearchData), not on the main thread. What it stores must be what the main-thread path stores for
 * the same files: the same language with the same provenance, and search_stems exactly as migration 0130's triggers
 * give them. A re-import keeping a person's corrected title must stem that title, not the worker's.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import type { Db } from '../../../src/main/db/connection'
import { tempBackend, tempDir } from '../../support/temp-library'
import { expectLibraryIntact, importViaApi } from './helpers'

const WORKER = join(__dirname, '../../../src/main/importers/worker/import-worker.ts')
const FIXTURES = join(__dirname, '../../fixtures/documents')
/** Real texts without a declared language: English, Japanese, Chinese, Thai. */
const SOURCES = [
  'whitehouse/remarks-president-ebola.txt',
  'debian/project-history.ja.txt',
  'debian/debian-reference-intro.zh-cn.txt',
  'debian/apt-messages.th.txt',
]

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** The sources cut at blank lines into files of ~800 characters: over 64, so the pipeline's bulk path is taken. */
function writeChunks(dir: string): string[] {
  const paths: string[] = []
  for (const source of SOURCES) {
    const name = source.split('/')[1]?.replace(/\.txt$/, '') ?? 'x'
    let chunk = ''
    const flush = (): void => {
      if (chunk.trim().length === 0) return
      const path = join(dir, `${name}-${String(paths.length).padStart(3, '0')}.txt`)
      writeFileSync(path, chunk)
      paths.push(path)
      chunk = ''
    }
    for (const paragraph of readFileSync(join(FIXTURES, source), 'utf8').split(/\n\s*\n/)) {
      chunk += `${paragraph}\n\n`
      if (chunk.length > 800) flush()
    }
    flush()
  }
  return paths
}

type Row = {
  path: string
  language: string | null
  source: string | null
  provenance: string | null
}
const languages = (db: Db): Map<string, Row> =>
  new Map(
    db
      .prepare<[], Row>(
        `SELECT source_path AS path, language, language_source AS source,
                json_extract(provenance, '$.language') AS provenance FROM documents`,
      )
      .all()
      .map((r) => [r.path, r]),
  )

const pairs = (db: Db): string[] =>
  db
    .prepare<[], string>("SELECT stem || '|' || lang || '|' || term FROM search_stems ORDER BY 1")
    .pluck()
    .all()

function pairsByTriggers(db: Db): string[] {
  db.exec('DELETE FROM search_stems')
  db.exec('UPDATE documents SET title = title')
  return pairs(db)
}

it('a bulk import detects languages and stems in the workers exactly as the main thread does', async () => {
  const { dir, cleanup } = tempDir('lectern-derive-')
  cleanups.push(cleanup)
  const paths = writeChunks(dir)
  expect(paths.length).toBeGreaterThanOrEqual(64)

  const bulk = tempBackend({ workerScript: WORKER, limits: { workers: 2 } })
  cleanups.push(bulk.dispose)

  const report = await importViaApi(bulk, [dir])
  expect(report.failed).toBe(0)

  // The same files in batches under the bulk size, parsed in-process: languages detected on the main thread.
  const small = tempBackend()
  cleanups.push(small.dispose)

  for (let i = 0; i < paths.length; i += 20) await importViaApi(small, paths.slice(i, i + 20))

  const inWorkers = languages(bulk.context.db)
  const onMain = languages(small.context.db)
  expect(inWorkers.size).toBe(onMain.size)
  expect([...inWorkers.values()].sort((a, b) => a.path.localeCompare(b.path))).toEqual(
    [...onMain.values()].sort((a, b) => a.path.localeCompare(b.path)),
  )
  const detected = [...inWorkers.values()].filter((r) => r.source === 'detected')
  expect(new Set(detected.map((r) => r.language))).toEqual(new Set(['en', 'ja', 'zh', 'th']))
  expect(JSON.parse(detected[0]?.provenance ?? '{}')).toMatchObject({ origin: 'detected' })

  const stored = pairs(bulk.context.db)
  expect(stored.length).toBeGreaterThan(100)
  expect(stored).toEqual(pairs(small.context.db))
  expect(stored).toEqual(pairsByTriggers(bulk.context.db))
  expectLibraryIntact(bulk.context.db)
}, 180_000)

it("a re-import keeping a person's corrected title stems that title, not the file's", async () => {
  const { dir, cleanup } = tempDir('lectern-derive-title-')
  cleanups.push(cleanup)
  const backend = tempBackend()
  cleanups.push(backend.dispose)
  const db = backend.context.db
  const path = join(dir, 'remarks.txt')
  const text = readFileSync(join(FIXTURES, 'whitehouse/remarks-president-ebola.txt'), 'utf8')
  writeFileSync(path, text)
  const first = await importViaApi(backend, [path])
  const id = first.results[0]?.documentId
  expect(id).toBeDefined()
  const updated = await backend.dispatch('documents.update', {
    id: id as number,
    patch: { title: 'Remarks on quarantines and vaccinations' },
  })
  expect(updated.ok).toBe(true)
  // The file changes, so it is re-imported; the person's title is kept (store.ts mergeMeta).
  writeFileSync(path, `${text}\nThe President departed afterwards.\n`)
  const second = await importViaApi(backend, [path])
  expect(second.updated).toBe(1)
  const title = db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(id)
  expect(title).toBe('Remarks on quarantines and vaccinations')
  const stored = pairs(db)
  expect(stored).toContain('quarantin|en|quarantines')
  expect(stored).toEqual(pairsByTriggers(db))
})
