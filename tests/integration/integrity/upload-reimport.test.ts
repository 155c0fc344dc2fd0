/**
 * Issue #11 defect 5: files imported from the browser are uploaded into `incoming/<random batch>/<name>`, and
 * updates were matched by source path only, so re-importing a changed file always made a second document (its
 * quotes stayed on the old copy) and `incoming/` was never cleaned. Re-imports of uploads are now matched by the
 * original file name and text similarity, an ambiguous match is reported, and staged uploads are removed after
 * their import. Real files through the real import pipeline.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ImportReport } from '@shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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

const incoming = () => join(lib.context.libraryDir, 'incoming')

/** What the web host's upload endpoint does: the file lands in incoming/<batch>/<name>. */
function upload(batch: string, name: string, text: string): string {
  const folder = join(incoming(), batch)
  mkdirSync(folder, { recursive: true })
  const path = join(folder, name)
  writeFileSync(path, text)
  return path
}

async function importPaths(paths: string[]): Promise<ImportReport> {
  const { jobId } = await call(lib.context, 'documents.import', { paths })
  const outcome = await call(lib.context, 'jobs.wait', { jobId })
  expect(outcome.status).toBe('done')
  return outcome.result as ImportReport
}

const ORIGINAL = goldenText('2012-10-22-remarks-first-lady-overflow-crowd-davie-florida.txt')
const PASSAGE = 'you have a President who is fighting for you every single day'

describe('re-importing an uploaded file', () => {
  it('updates the same document (its quotes stay with it) and cleans incoming/', async () => {
    const first = await importPaths([upload('b-1111', 'davie.txt', ORIGINAL)])
    expect(first.results[0]?.status).toBe('imported')
    const documentId = first.results[0]?.documentId
    if (documentId === undefined) throw new Error('not imported')
    const quote = await call(lib.context, 'quotes.create', { documentId, text: PASSAGE })
    expect(readdirSync(incoming())).toEqual([]) // the staged upload is gone once imported

    const changed = `Transcript corrected.\n\n${ORIGINAL}`
    const second = await importPaths([upload('b-2222', 'davie.txt', changed)])
    expect(second.results[0]).toMatchObject({ status: 'updated', documentId })
    expect((await call(lib.context, 'documents.list', {})).total).toBe(1)
    const moved = await call(lib.context, 'quotes.get', { id: quote.id })
    expect(moved.documentId).toBe(documentId)
    expect(changed.slice(moved.start ?? 0, moved.end ?? 0)).toBe(PASSAGE)
    expect(readdirSync(incoming())).toEqual([])
  })

  it('does not merge a different text that happens to have the same file name', async () => {
    await importPaths([upload('b-1', 'notes.txt', ORIGINAL)])
    const other = goldenText('remarks-president-boys-and-girls-club.txt')
    const second = await importPaths([upload('b-2', 'notes.txt', other)])
    expect(second.results[0]?.status).toBe('imported')
    expect((await call(lib.context, 'documents.list', {})).total).toBe(2)
  })

  it('reports an ambiguous match instead of guessing, and imports it as a new document', async () => {
    const club = goldenText('remarks-president-boys-and-girls-club.txt')
    await importPaths([upload('b-1', 'speech.txt', ORIGINAL)])
    await importPaths([upload('b-2', 'speech.txt', club)]) // different text: a second document
    // Both speeches in one file: close to each earlier upload, so which one it updates cannot be told.
    const third = await importPaths([upload('b-3', 'speech.txt', `${ORIGINAL}\n\n${club}`)])
    expect(third.results[0]?.status).toBe('imported')
    expect(third.results[0]?.warnings?.join(' ')).toMatch(
      /speech\.txt.*matches documents \d+ and \d+.*imported as a new document/,
    )
    expect((await call(lib.context, 'documents.list', {})).total).toBe(3)
    expect(existsSync(join(incoming(), 'b-3'))).toBe(false)
  })

  it('keeps matching by path for files imported from a folder', async () => {
    const folder = join(lib.dir, 'desk')
    mkdirSync(folder)
    writeFileSync(join(folder, 'davie.txt'), ORIGINAL)
    const first = await importPaths([join(folder, 'davie.txt')])
    writeFileSync(join(folder, 'davie.txt'), `Corrected.\n\n${ORIGINAL}`)
    const second = await importPaths([join(folder, 'davie.txt')])
    expect(second.results[0]).toMatchObject({
      status: 'updated',
      documentId: first.results[0]?.documentId,
    })
    expect(existsSync(join(folder, 'davie.txt'))).toBe(true) // never deletes the user's own files
  })
})
