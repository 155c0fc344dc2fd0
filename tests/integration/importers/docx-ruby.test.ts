/**
 * Ruby in a Word file (a Japanese document with readings over words) through the real import pipeline: the base
 * words are in the stored text and found by search; mammoth alone dropped them with their readings ("一人のが、").
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentId } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RASHOMON_SENTENCE, rubyDocx } from '../../support/ruby-docx'
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
})
