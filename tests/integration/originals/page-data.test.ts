/**
 * Page data for the page view (issue #12), through the API: page table with printed labels and removed running
 * lines, the outline with pages, and quotes that carry their rectangles on the printed page next to text offsets.
 */
import { join } from 'node:path'
import type { DocumentId, ImportReport } from '@shared/contract'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { tempBackend } from '../../support/temp-library'

const DOCS = join(__dirname, '..', '..', 'fixtures', 'documents')
let lib: ReturnType<typeof tempBackend>
let pdf: DocumentId
let epub: DocumentId
let txt: DocumentId

beforeAll(async () => {
  lib = tempBackend()
  const { jobId } = await call(lib.context, 'documents.import', {
    paths: [
      join(DOCS, 'debian', 'maint-guide.en.pdf'),
      join(DOCS, 'debian', 'developers-reference.epub'),
      join(DOCS, 'whitehouse', 'remarks-president-ebola.txt'),
    ],
  })
  const report = (await call(lib.context, 'jobs.wait', { jobId })).result as ImportReport
  const id = (format: string) =>
    report.results.find((r) => r.format === format)?.documentId as DocumentId
  pdf = id('pdf')
  epub = id('epub')
  txt = id('txt')
}, 120_000)
afterAll(() => lib.dispose())

it('documents.pages: offsets that cover the text, printed labels, removed running lines, page sizes', async () => {
  const { pages } = await call(lib.context, 'documents.pages', { id: pdf })
  const doc = await call(lib.context, 'documents.get', { id: pdf })
  expect(pages).toHaveLength(63)
  const all = pages ?? []
  expect(all[0]?.start).toBe(0)
  expect(all.at(-1)?.end).toBe(doc.text.length)
  for (const [i, p] of all.entries()) {
    expect(p.page).toBe(i + 1)
    expect(p.start).toBe(doc.pageStarts?.[i])
    expect(p.end).toBeGreaterThanOrEqual(p.start)
  }
  expect(all[6]).toMatchObject({ label: '1', removed: ['Debian New Maintainers’ Guide 1 / 57'] })
  expect(all[0]?.label).toBe('i')
  expect(all[6]?.width).toBeCloseTo(595.28, 0)
  expect(all[6]?.height).toBeCloseTo(841.89, 0)
  expect((await call(lib.context, 'documents.pages', { id: txt })).pages).toBeNull()
})

it('documents.outline: the PDF outline with pages, the EPUB navigation with offsets', async () => {
  const { entries } = await call(lib.context, 'documents.outline', { id: pdf })
  const social = entries.find((e) => e.title === 'Social dynamics of Debian')
  expect(social).toMatchObject({ level: 2, page: 7 })
  const doc = await call(lib.context, 'documents.get', { id: pdf })
  expect(doc.text.slice(social?.offset ?? 0).startsWith('Social dynamics of Debian')).toBe(true)
  const nav = (await call(lib.context, 'documents.outline', { id: epub })).entries
  expect(nav.length).toBeGreaterThan(5)
  expect(nav.every((e) => e.page === null && e.offset !== null)).toBe(true)
})

it('a quote made on the page keeps its rectangles and page next to the text anchor; export locator is the printed page', async () => {
  const doc = await call(lib.context, 'documents.get', { id: pdf })
  const passage = 'Social dynamics of Debian'
  const start = doc.text.indexOf(passage)
  const rects = [{ page: 7, x: 56.7, y: 120.5, width: 180.2, height: 14.1 }]
  const quote = await call(lib.context, 'quotes.create', {
    documentId: pdf,
    start,
    end: start + passage.length,
    rects,
  })
  expect(quote).toMatchObject({ exact: passage, page: 7, rects })
  const listed = await call(lib.context, 'quotes.list', { documentId: pdf })
  expect(listed.quotes[0]?.rects).toEqual(rects)
  // Physical page 7 is printed as page 1 (/PageLabels: i–vi, then 1…): the citation says so.
  expect(quote.pageLabel).toBe('1')
  const cite = await call(lib.context, 'export.cite', {
    quoteId: quote.id,
    style: 'chicago-author-date',
  })
  expect(cite.inText).toMatch(/, 1\)$/)
  const md = await call(lib.context, 'export.render', {
    selection: { quoteIds: [quote.id] },
    format: 'md',
    style: 'apa',
  })
  expect(md.content).toContain('p. 1')
  expect(md.content).not.toContain('p. 7')
  const bad = await lib.dispatch('quotes.create', {
    documentId: pdf,
    start,
    end: start + 5,
    rects: [{ page: 0, x: Number.NaN, y: 0, width: -1, height: 0 }],
  })
  expect(bad.ok).toBe(false)
})
