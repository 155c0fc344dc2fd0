import type { DocumentId, QuoteId } from '@shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { insertDocument, seedGoldenLibrary } from '../../golden/corpus'
import { tempBackend } from '../../support/temp-library'

let lib: ReturnType<typeof tempBackend>
let ids: Record<string, DocumentId>
let davie: QuoteId
let durango: QuoteId

const DAVIE = 'you have a President who is fighting for you every single day'
const DURANGO = "Your President wants to make sure that he's fighting every single day for you."

beforeEach(async () => {
  lib = tempBackend()
  ids = seedGoldenLibrary(lib.context.db)
  davie = (
    await call(lib.context, 'quotes.create', { documentId: ids.davie as DocumentId, text: DAVIE })
  ).id
  durango = (
    await call(lib.context, 'quotes.create', {
      documentId: ids.durango as DocumentId,
      text: DURANGO,
    })
  ).id
})
afterEach(async () => {
  await lib.dispose()
})

/** A news report that misquotes the Davie line (fictional, written for this test). */
function insertReport(text: string): DocumentId {
  return insertDocument(
    lib.context.db,
    {
      title: 'First Lady rallies overflow crowd in Davie',
      authors: ['Jane Reporter'],
      publishedAt: '2012-10-23',
      source: 'Broward Daily',
      url: null,
      citationType: 'article-newspaper',
      accessedAt: null,
    },
    text,
  )
}

