import type { DocumentId, Quote, QuoteId } from '@shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { reanchorQuotes } from '../../../src/main/quotes/reanchor'
import { goldenText, seedGoldenLibrary } from '../../golden/corpus'
import { tempBackend } from '../../support/temp-library'

let lib: ReturnType<typeof tempBackend>
let doc: DocumentId
const original = goldenText('2012-10-22-remarks-first-lady-overflow-crowd-davie-florida.txt')
const PASSAGE = 'you have a President who is fighting for you every single day'
const INSERTED =
  'MRS. OBAMA: Before I start, let me thank the volunteers of Broward College for setting this up. (Applause.)\n\n'

beforeEach(() => {
  lib = tempBackend()
  doc = seedGoldenLibrary(lib.context.db).davie as DocumentId
})
afterEach(async () => {
  await lib.dispose()
})

/** What the importer does on re-import: new text in, re-anchor, all in one transaction. */
function reimport(text: string, pageStarts: number[] | null = null) {
  const db = lib.context.db
  return db.transaction(() => {
    db.prepare('UPDATE documents SET text = ?, page_starts = ? WHERE id = ?').run(
      text,
      pageStarts ? JSON.stringify(pageStarts) : null,
      doc,
    )
    return reanchorQuotes(db, doc, text, pageStarts)
  })()
}

const get = (id: QuoteId): Promise<Quote> => call(lib.context, 'quotes.get', { id })

