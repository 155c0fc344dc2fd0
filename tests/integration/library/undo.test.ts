import type { DocumentId } from '@shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiCallError, call } from '../../../src/main/api/dispatch'
import { tempBackend } from '../../support/temp-library'
import { insertDocument, insertQuote, logImport, tagQuote } from './seed'

let backend: ReturnType<typeof tempBackend>
beforeEach(() => {
  backend = tempBackend()
})
afterEach(async () => {
  await backend.dispose()
})
const db = () => backend.context.db
const count = (sql: string, ...params: unknown[]) =>
  (
    db()
      .prepare(sql)
      .get(...params) as { n: number }
  ).n
const ftsHits = (query: string) =>
  count('SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ?', query)
const quoteFtsHits = (query: string) =>
  count('SELECT count(*) AS n FROM quotes_fts WHERE quotes_fts MATCH ?', query)

function seed(): { doc: DocumentId; other: DocumentId; quote: number; logId: number } {
  const doc = insertDocument(db(), {
    title: 'Mombasa railway report',
    text: 'The Mombasa-Nairobi Railway carried freight. Officials praised the giraffe logo.',
    authors: ['R. Writer'],
    source: 'Daily Nation',
  })
  const other = insertDocument(db(), { title: 'Unrelated note', text: 'Nothing to see here.' })
  const quote = insertQuote(db(), doc, 'Officials praised the giraffe logo.', 'a pangolin note')
  tagQuote(db(), quote, 'evidence')
  const logId = logImport(db(), doc, '/papers/railway.txt')
  return { doc, other, quote, logId }
}

