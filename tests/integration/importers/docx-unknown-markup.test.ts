/**
 * Word markup mammoth does not know, through the real import pipeline: ruby (readings over Japanese words), a simple
 * field's result and a right-to-left embedding. mammoth alone dropped each with the words inside ("一人のが、",
 * "The figures are in  of the appendix.").
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentId } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIDI_SENTENCE, FIELD_SENTENCE, RASHOMON_SENTENCE, rubyDocx } from '../../support/ruby-docx'
import { tempBackend } from '../../support/temp-library'
import { documentRow, importViaApi, phraseSearch } from './helpers'

let backend: ReturnType<typeof tempBackend>
let id: DocumentId

beforeAll(async () => {
  backend = tempBackend()
  const path = join(backend.dir, 'rashomon.docx')
  writeFileSync(path, await rubyDocx())
  const report = await importViaApi(backend, [path])
  expect(report.imported).toBe(1)
  id = report.results[0]?.documentId as DocumentId
}, 120_000)
afterAll(async () => {
  await backend?.dispose()
})

describe('ruby in DOCX', () => {
  it('keeps the words readings are printed over, without the readings', () => {
    const row = documentRow(backend.context.db, id)
    expect(row.text).toContain(RASHOMON_SENTENCE)
    expect(row.text).not.toMatch(/げにん|らしょうもん/)
    expect(row.html).toContain('一人の下人が、羅生門の下で')
    expect(phraseSearch(backend.context.db, '羅生門の下で')).toEqual([id])
  })

  it("keeps a simple field's shown result and an Arabic phrase inside a right-to-left embedding", () => {
    const row = documentRow(backend.context.db, id)
    expect(row.text).toContain(FIELD_SENTENCE)
    expect(row.text).toContain(BIDI_SENTENCE)
    expect(phraseSearch(backend.context.db, 'Table 2 of the appendix')).toEqual([id])
  })
})
