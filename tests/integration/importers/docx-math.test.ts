/**
 * Equations in Word files through the real import pipeline and search: the Latin Modern Math Word test file (mostly
 * Office Math) imports instead of failing with "no text in the DOCX", the words set inside its equations are found,
 * and an inline equation's linear text sits in its sentence in the stored text that quotes cite.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentId, SearchResult } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INLINE_SENTENCE, inlineMathDocx } from '../../support/math-docx'
import { tempBackend } from '../../support/temp-library'
import { documentRow, expectLibraryIntact, importViaApi, phraseSearch } from './helpers'

const LM_MATH = join(__dirname, '../../fixtures/documents/debian/test-word-latinmodern_math.docx')

let backend: ReturnType<typeof tempBackend>
let lm: DocumentId
let paper: DocumentId

async function search(query: string): Promise<DocumentId[]> {
  const r = await backend.dispatch('search.query', { query, limit: 20, includeQuotes: false })
  if (!r.ok) throw new Error(r.error.message)
  return (r.value as SearchResult).hits.map((h) => h.documentId)
}

beforeAll(async () => {
  backend = tempBackend()
  const paperPath = join(backend.dir, 'bounds.docx')
  writeFileSync(paperPath, await inlineMathDocx())
  const report = await importViaApi(backend, [LM_MATH, paperPath])
  expect(report.results.map((r) => [r.status, r.error])).toEqual([
    ['imported', undefined],
    ['imported', undefined],
  ])
  const byPath = (path: string) =>
    report.results.find((r) => r.path === path)?.documentId as DocumentId
  lm = byPath(LM_MATH)
  paper = byPath(paperPath)
}, 60_000)

afterAll(async () => {
  await backend.dispose()
})

describe('DOCX equations, imported and searched', () => {
  it('finds the words inside the Latin Modern equations (accents folded) and none of the placeholders', async () => {
    expect(await search('siedem')).toEqual([lm])
    expect(await search('pięć')).toEqual([lm])
    expect(await search('piec')).toEqual([lm])
    expect(await search('aaaaa')).toEqual([lm])
    const row = documentRow(backend.context.db, lm)
    expect(row.format).toBe('docx')
    expect(row.text).toContain('(x+a)^n=∑_(k=1)^n')
    expect(row.text).not.toMatch(/[\uE000\uE001]/)
    expectLibraryIntact(backend.context.db)
  })

  it('stores an inline equation inside its sentence, and a phrase across it is found', async () => {
    const row = documentRow(backend.context.db, paper)
    expect(row.text).toContain(INLINE_SENTENCE)
    expect(phraseSearch(backend.context.db, 'tight where x=2 holds')).toEqual([paper])
    expect(phraseSearch(backend.context.db, 'where holds')).toEqual([])
  })
})
