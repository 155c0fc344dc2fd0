import type { DocumentId, QuoteId } from '@shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { goldenText, seedGoldenLibrary } from '../../golden/corpus'
import { tempBackend } from '../../support/temp-library'

type Lib = ReturnType<typeof tempBackend>
let lib: Lib
let ids: Record<string, DocumentId>

beforeEach(() => {
  lib = tempBackend()
  ids = seedGoldenLibrary(lib.context.db)
})
afterEach(async () => {
  await lib.dispose()
})

const davieText = goldenText('2012-10-22-remarks-first-lady-overflow-crowd-davie-florida.txt')
const PASSAGE = 'you have a President who is fighting for you every single day'

describe('quotes.create', () => {
  it('stores the W3C selectors, paragraph and tags of an exact passage', async () => {
    const q = await call(lib.context, 'quotes.create', {
      documentId: ids.davie as DocumentId,
      text: PASSAGE,
      note: 'campaign line',
      color: 'green',
      tags: ['Campaign 2012', 'overflow'],
    })
    const start = davieText.indexOf(PASSAGE)
    expect(q.exact).toBe(PASSAGE)
    expect([q.start, q.end]).toEqual([start, start + PASSAGE.length])
    expect(q.prefix).toBe(davieText.slice(start - 32, start))
    expect(q.prefix).toHaveLength(32)
    expect(q.suffix).toBe(davieText.slice(start + PASSAGE.length, start + PASSAGE.length + 32))
    // Paragraphs: place line, "3:05 P.M. EDT", opening, "We've got 15…", "So I'm going to go in…" = 5th.
    expect(q.paragraph).toBe(5)
    expect(q.page).toBeNull()
    expect(q.placement).toBe('exact')
    expect(q.color).toBe('green')
    expect(q.tags.map((t) => t.name)).toEqual(['Campaign 2012', 'overflow'])
    expect(q.document).toMatchObject({
      title: 'Remarks by the First Lady to Overflow Crowd -- Davie, Florida',
      authors: ['Michelle Obama'],
      publishedAt: '2012-10-22',
      source: 'The White House',
    })
    // The tags are the shared document tags.
    const tags = lib.context.db.prepare('SELECT name FROM tags ORDER BY name').all()
    expect(tags).toEqual([{ name: 'Campaign 2012' }, { name: 'overflow' }])
  })

  it('accepts a selection whose line breaks and spaces differ from the text', async () => {
    const q = await call(lib.context, 'quotes.create', {
      documentId: ids.davie as DocumentId,
      text: '  you have a\nPresident   who is fighting  ',
    })
    expect(q.exact).toBe('you have a President who is fighting')
  })

  it('takes the occurrence nearest the given start when a passage repeats', async () => {
    const text = goldenText('2012-10-22-remarks-first-lady-overflow-crowd-davie-florida.txt')
    const second = text.indexOf('(Applause.)', text.indexOf('(Applause.)') + 1)
    const q = await call(lib.context, 'quotes.create', {
      documentId: ids.davie as DocumentId,
      text: '(Applause.)',
      start: second + 3,
    })
    expect(q.start).toBe(second)
  })

  it('creates from offsets, with the page from the document page starts', async () => {
    const text = goldenText('remarks-president-boys-and-girls-club.txt')
    const start = text.indexOf('the three wise men, if you think about it')
    const q = await call(lib.context, 'quotes.create', {
      documentId: ids['boys-and-girls-club'] as DocumentId,
      start,
      end: start + 41,
    })
    expect(q.exact).toBe('the three wise men, if you think about it')
    expect(start).toBeGreaterThan(1200)
    expect(q.page).toBe(2)
  })

  it('refuses a passage that is not in the document, naming the document', async () => {
    await expect(
      call(lib.context, 'quotes.create', {
        documentId: ids.davie as DocumentId,
        text: 'We will win Florida by a landslide',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_args',
      message:
        'That passage does not occur in “Remarks by the First Lady to Overflow Crowd -- Davie, Florida”.',
    })
  })

  it('refuses bad offsets, empty passages, unknown documents and bad colours clearly', async () => {
    const db = lib.context
    const doc = ids.davie as DocumentId
    await expect(
      call(db, 'quotes.create', { documentId: doc, start: 10, end: 5 }),
    ).rejects.toMatchObject({ code: 'invalid_args' })
    await expect(
      call(db, 'quotes.create', { documentId: doc, start: 0, end: 10_000_000 }),
    ).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringContaining('outside') })
    await expect(call(db, 'quotes.create', { documentId: doc, text: '   ' })).rejects.toMatchObject(
      { code: 'invalid_args', message: 'The passage to quote is empty.' },
    )
    await expect(call(db, 'quotes.create', { documentId: doc })).rejects.toMatchObject({
      code: 'invalid_args',
    })
    await expect(
      call(db, 'quotes.create', { documentId: 9999 as DocumentId, text: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found', message: 'No document with id 9999.' })
    await expect(
      call(db, 'quotes.create', {
        documentId: doc,
        text: PASSAGE,
        color: 'red' as 'yellow',
      }),
    ).rejects.toMatchObject({ code: 'invalid_args' })
    expect(lib.context.db.prepare('SELECT count(*) AS n FROM quotes').get()).toEqual({ n: 0 })
  })
})

describe('quotes.list / update / delete / restore', () => {
  async function seedQuotes(): Promise<QuoteId[]> {
    const a = await call(lib.context, 'quotes.create', {
      documentId: ids.davie as DocumentId,
      text: PASSAGE,
      tags: ['misquote-check'],
    })
    const b = await call(lib.context, 'quotes.create', {
      documentId: ids.durango as DocumentId,
      text: "Your President wants to make sure that he's fighting every single day for you.",
      tags: ['misquote-check', 'Colorado'],
    })
    const c = await call(lib.context, 'quotes.create', {
      documentId: ids.davie as DocumentId,
      text: 'every vote is going to count',
    })
    return [a.id, b.id, c.id]
  }

  it('lists by document (reading order), tag (case-insensitive), placement and ids (given order)', async () => {
    const [a, b, c] = await seedQuotes()
    const byDoc = await call(lib.context, 'quotes.list', { documentId: ids.davie as DocumentId })
    expect(byDoc.total).toBe(2)
    expect(byDoc.quotes.map((q) => q.id)).toEqual([c, a])
    const byTag = await call(lib.context, 'quotes.list', { tag: 'MISQUOTE-CHECK' })
    expect(byTag.quotes.map((q) => q.id).sort()).toEqual([a, b].sort())
    const byIds = await call(lib.context, 'quotes.list', { ids: [b, c, a] as QuoteId[] })
    expect(byIds.quotes.map((q) => q.id)).toEqual([b, c, a])
    const paged = await call(lib.context, 'quotes.list', {
      ids: [b, c, a] as QuoteId[],
      limit: 1,
      offset: 1,
    })
    expect(paged).toMatchObject({ total: 3 })
    expect(paged.quotes.map((q) => q.id)).toEqual([c])
    const unplaced = await call(lib.context, 'quotes.list', { placement: 'unplaced' })
    expect(unplaced.total).toBe(0)
  })

  it('updates note, colour and tags', async () => {
    const [a] = await seedQuotes()
    const q = await call(lib.context, 'quotes.update', {
      id: a as QuoteId,
      note: 'checked against the transcript',
      color: 'pink',
      tags: ['verified'],
    })
    expect(q).toMatchObject({ note: 'checked against the transcript', color: 'pink' })
    expect(q.tags.map((t) => t.name)).toEqual(['verified'])
    await expect(
      call(lib.context, 'quotes.update', { id: 4242 as QuoteId, note: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })

  it('deletes into the trash and restores with the same ids and tags', async () => {
    const [a, b] = await seedQuotes()
    const before = await call(lib.context, 'quotes.get', { id: b as QuoteId })
    const { deleted, undoToken } = await call(lib.context, 'quotes.delete', {
      ids: [a, b] as QuoteId[],
    })
    expect(deleted).toBe(2)
    await expect(call(lib.context, 'quotes.get', { id: a as QuoteId })).rejects.toMatchObject({
      code: 'not_found',
    })
    const trash = lib.context.db.prepare('SELECT kind FROM trash WHERE token = ?').get(undoToken)
    expect(trash).toEqual({ kind: 'quotes' })
    // A tag used only by a deleted quote may be deleted meanwhile: the undo brings it back by name.
    lib.context.db.prepare("DELETE FROM tags WHERE name = 'Colorado'").run()
    expect(await call(lib.context, 'quotes.restore', { undoToken })).toEqual({ restored: 2 })
    const after = await call(lib.context, 'quotes.get', { id: b as QuoteId })
    expect({ ...after, tags: after.tags.map((t) => t.name) }).toEqual({
      ...before,
      tags: before.tags.map((t) => t.name),
    })
    await expect(call(lib.context, 'quotes.restore', { undoToken })).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('keeps colour labels in settings, renamable', async () => {
    const colors = await call(lib.context, 'quotes.colors', {})
    expect(colors.map((c) => c.color)).toEqual([
      'yellow',
      'green',
      'blue',
      'pink',
      'purple',
      'orange',
    ])
    const renamed = await call(lib.context, 'quotes.setColorLabel', {
      color: 'pink',
      label: 'Possible misquote',
    })
    expect(renamed.find((c) => c.color === 'pink')?.label).toBe('Possible misquote')
    expect(
      (await call(lib.context, 'quotes.colors', {})).find((c) => c.color === 'pink')?.label,
    ).toBe('Possible misquote')
    await expect(
      call(lib.context, 'quotes.setColorLabel', { color: 'green', label: '   ' }),
    ).rejects.toMatchObject({ code: 'invalid_args' })
  })
})
