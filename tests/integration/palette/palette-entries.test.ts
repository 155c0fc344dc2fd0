import type { DocumentId } from '@shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { idRuns } from '../../../src/main/palette/palette-entries'
import { tempBackend } from '../../support/temp-library'
import { insertDocument, insertQuote } from '../library/seed'

let backend: ReturnType<typeof tempBackend>
beforeEach(() => {
  backend = tempBackend()
})
afterEach(async () => {
  await backend.dispose()
})

describe('palette.entries', () => {
  it('lists documents, quotes, tags, saved searches and comparisons in compact rows', async () => {
    const db = backend.context.db
    const a = insertDocument(db, {
      title: 'Kenya and China sign railway deal',
      text: 'China and Kenya agreed on Thursday to strengthen their ties. More words follow here.',
      authors: ['Jane Doe', 'Li Wei'],
      source: 'Daily Nation',
      format: 'pdf',
      language: 'en',
    })
    const b = insertDocument(db, { title: 'Untitled notes' })
    insertQuote(db, a, 'China and Kenya agreed on Thursday to strengthen their ties.')
    await call(backend.context, 'tags.addToDocuments', { documentIds: [a], names: ['kenya'] })
    await call(backend.context, 'searches.save', { name: 'Railways', query: 'railway' })

    const all = await call(backend.context, 'palette.entries', {})
    expect(all.documents).toEqual([
      [a, 'Kenya and China sign railway deal', 'Jane Doe; Li Wei', 'Daily Nation', 'pdf', 'en'],
      [b, 'Untitled notes', '', '', 'txt', ''],
    ])
    expect(all.documentIds).toEqual([[a, b]])
    expect(all.quotes).toEqual([
      [expect.any(Number), a, 'China and Kenya agreed on Thursday to strengthen their ties.'],
    ])
    expect(all.tags).toEqual([[expect.any(Number), 'kenya']])
    expect(all.searches).toEqual([[expect.any(Number), 'Railways', 'railway']])
    expect(all.comparisons).toEqual([])
    expect(Date.parse(all.cursor)).toBeLessThanOrEqual(Date.now())
  })

  it('with `since`, sends only what changed, and the live ids reveal deletions', async () => {
    const db = backend.context.db
    const old = new Date(Date.UTC(2020, 0, 1)).toISOString()
    const ids: DocumentId[] = []
    for (let i = 0; i < 5; i++) ids.push(insertDocument(db, { title: `Doc ${i}`, importedAt: old }))
    const first = await call(backend.context, 'palette.entries', { parts: ['documents'] })
    expect(first.documents).toHaveLength(5)
    expect(first.quotes).toBeUndefined()

    await call(backend.context, 'documents.update', {
      id: ids[1]!,
      patch: { title: 'Renamed by hand' },
    })
    await call(backend.context, 'documents.delete', { ids: [ids[3]!] })
    const next = await call(backend.context, 'palette.entries', {
      since: first.cursor,
      parts: ['documents'],
    })
    expect(next.documents).toEqual([[ids[1], 'Renamed by hand', '', '', 'txt', '']])
    expect(next.documentIds).toEqual([
      [ids[0], ids[2]],
      [ids[4], ids[4]],
    ])
  })

  it('pages the documents newest first, other parts on the first page only', async () => {
    const db = backend.context.db
    const ids: DocumentId[] = []
    for (let i = 0; i < 5; i++) ids.push(insertDocument(db, { title: `Doc ${i}` }))
    insertQuote(db, ids[0]!, 'Doc zero has words.')
    const first = await call(backend.context, 'palette.entries', { limit: 2 })
    expect(first.documents?.map((r) => r[0])).toEqual([ids[4], ids[3]])
    expect(first.next).toBe(ids[3])
    expect(first.documentIds).toBeUndefined()
    expect(first.quotes).toHaveLength(1)
    const second = await call(backend.context, 'palette.entries', { limit: 2, before: first.next })
    expect(second.documents?.map((r) => r[0])).toEqual([ids[2], ids[1]])
    expect(second.documentIds).toBeUndefined()
    expect(second.quotes).toBeUndefined()
    const last = await call(backend.context, 'palette.entries', { limit: 2, before: second.next })
    expect(last.documents?.map((r) => r[0])).toEqual([ids[0]])
    expect(last.next).toBeUndefined()
  })

  it('joins authors in order and reads malformed authors JSON as none', async () => {
    const db = backend.context.db
    const a = insertDocument(db, {
      title: 'Three authors',
      authors: ['Zoë Müller', 'Li Wei', 'Ann Bo'],
    })
    const b = insertDocument(db, { title: 'Broken authors' })
    db.prepare("UPDATE documents SET authors = '{not json' WHERE id = ?").run(b)
    const all = await call(backend.context, 'palette.entries', { parts: ['documents'] })
    expect(all.documents).toEqual([
      [a, 'Three authors', 'Zoë Müller; Li Wei; Ann Bo', '', 'txt', ''],
      [b, 'Broken authors', '', '', 'txt', ''],
    ])
  })

  it('refuses a malformed cursor with a clear error', async () => {
    await expect(
      call(backend.context, 'palette.entries', { since: 'yesterday' }),
    ).rejects.toMatchObject({
      code: 'invalid_args',
    })
  })

  it('turns sorted ids into runs', () => {
    expect(idRuns([])).toEqual([])
    expect(idRuns([1, 2, 3, 7, 9, 10])).toEqual([
      [1, 3],
      [7, 7],
      [9, 10],
    ])
  })
})
