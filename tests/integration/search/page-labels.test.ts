/**
 * Printed page labels wherever a locator is shown (issue #12): search results (document and quote hits), in-document
 * find and "find the same statement elsewhere" carry the page's /PageLabels label beside the physical page, as
 * citations do. The Debian New Maintainers' Guide PDF numbers its front matter i–vi and its body from 1, so physical
 * page 8 is printed as "2" and page 4 as "iv".
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentId, ImportReport, SearchHit } from '@shared/contract'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { tempBackend } from '../../support/temp-library'

const DOCS = join(__dirname, '..', '..', 'fixtures', 'documents')
const SENTENCE = 'Attention from other volunteers is a very scarce resource.'
let lib: ReturnType<typeof tempBackend>
let pdf: DocumentId
let txt: DocumentId

beforeAll(async () => {
  lib = tempBackend()
  // A short note that repeats one of the guide's sentences, so the guide is "the same statement elsewhere".
  const note = join(lib.dir, 'mentoring-notes.txt')
  writeFileSync(
    note,
    `Mentoring notes\n\nNew contributors hear it early: ${SENTENCE} Plan your questions.\n`,
  )
  const { jobId } = await call(lib.context, 'documents.import', {
    paths: [join(DOCS, 'debian', 'maint-guide.en.pdf'), note],
  })
  const report = (await call(lib.context, 'jobs.wait', { jobId })).result as ImportReport
  pdf = report.results.find((r) => r.format === 'pdf')?.documentId as DocumentId
  txt = report.results.find((r) => r.format === 'txt')?.documentId as DocumentId
  expect(pdf && txt).toBeTruthy()
}, 120_000)
afterAll(() => lib.dispose())

const pdfHit = (hits: SearchHit[], type: SearchHit['type']): SearchHit | undefined =>
  hits.find((h) => h.documentId === pdf && h.type === type)

it('search results: a PDF passage names its printed page label', async () => {
  const result = await call(lib.context, 'search.query', { query: '"very scarce resource"' })
  const hit = pdfHit(result.hits, 'document')
  expect(hit).toMatchObject({ page: 8, pageLabel: '2' })
  expect(hit?.passages[0]).toMatchObject({ page: 8, pageLabel: '2' })
  // A document without pages has no label.
  const other = result.hits.find((h) => h.documentId === txt)
  expect(other).toMatchObject({ page: null, pageLabel: null })
})

it('search results: a roman-numbered front-matter page shows its label', async () => {
  const result = await call(lib.context, 'search.query', { query: '"Where to ask for help"' })
  const labels = pdfHit(result.hits, 'document')?.passages.map((p) => [p.page, p.pageLabel])
  // The contents page (physical 4, printed iv) and the section itself (physical 10, printed 4).
  expect(labels).toEqual(expect.arrayContaining([[4, 'iv']]))
})

it('in-document find: every match carries its page and printed label', async () => {
  const { matches } = await call(lib.context, 'search.inDocument', {
    documentId: pdf,
    query: '"very scarce resource"',
  })
  expect(matches).toHaveLength(1)
  expect(matches[0]).toMatchObject({ page: 8, pageLabel: '2' })
  const text = await call(lib.context, 'search.inDocument', { documentId: txt, query: 'scarce' })
  expect(text.matches[0]).toMatchObject({ page: null, pageLabel: null })
})

it('quote hits and similar passages name the printed page', async () => {
  const doc = await call(lib.context, 'documents.get', { id: pdf })
  const start = doc.text.indexOf(SENTENCE)
  expect(start).toBeGreaterThan(0)
  const onPdf = await call(lib.context, 'quotes.create', {
    documentId: pdf,
    start,
    end: start + SENTENCE.length,
  })
  expect(onPdf).toMatchObject({ page: 8, pageLabel: '2' })
  const result = await call(lib.context, 'search.query', { query: '"very scarce resource"' })
  expect(pdfHit(result.hits, 'quote')).toMatchObject({ page: 8, pageLabel: '2' })

  const note = await call(lib.context, 'documents.get', { id: txt })
  const at = note.text.indexOf(SENTENCE)
  const onNote = await call(lib.context, 'quotes.create', {
    documentId: txt,
    start: at,
    end: at + SENTENCE.length,
  })
  const { passages } = await call(lib.context, 'compare.similar', { quoteId: onNote.id })
  expect(passages.find((p) => p.documentId === pdf)).toMatchObject({ page: 8, pageLabel: '2' })
})
