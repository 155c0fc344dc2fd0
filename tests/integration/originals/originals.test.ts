/**
 * Originals (issue #12): every imported file is kept content-addressed in the library, `check` reports a missing or
 * altered copy, `info` reports their disk use, and re-extraction re-reads them and keeps quotes' exact words.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import type { DocumentId, ImportReport } from '@shared/contract'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { originalPath, sha256Of } from '../../../src/main/importers/original-files'
import { tempBackend } from '../../support/temp-library'

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'documents')
const PDF = join(FIXTURES, 'debian', 'maint-guide.en.pdf')
const EPUB = join(FIXTURES, 'debian', 'developers-reference.epub')
const TXT = join(FIXTURES, 'whitehouse', 'remarks-president-ebola.txt')

let lib: ReturnType<typeof tempBackend>
beforeEach(() => {
  lib = tempBackend()
})
afterEach(async () => {
  await lib.dispose()
})

async function importPaths(paths: string[]): Promise<ImportReport> {
  const { jobId } = await call(lib.context, 'documents.import', { paths })
  const outcome = await call(lib.context, 'jobs.wait', { jobId })
  expect(outcome.status).toBe('done')
  return outcome.result as ImportReport
}

it('keeps each imported file once, content-addressed, with its hash, and info reports the bytes', async () => {
  const copy = join(lib.dir, 'same-bytes-other-name.txt')
  copyFileSync(TXT, copy)
  const report = await importPaths([PDF, TXT, copy])
  expect(report.imported).toBe(2)
  expect(report.duplicates).toBe(1)
  const pdfId = report.results.find((r) => r.path === PDF)?.documentId as DocumentId
  const bytes = readFileSync(PDF)
  const sha = sha256Of(bytes)
  const stored = originalPath(lib.context.libraryDir, sha, 'pdf')
  expect(stored).toBe(join(lib.context.libraryDir, 'files', sha.slice(0, 2), `${sha}.pdf`))
  expect(readFileSync(stored).equals(bytes)).toBe(true)

  const info = await call(lib.context, 'documents.original', { id: pdfId })
  expect(info).toMatchObject({
    status: 'stored',
    sha256: sha,
    bytes: bytes.length,
    mediaType: 'application/pdf',
    fileName: 'maint-guide.en.pdf',
    parts: [],
  })
  const library = await call(lib.context, 'library.info', {})
  expect(library.originals).toEqual({
    documents: 2,
    files: 2,
    bytes: bytes.length + statSync(TXT).size,
    withoutOriginal: 0,
  })
  expect((await call(lib.context, 'library.check', {})).ok).toBe(true)
})

it('check reports a missing and an altered original; the text still works', async () => {
  const report = await importPaths([PDF, TXT])
  const pdfId = report.results.find((r) => r.path === PDF)?.documentId as DocumentId
  const txtId = report.results.find((r) => r.path === TXT)?.documentId as DocumentId
  const pdfFile = originalPath(lib.context.libraryDir, sha256Of(readFileSync(PDF)), 'pdf')
  const txtFile = originalPath(lib.context.libraryDir, sha256Of(readFileSync(TXT)), 'txt')
  rmSync(pdfFile)
  writeFileSync(txtFile, `${readFileSync(txtFile, 'utf8')}tampered`)

  const check = await call(lib.context, 'library.check', {})
  expect(check.ok).toBe(false)
  expect(check.problems).toHaveLength(2)
  expect(check.problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(new RegExp(`original of document ${pdfId} is missing`)),
      expect.stringMatching(new RegExp(`original of document ${txtId} was altered`)),
    ]),
  )
  expect((await call(lib.context, 'documents.original', { id: pdfId })).status).toBe('missing')
  const doc = await call(lib.context, 'documents.get', { id: pdfId })
  expect(doc.text).toContain('Debian')

  // Re-extraction fails alone for the missing original and keeps the document's text.
  const { jobId } = await call(lib.context, 'documents.reextract', { ids: [pdfId] })
  const outcome = await call(lib.context, 'jobs.wait', { jobId })
  expect(outcome.result?.results[0]).toMatchObject({ status: 'failed', documentId: pdfId })
  expect(outcome.result?.results[0]?.error).toMatch(/stored original is missing/)
  expect((await call(lib.context, 'documents.get', { id: pdfId })).text).toBe(doc.text)

  // Importing the file again restores the copy.
  await importPaths([PDF])
  expect(existsSync(pdfFile)).toBe(true)
})

it('re-extracts from the original (the source file gone) and keeps the quote and its exact words', async () => {
  const source = join(lib.dir, 'guide.pdf')
  copyFileSync(PDF, source)
  const report = await importPaths([source])
  const id = report.results[0]?.documentId as DocumentId
  rmSync(source)
  const before = await call(lib.context, 'documents.get', { id })
  const passage = before.text.slice(
    before.text.indexOf('Debian'),
    before.text.indexOf('Debian') + 60,
  )
  const quote = await call(lib.context, 'quotes.create', { documentId: id, text: passage })
  // Damage the stored text as an old extractor might have: re-extraction must restore it from the original.
  lib.context.db.prepare("UPDATE documents SET text = text || ' stale tail' WHERE id = ?").run(id)

  const { jobId } = await call(lib.context, 'documents.reextract', { all: true })
  const outcome = await call(lib.context, 'jobs.wait', { jobId })
  expect(outcome.kind).toBe('reextract')
  expect(outcome.result).toMatchObject({ updated: 1, failed: 0 })
  const after = await call(lib.context, 'documents.get', { id })
  expect(after.text).toBe(before.text)
  expect(after.title).toBe(before.title)
  const kept = await call(lib.context, 'quotes.get', { id: quote.id })
  expect(kept.exact).toBe(passage)
  expect(after.text.slice(kept.start as number, kept.end as number)).toBe(passage)
})

it('re-extracting a document whose text came out the same leaves its search index and quotes alone', async () => {
  const report = await importPaths([TXT])
  const id = report.results[0]?.documentId as DocumentId
  const before = await call(lib.context, 'documents.get', { id })
  const passage = before.text.slice(0, 80)
  const quote = await call(lib.context, 'quotes.create', { documentId: id, text: passage })
  const db = lib.context.db
  db.exec('DELETE FROM search_vocab_pending')
  const changesBefore = db.prepare('SELECT total_changes()').pluck().get() as number

  const { jobId } = await call(lib.context, 'documents.reextract', { ids: [id] })
  const outcome = await call(lib.context, 'jobs.wait', { jobId })
  expect(outcome.result).toMatchObject({ updated: 1, failed: 0 })
  // Same text, title, authors and source: the search-index triggers did not fire (they queue the document for the
  // vocabulary and re-segment its whole text), and only the document row itself was written.
  expect(db.prepare('SELECT count(*) FROM search_vocab_pending').pluck().get()).toBe(0)
  const written = (db.prepare('SELECT total_changes()').pluck().get() as number) - changesBefore
  expect(written).toBeLessThanOrEqual(3)
  const after = await call(lib.context, 'documents.get', { id })
  expect(after.text).toBe(before.text)
  const kept = await call(lib.context, 'quotes.get', { id: quote.id })
  expect([kept.exact, kept.start, kept.end]).toEqual([passage, 0, passage.length])
  const firstWord = /[A-Za-z]{6,}/.exec(before.text)?.[0] as string
  const found = await call(lib.context, 'search.query', { query: firstWord })
  expect(found.hits.map((hit) => hit.documentId)).toContain(id)
})

it('a library from before originals migrates: documents say they have none, reextract skips them', async () => {
  const report = await importPaths([TXT])
  const id = report.results[0]?.documentId as DocumentId
  lib.context.db.prepare('UPDATE documents SET original_sha256 = NULL').run()
  lib.context.db.prepare('DELETE FROM originals').run()
  expect((await call(lib.context, 'documents.original', { id })).status).toBe('none')
  expect((await call(lib.context, 'library.info', {})).originals.withoutOriginal).toBe(1)
  const { jobId } = await call(lib.context, 'documents.reextract', { all: true })
  const outcome = await call(lib.context, 'jobs.wait', { jobId })
  expect(outcome.result?.results[0]).toMatchObject({ status: 'skipped', documentId: id })
  // Re-importing the same file gives the old document its original.
  await importPaths([TXT])
  expect((await call(lib.context, 'documents.original', { id })).status).toBe('stored')
})

it('lists the images inside an EPUB original', async () => {
  const report = await importPaths([EPUB])
  const id = report.results[0]?.documentId as DocumentId
  const info = await call(lib.context, 'documents.original', { id })
  expect(info.mediaType).toBe('application/epub+zip')
  for (const part of info.parts) expect(part.mediaType).toMatch(/^image\//)
})

it('backups keep the originals and a restore puts back the ones the library lost', async () => {
  const report = await importPaths([PDF])
  const id = report.results[0]?.documentId as DocumentId
  const file = originalPath(lib.context.libraryDir, sha256Of(readFileSync(PDF)), 'pdf')
  const backup = await call(lib.context, 'library.backup', {})
  const kept = join(backup.file, '..', 'files', basename(join(file, '..')), basename(file))
  expect(readFileSync(kept).equals(readFileSync(PDF))).toBe(true)

  rmSync(join(lib.context.libraryDir, 'files'), { recursive: true })
  expect((await call(lib.context, 'library.check', {})).ok).toBe(false)
  await call(lib.context, 'library.restore', { file: backup.file })
  expect(readFileSync(file).equals(readFileSync(PDF))).toBe(true)
  expect((await call(lib.context, 'documents.original', { id })).status).toBe('stored')
  expect(await call(lib.context, 'library.check', {})).toEqual({ ok: true, problems: [] })
})

it("re-extraction titles a generic file name by its folder as the import did ('libmpfr6 README', not 'README')", async () => {
  const folder = join(lib.dir, 'libmpfr6')
  mkdirSync(folder)
  copyFileSync(join(FIXTURES, 'debian', 'libmpfr6', 'README'), join(folder, 'README'))
  const report = await importPaths([join(folder, 'README')])
  const id = report.results[0]?.documentId as DocumentId
  expect((await call(lib.context, 'documents.get', { id })).title).toBe('libmpfr6 README')
  // An old extractor's title: re-extraction reads the original as the file it was imported from, folder included.
  lib.context.db
    .prepare(
      "UPDATE documents SET title = 'README', import_meta = json_set(import_meta, '$.title', 'README') WHERE id = ?",
    )
    .run(id)
  const { jobId } = await call(lib.context, 'documents.reextract', { ids: [id] })
  const outcome = await call(lib.context, 'jobs.wait', { jobId })
  expect(outcome.result).toMatchObject({ updated: 1, failed: 0 })
  expect((await call(lib.context, 'documents.get', { id })).title).toBe('libmpfr6 README')
})