describe('reanchorQuotes', () => {
  it('keeps a quote whose offsets still hold as exact', async () => {
    const q = await call(lib.context, 'quotes.create', { documentId: doc, text: PASSAGE })
    const result = reimport(original)
    expect(result).toEqual({
      unplacedQuoteIds: [],
      changedQuoteIds: [],
      counts: { exact: 1, moved: 0, fuzzy: 0, unplaced: 0 },
    })
    expect(await get(q.id)).toEqual(q)
  })

  it('moves a quote when a paragraph is inserted before it', async () => {
    const q = await call(lib.context, 'quotes.create', { documentId: doc, text: PASSAGE })
    const at = original.indexOf("We've got 15 more days.")
    const edited = original.slice(0, at) + INSERTED + original.slice(at)
    const result = reimport(edited)
    expect(result.counts.moved).toBe(1)
    const moved = await get(q.id)
    expect(moved.placement).toBe('moved')
    expect(moved.start).toBe((q.start as number) + INSERTED.length)
    expect(edited.slice(moved.start as number, moved.end as number)).toBe(PASSAGE)
    expect(moved.paragraph).toBe((q.paragraph as number) + 1)
    expect(moved.prefix).toBe(q.prefix)
  })

  it('picks the right occurrence of a repeated passage by its context', async () => {
    const first = original.indexOf('(Applause.)')
    const third = original.indexOf('(Applause.)', original.indexOf('(Applause.)', first + 1) + 1)
    const q = await call(lib.context, 'quotes.create', {
      documentId: doc,
      start: third,
      end: third + '(Applause.)'.length,
    })
    // Insert a paragraph that itself contains "(Applause.)" right before the quoted one.
    const para = original.lastIndexOf('\n\n', third) + 2
    const edited = original.slice(0, para) + INSERTED + original.slice(para)
    reimport(edited)
    const moved = await get(q.id)
    expect(moved.placement).toBe('moved')
    expect(moved.start).toBe(third + INSERTED.length)
    expect(moved.suffix).toBe(q.suffix)
  })

  it('follows a quote whose words were edited (fuzzy) but never rewrites the quoted words', async () => {
    const q = await call(lib.context, 'quotes.create', { documentId: doc, text: PASSAGE })
    const changed = 'you have a President who is working for you every single day'
    const edited = `Broward College\nDavie, Florida\n\n${original.replace(PASSAGE, changed)}`
    const result = reimport(edited)
    expect(result.counts.fuzzy).toBe(1)
    const fuzzy = await get(q.id)
    expect(fuzzy.placement).toBe('fuzzy')
    // The researcher's words are evidence: unchanged. The source's current wording is recorded beside them.
    expect(fuzzy.exact).toBe(PASSAGE)
    expect(fuzzy.prefix).toBe(q.prefix)
    expect(fuzzy.suffix).toBe(q.suffix)
    expect(edited.slice(fuzzy.start as number, fuzzy.end as number)).toBe(changed)
    expect(fuzzy.sourceChange?.currentText).toBe(changed)
    expect(fuzzy.sourceChange?.diff).toEqual([
      { text: 'you have a President who is ', kind: 'same' },
      { text: 'fighting', kind: 'removed' },
      { text: 'working', kind: 'added' },
      { text: ' for you every single day', kind: 'same' },
    ])
    // The quote's text in search, lists and exports is still what was quoted.
    const found = await call(lib.context, 'quotes.list', { documentId: doc })
    expect(found.quotes.find((x) => x.id === q.id)?.exact).toBe(PASSAGE)

    // Re-importing the same edited text again changes nothing.
    reimport(edited)
    expect(await get(q.id)).toEqual(fuzzy)

    // Only an explicit accept takes the new wording.
    const accepted = await call(lib.context, 'quotes.acceptSourceWording', { id: q.id })
    expect(accepted.exact).toBe(changed)
    expect(accepted.sourceChange).toBeNull()
    expect(accepted.placement).toBe('exact')
    expect(edited.slice(accepted.start as number, accepted.end as number)).toBe(changed)
    await expect(
      call(lib.context, 'quotes.acceptSourceWording', { id: q.id }),
    ).rejects.toMatchObject({ code: 'conflict' })
  })

  it('clears "source changed" when a later version has the quoted words again', async () => {
    const q = await call(lib.context, 'quotes.create', { documentId: doc, text: PASSAGE })
    reimport(
      original.replace(PASSAGE, 'you have a President who is working for you every single day'),
    )
    expect((await get(q.id)).sourceChange).not.toBeNull()
    reimport(original)
    const back = await get(q.id)
    expect(back.sourceChange).toBeNull()
    expect(back.exact).toBe(PASSAGE)
    expect(back.placement).toBe('exact')
  })

  it('keeps a quote whose text was removed as unplaced, never dropped, and places it again later', async () => {
    const q = await call(lib.context, 'quotes.create', {
      documentId: doc,
      text: PASSAGE,
      note: 'keep me',
      tags: ['check'],
    })
    const paraStart = original.lastIndexOf('\n\n', q.start as number) + 2
    const paraEnd = original.indexOf('\n\n', q.end as number)
    const edited = original.slice(0, paraStart) + original.slice(paraEnd + 2)
    expect(edited).not.toContain('fighting for you')
    const result = reimport(edited, [0])
    expect(result.unplacedQuoteIds).toEqual([q.id])
    const unplaced = await get(q.id)
    expect(unplaced).toMatchObject({
      placement: 'unplaced',
      start: null,
      end: null,
      page: null,
      paragraph: null,
      exact: PASSAGE,
      note: 'keep me',
    })
    expect(unplaced.tags.map((t) => t.name)).toEqual(['check'])
    const listed = await call(lib.context, 'quotes.list', { placement: 'unplaced' })
    expect(listed.quotes.map((x) => x.id)).toEqual([q.id])

    // The passage comes back in a later version: the quote is placed again.
    reimport(`Preface.\n\n${original}`)
    const back = await get(q.id)
    expect(back.placement).toBe('moved')
    expect(back.start).toBe((q.start as number) + 'Preface.\n\n'.length)
  })

  it('does not place a short quote on a chance fuzzy match', async () => {
    const q = await call(lib.context, 'quotes.create', { documentId: doc, text: 'Broward College' })
    reimport(original.replace('Broward College', 'Miami Dade'))
    expect((await get(q.id)).placement).toBe('unplaced')
  })

  it('places a long quote after small edits (head/tail matching)', async () => {
    const text = goldenText('remarks-president-boys-and-girls-club.txt')
    const id = lib.context.db
      .prepare("SELECT id FROM documents WHERE title LIKE '%Boys and Girls%'")
      .get() as { id: DocumentId }
    const start = text.indexOf('THE PRESIDENT: The birth of baby Jesus')
    const end = text.indexOf('Does everybody agree with that?')
    const q = await call(lib.context, 'quotes.create', { documentId: id.id, start, end })
    expect(q.exact.length).toBeGreaterThan(1500) // past LONG_QUOTE: matched by head and tail
    const edited = `[Transcript corrected]\n\n${text.replace('respect', 'dignity').replace('grandma', 'grandmother')}`
    lib.context.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run(edited, id.id)
    const result = reanchorQuotes(lib.context.db, id.id, edited, null)
    expect(result.counts.fuzzy).toBe(1)
    const placed = await get(q.id)
    expect(placed.exact).toBe(q.exact) // the quoted words are kept
    const current = placed.sourceChange?.currentText ?? ''
    expect(current.startsWith('THE PRESIDENT: The birth of baby Jesus')).toBe(true)
    expect(current).toContain('grandmother')
    expect(current.endsWith(q.exact.slice(-60))).toBe(true)
    expect(edited.slice(placed.start as number, placed.end as number)).toBe(current)
  })
})
