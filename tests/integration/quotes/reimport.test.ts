/** A quote survives re-import of an edited version of its file, through the real importer (documents.import). */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ImportReport } from '@shared/contract'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { goldenText } from '../../golden/corpus'
import { tempBackend } from '../../support/temp-library'

let lib: ReturnType<typeof tempBackend>
beforeEach(() => {
  lib = tempBackend()
})
afterEach(async () => {
  await lib.dispose()
})

async function importFile(path: string): Promise<ImportReport> {
  const { jobId } = await call(lib.context, 'documents.import', { paths: [path] })
  const outcome = await call(lib.context, 'jobs.wait', { jobId })
  expect(outcome.status).toBe('done')
  return outcome.result as ImportReport
}

it('moves the quote when a paragraph is inserted before it, and keeps it unplaced when its text is removed', async () => {
  const original = goldenText('2012-10-22-remarks-first-lady-overflow-crowd-davie-florida.txt')
  const file = join(lib.dir, 'davie.txt')
  writeFileSync(file, original)
  const first = await importFile(file)
  const documentId = first.results[0]?.documentId
  expect(first.results[0]?.status).toBe('imported')
  const passage = 'you have a President who is fighting for you every single day'
  const quote = await call(lib.context, 'quotes.create', { documentId: documentId!, text: passage })
  const before = await call(lib.context, 'documents.get', { id: documentId! })

  const inserted =
    'MRS. OBAMA: Let me first thank the volunteers who set all of this up today. (Applause.)\n\n'
  const at = original.indexOf("We've got 15 more days.")
  writeFileSync(file, original.slice(0, at) + inserted + original.slice(at))
  const second = await importFile(file)
  expect(second.results[0]).toMatchObject({ status: 'updated', documentId })
  expect(second.results[0]?.unplacedQuoteIds).toBeUndefined()
  const after = await call(lib.context, 'documents.get', { id: documentId! })
  const moved = await call(lib.context, 'quotes.get', { id: quote.id })
  expect(moved.placement).toBe('moved')
  expect(after.text.slice(moved.start!, moved.end!)).toBe(passage)
  expect(moved.start! - quote.start!).toBe(after.text.length - before.text.length)
  expect(moved.paragraph).toBe(quote.paragraph! + 1)

  const paraStart = original.lastIndexOf('\n\n', original.indexOf(passage)) + 2
  const paraEnd = original.indexOf('\n\n', original.indexOf(passage))
  writeFileSync(file, original.slice(0, paraStart) + original.slice(paraEnd + 2))
  const third = await importFile(file)
  expect(third.results[0]).toMatchObject({ status: 'updated', unplacedQuoteIds: [quote.id] })
  const unplaced = await call(lib.context, 'quotes.list', { placement: 'unplaced' })
  expect(unplaced.quotes.map((q) => ({ id: q.id, exact: q.exact, start: q.start }))).toEqual([
    { id: quote.id, exact: passage, start: null },
  ])
})