describe('documents.delete and documents.restore', () => {
  it('deletes a document with its quotes and links, then restores all of it with the same ids', async () => {
    const { doc, other, quote, logId } = seed()
    await call(backend.context, 'tags.addToDocuments', { documentIds: [doc], names: ['Transport'] })
    const before = await call(backend.context, 'documents.get', { id: doc })

    const deleted = await call(backend.context, 'documents.delete', { ids: [doc] })
    expect(deleted.deleted).toBe(1)
    expect(deleted.undoToken).toMatch(/^[0-9a-f-]{36}$/)
    expect(count('SELECT count(*) AS n FROM documents WHERE id = ?', doc)).toBe(0)
    expect(count('SELECT count(*) AS n FROM quotes')).toBe(0)
    expect(count('SELECT count(*) AS n FROM quote_tags')).toBe(0)
    expect(ftsHits('giraffe')).toBe(0)
    expect(quoteFtsHits('pangolin')).toBe(0)
    expect(count('SELECT count(*) AS n FROM import_log WHERE document_id IS NULL')).toBe(1)
    expect(count('SELECT count(*) AS n FROM trash')).toBe(1)
    expect((await call(backend.context, 'documents.list', {})).total).toBe(1)

    const restored = await call(backend.context, 'documents.restore', {
      undoToken: deleted.undoToken,
    })
    expect(restored).toEqual({ restored: 1 })
    const after = await call(backend.context, 'documents.get', { id: doc })
    expect(after).toEqual(before)
    expect(
      count('SELECT count(*) AS n FROM quotes WHERE id = ? AND document_id = ?', quote, doc),
    ).toBe(1)
    expect(
      count(
        `SELECT count(*) AS n FROM quote_tags qt JOIN tags t ON t.id = qt.tag_id
         WHERE qt.quote_id = ? AND t.name = 'evidence'`,
        quote,
      ),
    ).toBe(1)
    expect(ftsHits('giraffe')).toBe(1)
    expect(quoteFtsHits('pangolin')).toBe(1)
    expect(
      count('SELECT count(*) AS n FROM import_log WHERE id = ? AND document_id = ?', logId, doc),
    ).toBe(1)
    expect(count('SELECT count(*) AS n FROM trash')).toBe(0)
    expect((await call(backend.context, 'documents.get', { id: other })).title).toBe(
      'Unrelated note',
    )
    // The FTS indexes agree with their content after the round trip.
    expect((await call(backend.context, 'library.check', {})).ok).toBe(true)
  })

  it('refuses a token twice, and an unknown token, with not_found', async () => {
    const { doc } = seed()
    const { undoToken } = await call(backend.context, 'documents.delete', { ids: [doc] })
    await call(backend.context, 'documents.restore', { undoToken })
    for (const token of [undoToken, 'no-such-token']) {
      const envelope = await backend.dispatch('documents.restore', { undoToken: token })
      expect(envelope).toMatchObject({ ok: false, error: { code: 'not_found' } })
    }
  })

  it('recreates a tag deleted in the meantime, and gets its own id back (ids are never handed out again)', async () => {
    const { doc, other } = seed()
    await call(backend.context, 'documents.delete', { ids: [other] }) // so `doc` holds the highest id
    await call(backend.context, 'tags.addToDocuments', { documentIds: [doc], names: ['Transport'] })
    const tagId = (await call(backend.context, 'tags.list', {})).find(
      (t) => t.name === 'Transport',
    )!.id
    const { undoToken } = await call(backend.context, 'documents.delete', { ids: [doc] })
    await call(backend.context, 'tags.delete', { id: tagId })
    // Without AUTOINCREMENT SQLite would hand the freed (highest) id out again.
    const fresh = insertDocument(db(), {
      title: 'Took the id',
      text: 'Completely different text.',
    })
    expect(fresh).toBeGreaterThan(doc)
    await call(backend.context, 'documents.restore', { undoToken })
    const list = await call(backend.context, 'documents.list', { sort: 'title', order: 'asc' })
    expect(list.total).toBe(2)
    const back = list.documents.find((d) => d.title === 'Mombasa railway report')!
    expect(back.id).toBe(doc)
    expect(back.tags.map((t) => t.name)).toEqual(['Transport'])
    expect(back.quoteCount).toBe(1)
    expect((await call(backend.context, 'library.check', {})).ok).toBe(true)
  })

  it('puts quotes back onto a re-imported copy of the same text instead of losing them', async () => {
    const { doc } = seed()
    const text = (await call(backend.context, 'documents.get', { id: doc })).text
    const { undoToken } = await call(backend.context, 'documents.delete', { ids: [doc] })
    insertDocument(db(), { title: 'Imported again', text })
    const again = (await call(backend.context, 'documents.list', {})).documents.find(
      (d) => d.title === 'Imported again',
    )!
    expect(await call(backend.context, 'documents.restore', { undoToken })).toEqual({ restored: 1 })
    expect((await call(backend.context, 'documents.list', {})).total).toBe(2)
    expect((await call(backend.context, 'documents.get', { id: again.id })).quoteCount).toBe(1)
  })

  it('deletes many at once under one token and ignores unknown ids', async () => {
    const ids = Array.from({ length: 30 }, (_, i) =>
      insertDocument(db(), { title: `Bulk ${i}`, text: `bulk document number ${i}` }),
    )
    const { deleted, undoToken } = await call(backend.context, 'documents.delete', {
      ids: [...ids, 99_999 as DocumentId, ids[0]!],
    })
    expect(deleted).toBe(30)
    expect((await call(backend.context, 'documents.list', {})).total).toBe(0)
    expect(await call(backend.context, 'documents.restore', { undoToken })).toEqual({
      restored: 30,
    })
    const list = await call(backend.context, 'documents.list', { limit: 100 })
    expect(list.documents.map((d) => d.id).sort((a, b) => a - b)).toEqual(ids)
  })

  it('refuses deletes on a library marked damaged, with a message that says how to recover', async () => {
    const { doc } = seed()
    backend.context.corrupt = { message: 'it failed its integrity check: test' }
    const error = await call(backend.context, 'documents.delete', { ids: [doc] }).catch(
      (e: unknown) => e as ApiCallError,
    )
    expect(error).toBeInstanceOf(ApiCallError)
    expect((error as ApiCallError).code).toBe('conflict')
    expect((error as ApiCallError).message).toMatch(/damaged.*lectern restore/)
    backend.context.corrupt = null
    expect(count('SELECT count(*) AS n FROM documents')).toBe(2)
  })
})
