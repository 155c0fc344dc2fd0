/**
 * Issue #11 defect 2: a saved comparison must keep pointing at the quotes it was saved with. Ids of quotes,
 * documents and tags are never reused, a deleted quote leaves its slot marked as deleted, and undo puts it back.
 */
import type { DocumentId, QuoteId } from '@shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { seedGoldenLibrary } from '../../golden/corpus'
import { tempBackend } from '../../support/temp-library'

let lib: ReturnType<typeof tempBackend>
let ids: Record<string, DocumentId>

const DAVIE = 'you have a President who is fighting for you every single day'
const DURANGO = "Your President wants to make sure that he's fighting every single day for you."

beforeEach(() => {
  lib = tempBackend()
  ids = seedGoldenLibrary(lib.context.db)
})
afterEach(async () => {
  await lib.dispose()
})

const getSet = async (id: number) => {
  const found = (await call(lib.context, 'comparisons.list', {})).find((s) => s.id === id)
  if (!found) throw new Error(`comparison ${id} is gone`)
  return found
}

const quote = async (doc: string, text: string): Promise<QuoteId> =>
  (await call(lib.context, 'quotes.create', { documentId: ids[doc] as DocumentId, text })).id

describe('saved comparisons and ids', () => {
  it('a saved set never shows a passage it was not saved with after a delete and a new quote', async () => {
    const first = await quote('davie', DAVIE)
    const second = await quote('durango', DURANGO)
    const set = await call(lib.context, 'comparisons.save', {
      name: 'Fighting',
      quoteIds: [first, second],
    })
    // Delete the newest quote (the one SQLite would hand out again without AUTOINCREMENT), then save another.
    await call(lib.context, 'quotes.delete', { ids: [second] })
    const unrelated = await quote('durango', 'every single day')
    expect(unrelated).not.toBe(second)

    const after = await getSet(set.id)
    expect(after.quoteIds).toEqual([first])
    expect(after.missingQuoteIds).toEqual([second])
  })

  it('undo of the delete brings the quote back under its id and into the set', async () => {
    const first = await quote('davie', DAVIE)
    const second = await quote('durango', DURANGO)
    const set = await call(lib.context, 'comparisons.save', {
      name: 'Fighting',
      quoteIds: [second, first],
    })
    const { undoToken } = await call(lib.context, 'quotes.delete', { ids: [second] })
    await quote('davie', 'every single day')
    await call(lib.context, 'quotes.restore', { undoToken })
    const after = await getSet(set.id)
    expect(after.quoteIds).toEqual([second, first])
    expect(after.missingQuoteIds).toEqual([])
    const restored = await call(lib.context, 'quotes.get', { id: second })
    expect(restored.exact).toBe(DURANGO)
  })

  it('a document delete and its undo do the same for the quotes it held', async () => {
    const first = await quote('davie', DAVIE)
    const second = await quote('durango', DURANGO)
    const set = await call(lib.context, 'comparisons.save', {
      name: 'x',
      quoteIds: [first, second],
    })
    const { undoToken } = await call(lib.context, 'documents.delete', {
      ids: [ids.durango as DocumentId],
    })
    expect((await getSet(set.id)).missingQuoteIds).toEqual([second])
    await call(lib.context, 'documents.restore', { undoToken })
    const after = await getSet(set.id)
    expect(after.quoteIds).toEqual([first, second])
    expect(after.missingQuoteIds).toEqual([])
  })

  it('never hands out the id of a deleted document, quote or tag again', async () => {
    const db = lib.context.db
    const maxDoc = (db.prepare('SELECT max(id) AS m FROM documents').get() as { m: number }).m
    const q = await quote('davie', DAVIE)
    await call(lib.context, 'tags.addToDocuments', {
      documentIds: [maxDoc as DocumentId],
      names: ['zz-last'],
    })
    const tag = (await call(lib.context, 'tags.list', {})).find((t) => t.name === 'zz-last')
    if (!tag) throw new Error('tag not created')
    await call(lib.context, 'quotes.delete', { ids: [q] })
    await call(lib.context, 'tags.delete', { id: tag.id })
    await call(lib.context, 'documents.delete', { ids: [maxDoc as DocumentId] })
    expect(await quote('davie', DAVIE)).toBeGreaterThan(q)
    await call(lib.context, 'tags.addToDocuments', {
      documentIds: [ids.davie as DocumentId],
      names: ['another'],
    })
    const again = (await call(lib.context, 'tags.list', {})).find((t) => t.name === 'another')
    expect(again?.id).toBeGreaterThan(tag.id)
    const now = new Date().toISOString()
    const newDoc = db
      .prepare(
        `INSERT INTO documents (title, format, content_hash, text, word_count, imported_at, updated_at)
         VALUES ('New', 'txt', 'fresh-hash', 'fresh text', 2, ?, ?)`,
      )
      .run(now, now)
    expect(Number(newDoc.lastInsertRowid)).toBeGreaterThan(maxDoc)
  })

  it('deleting a set removes only its links; deleting a quote never deletes a set', async () => {
    const first = await quote('davie', DAVIE)
    const second = await quote('durango', DURANGO)
    const set = await call(lib.context, 'comparisons.save', {
      name: 'x',
      quoteIds: [first, second],
    })
    await call(lib.context, 'quotes.delete', { ids: [first, second] })
    const kept = await getSet(set.id)
    expect(kept.quoteIds).toEqual([])
    expect(kept.missingQuoteIds).toEqual([first, second])
    await call(lib.context, 'comparisons.delete', { id: set.id })
    const links = lib.context.db.prepare('SELECT count(*) AS n FROM comparison_quotes').get() as {
      n: number
    }
    expect(links.n).toBe(0)
  })
})
