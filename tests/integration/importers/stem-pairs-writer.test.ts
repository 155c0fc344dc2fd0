/**
 * The importer writes search_stems itself (src/main/importers/stem-pairs-writer.ts), skipping pairs its connection
 * already stored, while migration 0130's triggers stay quiet. What it leaves must be exactly what the triggers give
 * for the same documents, also after a file whose savepoint rolled back (its pairs must not count as stored).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Db } from '../../../src/main/db/connection'
import { tempBackend } from '../../support/temp-library'
import { expectLibraryIntact, importViaApi } from './helpers'

const FIXTURES = join(__dirname, '../../fixtures/documents/debian')
const LANGS = ['en', 'de', 'fr', 'es', 'ru'] as const

let backend: ReturnType<typeof tempBackend>
let dir: string
beforeEach(() => {
  backend = tempBackend()
  dir = mkdtempSync(join(tmpdir(), 'lectern-stem-writer-'))
})
afterEach(async () => {
  await backend.dispose()
  rmSync(dir, { recursive: true, force: true })
})

const pairs = (db: Db): string[] =>
  db
    .prepare<[], string>("SELECT stem || '|' || lang || '|' || term FROM search_stems ORDER BY 1")
    .pluck()
    .all()

/** The pairs migration 0130's triggers write for the library's documents as they are now. */
function pairsByTriggers(db: Db): string[] {
  db.exec('DELETE FROM search_stems')
  db.exec('UPDATE documents SET title = title')
  return pairs(db)
}

it('imports leave the same stem pairs as the triggers, in every language', async () => {
  const db = backend.context.db
  const report = await importViaApi(
    backend,
    LANGS.map((l) => join(FIXTURES, `manifesto.${l}.html`)),
  )
  expect(report.imported).toBe(LANGS.length)
  const imported = pairs(db)
  expect(new Set(imported.map((p) => p.split('|')[1]))).toEqual(new Set(LANGS))
  expect(imported).toEqual(pairsByTriggers(db))
  expectLibraryIntact(db)
})

it('a file rolled back in its savepoint leaves no pair believed stored', async () => {
  const db = backend.context.db
  for (const name of ['failing', 'kept']) {
    mkdirSync(join(dir, name))
    copyFileSync(join(FIXTURES, 'manifesto.en.html'), join(dir, name, 'manifesto.en.html'))
  }
  // Real SQLite refusing the file's import_log row: the savepoint, with the stem pairs written in it, rolls back.
  db.exec(`CREATE TEMP TRIGGER refuse_failing BEFORE INSERT ON import_log
    WHEN new.status = 'imported' AND new.path LIKE '%/failing/%'
    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`)
  const first = await importViaApi(backend, [join(dir, 'failing', 'manifesto.en.html')])
  expect(first.failed).toBe(1)
  expect(pairs(db)).toEqual([])
  const second = await importViaApi(backend, [join(dir, 'kept', 'manifesto.en.html')])
  expect(second.imported).toBe(1)
  const imported = pairs(db)
  expect(imported.length).toBeGreaterThan(50)
  expect(imported).toEqual(pairsByTriggers(db))
})
