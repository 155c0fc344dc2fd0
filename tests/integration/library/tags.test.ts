import type { DocumentId, TagId } from '@shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { tempBackend } from '../../support/temp-library'
import { insertDocument, insertQuote, tagQuote } from './seed'

let backend: ReturnType<typeof tempBackend>
let docs: DocumentId[]
beforeEach(() => {
  backend = tempBackend()
  docs = [1, 2, 3].map((n) =>
    insertDocument(backend.context.db, {
      title: `Doc ${n}`,
      text: `Text of document ${n}. It ends.`,
    }),
  )
})
afterEach(async () => {
  await backend.dispose()
})

const tags = () => call(backend.context, 'tags.list', {})
const byName = async (name: string) => (await tags()).find((t) => t.name === name)

describe('tags', () => {
  it('adds tags by name, creating them once whatever the letter case, and counts documents and quotes', async () => {
    const added = await call(backend.context, 'tags.addToDocuments', {
      documentIds: [docs[0]!, docs[1]!],
      names: ['Kenya', 'kenya', ' Trade '],
    })
    expect(added).toEqual({ changed: 4 })
    const again = await call(backend.context, 'tags.addToDocuments', {
      documentIds: [docs[0]!],
      names: ['KENYA'],
    })
    expect(again).toEqual({ changed: 0 })
    const quote = insertQuote(backend.context.db, docs[2]!, 'It ends.')
    tagQuote(backend.context.db, quote, 'Kenya')
    expect(await tags()).toEqual([
      { id: expect.any(Number), name: 'Kenya', color: null, documentCount: 2, quoteCount: 1 },
      { id: expect.any(Number), name: 'Trade', color: null, documentCount: 2, quoteCount: 0 },
    ])
  })

  it('refuses unknown documents, empty names and control characters without changing anything', async () => {
    const unknown = await backend.dispatch('tags.addToDocuments', {
      documentIds: [docs[0], 4242],
      names: ['x'],
    })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
    for (const names of [[''], ['   '], ['a\u0000b'], []]) {
      const envelope = await backend.dispatch('tags.addToDocuments', {
        documentIds: [docs[0]],
        names,
      })
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    }
    expect(await tags()).toEqual([])
  })

  it('removes tags by name and ignores names that are no tag', async () => {
    await call(backend.context, 'tags.addToDocuments', { documentIds: docs, names: ['a', 'b'] })
    const removed = await call(backend.context, 'tags.removeFromDocuments', {
      documentIds: [docs[0]!, docs[1]!],
      names: ['A', 'nope'],
    })
    expect(removed).toEqual({ changed: 2 })
    expect((await byName('a'))?.documentCount).toBe(1)
    expect((await byName('b'))?.documentCount).toBe(3)
  })

  it('renames, allows a case-only rename, and refuses renaming onto another tag', async () => {
    await call(backend.context, 'tags.addToDocuments', {
      documentIds: [docs[0]!],
      names: ['old', 'other'],
    })
    const old = (await byName('old'))!
    const renamed = await call(backend.context, 'tags.rename', { id: old.id, name: 'New name' })
    expect(renamed).toMatchObject({ id: old.id, name: 'New name', documentCount: 1 })
    expect(
      (await call(backend.context, 'tags.rename', { id: old.id, name: 'NEW NAME' })).name,
    ).toBe('NEW NAME')
    const clash = await backend.dispatch('tags.rename', { id: old.id, name: 'OTHER' })
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect((clash as { error: { message: string } }).error.message).toMatch(/merge/)
    const missing = await backend.dispatch('tags.rename', { id: 777, name: 'x' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('merges tags: links move, shared links collapse, quote tags follow, sources disappear', async () => {
    await call(backend.context, 'tags.addToDocuments', {
      documentIds: [docs[0]!, docs[1]!],
      names: ['kenya'],
    })
    await call(backend.context, 'tags.addToDocuments', {
      documentIds: [docs[1]!, docs[2]!],
      names: ['Kenia'],
    })
    await call(backend.context, 'tags.addToDocuments', { documentIds: [docs[2]!], names: ['KE'] })
    const quote = insertQuote(backend.context.db, docs[0]!, 'It ends.')
    tagQuote(backend.context.db, quote, 'Kenia')
    const into = (await byName('kenya'))!.id
    const from = [(await byName('Kenia'))!.id, (await byName('KE'))!.id]
    const merged = await call(backend.context, 'tags.merge', { from, into })
    expect(merged).toEqual({
      id: into,
      name: 'kenya',
      color: null,
      documentCount: 3,
      quoteCount: 1,
    })
    expect((await tags()).map((t) => t.name)).toEqual(['kenya'])
    const self = await backend.dispatch('tags.merge', { from: [into], into })
    expect(self).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
  })

  it('sets and clears a colour, refusing values that are not colours', async () => {
    await call(backend.context, 'tags.addToDocuments', { documentIds: [docs[0]!], names: ['c'] })
    const id = (await byName('c'))!.id
    expect((await call(backend.context, 'tags.setColor', { id, color: '#ff8800' })).color).toBe(
      '#ff8800',
    )
    expect((await call(backend.context, 'tags.setColor', { id, color: 'teal' })).color).toBe('teal')
    expect((await call(backend.context, 'tags.setColor', { id, color: null })).color).toBeNull()
    for (const color of ['red;background:url(x)', '#12', 'url(javascript:1)']) {
      const envelope = await backend.dispatch('tags.setColor', { id, color })
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    }
  })

  it('deletes a tag with its links but keeps documents and quotes', async () => {
    await call(backend.context, 'tags.addToDocuments', { documentIds: docs, names: ['gone'] })
    const quote = insertQuote(backend.context.db, docs[0]!, 'It ends.')
    tagQuote(backend.context.db, quote, 'gone')
    const id = (await byName('gone'))!.id
    expect(await call(backend.context, 'tags.delete', { id })).toEqual({ deleted: true })
    expect(await call(backend.context, 'tags.delete', { id })).toEqual({ deleted: false })
    expect(await tags()).toEqual([])
    expect((await call(backend.context, 'documents.list', {})).total).toBe(3)
    const left = backend.context.db.prepare('SELECT count(*) AS n FROM quotes').get() as {
      n: number
    }
    expect(left.n).toBe(1)
    expect(await backend.dispatch('tags.delete', { id: 'x' as unknown as TagId })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    })
  })
})