describe('compare.quotes', () => {
  it('gives columns with source lines, citations, word diffs against the first and a similarity matrix', async () => {
    const c = await call(lib.context, 'compare.quotes', { quoteIds: [davie, durango] })
    expect(c.style).toBe('apa')
    expect(c.columns.map((col) => col.quoteId)).toEqual([davie, durango])
    const [first, second] = c.columns
    expect(first?.sourceLine).toBe(
      'Michelle Obama. Remarks by the First Lady to Overflow Crowd -- Davie, Florida (2012-10-22), para. 5',
    )
    expect(first?.inText).toBe('(Obama, 2012b, para. 5)')
    expect(second?.inText).toBe('(Obama, 2012a, para. 4)')
    expect(second?.reference).toContain(
      'Remarks by the First Lady to Overflow Crowd at a Campaign Event',
    )
    expect(first?.diff).toEqual([{ text: DAVIE, kind: 'same' }])
    // The differing words are marked; joining each side back gives both texts (jsdiff shares whitespace).
    const diff = second?.diff ?? []
    const side = (skip: string) =>
      diff
        .filter((d) => d.kind !== skip)
        .map((d) => d.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim()
    expect(side('added')).toBe(DAVIE)
    expect(side('removed')).toBe(DURANGO)
    expect(diff).toContainEqual({ text: 'who is', kind: 'removed' })
    expect(diff.some((d) => d.kind === 'added' && d.text.includes('wants to make sure'))).toBe(true)
    expect(diff.some((d) => d.kind === 'same' && d.text.includes('every single day'))).toBe(true)
    expect(second?.similarity).toBeGreaterThan(0.2)
    expect(second?.similarity).toBeLessThan(0.6)
    expect(c.similarity[0]?.[1]).toBe(c.similarity[1]?.[0])
    expect(c.similarity[0]?.[0]).toBe(1)
  })

  it('keeps the requested order (swap = call again) and formats in the requested style', async () => {
    const c = await call(lib.context, 'compare.quotes', {
      quoteIds: [durango, davie],
      style: 'ieee',
    })
    expect(c.columns.map((col) => col.quoteId)).toEqual([durango, davie])
    expect(c.columns.map((col) => col.inText)).toEqual(['[1, Para. 4]', '[2, Para. 5]'])
  })

  it('refuses fewer than 2, more than 4, repeated or unknown quotes', async () => {
    const refuse = (quoteIds: number[], code: string) =>
      expect(
        call(lib.context, 'compare.quotes', { quoteIds: quoteIds as QuoteId[] }),
      ).rejects.toMatchObject({
        code,
      })
    await refuse([davie], 'invalid_args')
    await refuse([davie, durango, davie + 10, davie + 11, davie + 12], 'invalid_args')
    await expect(
      call(lib.context, 'compare.quotes', { quoteIds: [davie, davie] }),
    ).rejects.toMatchObject({ code: 'invalid_args', message: 'Pick different quotes to compare.' })
    await refuse([davie, 9999], 'not_found')
  })
})

describe('compare.similar (find the same statement elsewhere)', () => {
  it('finds the reworded line in another speech, with offsets, paragraph and diff; never the own document', async () => {
    const { passages, terms } = await call(lib.context, 'compare.similar', { quoteId: davie })
    expect(terms).toContain('fighting')
    expect(passages.every((p) => p.documentId !== ids.davie)).toBe(true)
    const found = passages.find((p) => p.documentId === ids.durango)
    expect(found).toBeDefined()
    expect(found?.text).toBe(
      "President wants to make sure that he's fighting every single day for you",
    )
    const durangoText = lib.context.db
      .prepare('SELECT text FROM documents WHERE id = ?')
      .get(ids.durango) as {
      text: string
    }
    expect(durangoText.text.slice(found?.start, found?.end)).toBe(found?.text)
    expect(found?.paragraph).toBe(4)
    expect(found?.score).toBeGreaterThanOrEqual(0.4)
    expect(found?.diff.some((d) => d.kind === 'removed' && d.text.includes('who is'))).toBe(true)
  })

  it('ranks a verbatim report first (score 1) and a misquote next, each one click from a comparison', async () => {
    const verbatim = insertReport(
      `Davie, Fla. — Michelle Obama spoke briefly outside.\n\nShe told them: "Just know that we love you, and ${DAVIE}."\n\nThen she went in.`,
    )
    const misquote = insertReport(
      'She promised the crowd that "you have a president who is fighting for you each and every day" before heading inside.',
    )
    const { passages } = await call(lib.context, 'compare.similar', { quoteId: davie })
    expect(passages[0]).toMatchObject({ documentId: verbatim, text: DAVIE, score: 1 })
    expect(passages[0]?.diff).toEqual([{ text: DAVIE, kind: 'same' }])
    const mis = passages.find((p) => p.documentId === misquote)
    expect(mis?.text).toBe('you have a president who is fighting for you each and every day')
    expect(mis?.score).toBeGreaterThan(0.6)
    expect(mis?.score).toBeLessThan(1)
    expect(mis?.diff.filter((d) => d.kind === 'added').map((d) => d.text.trim())).toContain(
      'president',
    )
    // One click: quote the passage by its offsets, then compare.
    const q = await call(lib.context, 'quotes.create', {
      documentId: misquote,
      start: mis?.start as number,
      end: mis?.end as number,
    })
    const c = await call(lib.context, 'compare.quotes', { quoteIds: [davie, q.id] })
    expect(c.columns[1]?.text).toBe(mis?.text)
  })

  it('returns nothing for a quote of common words only, and limits results', async () => {
    const common = await call(lib.context, 'quotes.create', {
      documentId: ids.davie as DocumentId,
      text: 'Thank you so much!',
    })
    const r = await call(lib.context, 'compare.similar', { quoteId: common.id, limit: 1 })
    expect(r.passages.length).toBeLessThanOrEqual(1)
    await expect(
      call(lib.context, 'compare.similar', { quoteId: 424242 as QuoteId }),
    ).rejects.toMatchObject({
      code: 'not_found',
    })
  })
})

describe('comparison sets', () => {
  it('saves, lists, renames and deletes named sets with a note', async () => {
    const set = await call(lib.context, 'comparisons.save', {
      name: 'Fighting every day',
      note: 'Davie vs Durango wording',
      quoteIds: [davie, durango],
    })
    expect(set).toMatchObject({
      name: 'Fighting every day',
      note: 'Davie vs Durango wording',
      quoteIds: [davie, durango],
    })
    const renamed = await call(lib.context, 'comparisons.save', {
      id: set.id,
      name: 'Fighting, reworded',
      quoteIds: [durango, davie],
    })
    expect(renamed).toMatchObject({
      id: set.id,
      name: 'Fighting, reworded',
      note: 'Davie vs Durango wording',
    })
    expect(renamed.quoteIds).toEqual([durango, davie])
    expect((await call(lib.context, 'comparisons.list', {})).map((s) => s.id)).toEqual([set.id])
    await expect(
      call(lib.context, 'comparisons.save', { name: 'bad', quoteIds: [davie, 9999 as QuoteId] }),
    ).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      call(lib.context, 'comparisons.save', { id: 777, name: 'x', quoteIds: [davie, durango] }),
    ).rejects.toMatchObject({ code: 'not_found' })
    expect(await call(lib.context, 'comparisons.delete', { id: set.id })).toEqual({ deleted: true })
    expect(await call(lib.context, 'comparisons.delete', { id: set.id })).toEqual({
      deleted: false,
    })
    expect(await call(lib.context, 'comparisons.list', {})).toEqual([])
  })
})
