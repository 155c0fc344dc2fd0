/**
 * A one-letter prefix while typing (`s`, `nuclear w`): the count stops at TYPING_COUNT_CAP and is reported as a lower
 * bound, the letter is left out of bm25 but never out of the match, and full queries keep exact totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { hasOneLetterPrefix, relaxedMatch } from '../../../src/main/search/query-compiler'
import { parseQuery } from '../../../src/main/search/query-parser'
import { RANK_ALL, TYPING_COUNT_CAP } from '../../../src/main/search/search-service'
import type { DocumentId, SearchArgs } from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { insertDocument } from './library-fixture'

let backend: ReturnType<typeof tempBackend>
const SAMPLES = TYPING_COUNT_CAP + 50
const WEAPONS = RANK_ALL.typing + 100
const texts = new Map<DocumentId, string>()
let treaty: DocumentId

beforeAll(() => {
  backend = tempBackend()
  const db = backend.context.db
  db.transaction(() => {
    for (let n = 0; n < SAMPLES; n++) {
      // Tagged: the 10 oldest (beyond the newest TYPING_COUNT_CAP matches of "s") and the newest.
      const tags = n < 10 || n === SAMPLES - 1 ? ['rare'] : []
      const text = `Sample ${n}.`
      texts.set(insertDocument(db, { title: `Item ${n}`, text, tags }), text)
    }
    for (let n = 0; n < WEAPONS; n++) {
      const text = `Nuclear weapons talk ${n}.`
      texts.set(insertDocument(db, { title: `Item ${n}`, text }), text)
    }
    for (let n = 0; n < 200; n++) {
      const text = `Nuclear power plant ${n}.`
      texts.set(insertDocument(db, { title: `Item ${n}`, text }), text)
    }
    // "nuclear" in the title (bm25 weight 10) and a w-word in the body: the best "nuclear w" match.
    const text = 'A world without them.'
    treaty = insertDocument(db, { title: 'Nuclear treaty', text })
    texts.set(treaty, text)
  })()
})

afterAll(async () => {
  await backend.dispose()
})

const search = (args: SearchArgs) =>
  call(backend.context, 'search.query', { includeQuotes: false, ...args })

describe('one-letter prefix while typing', () => {
  it('counts up to the cap, says the total is a lower bound, and lists real matches newest first', async () => {
    const r = await search({ query: 's', asYouType: true })
    expect(r.total).toBe(TYPING_COUNT_CAP)
    expect(r.totalIsEstimate).toBe(true)
    expect(r.hits).toHaveLength(20)
    const ids = r.hits.map((h) => h.documentId)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    for (const hit of r.hits) expect(texts.get(hit.documentId)).toMatch(/\bs/i)
    // Paging past the estimate still works (the UI grows the limit while the total is an estimate).
    const more = await search({ query: 's', asYouType: true, limit: 30, offset: TYPING_COUNT_CAP })
    expect(more.hits).toHaveLength(30)
  })

  it('keeps full queries exact', async () => {
    const r = await search({ query: 's*' })
    expect(r.total).toBe(SAMPLES)
    expect(r.totalIsEstimate).toBeUndefined()
  })

  it('checks filters only on the newest matches it counts, yet lists every match', async () => {
    const r = await search({ query: 'tag:rare s', asYouType: true })
    // Counted: 1 (the newest); the total is raised to what the list holds, still flagged as a lower bound.
    expect(r.total).toBe(11)
    expect(r.totalIsEstimate).toBe(true)
    expect(r.hits).toHaveLength(11)
    const full = await search({ query: 'tag:rare s*' })
    expect(full.total).toBe(11)
    expect(full.totalIsEstimate).toBeUndefined()
  })

  it('counts exactly under the cap, matches the letter, and ranks by the other words', async () => {
    const r = await search({ query: 'nuclear w', asYouType: true })
    expect(r.total).toBe(WEAPONS + 1)
    expect(r.totalIsEstimate).toBeUndefined()
    expect(r.hits[0]?.documentId).toBe(treaty)
    for (const hit of r.hits) expect(texts.get(hit.documentId)).toMatch(/\bw/i)
    // Few matches: one tier holding all of them, same rule.
    const few = await search({ query: 'nuclear p', asYouType: true })
    expect(few.total).toBe(200)
    for (const hit of few.hits) expect(texts.get(hit.documentId)).toMatch(/power plant/)
  })

  it('leaves one-letter prefixes out of the scoring expression only', () => {
    const typed = parseQuery('nuclear w', { asYouType: true }).root
    if (!typed) throw new Error('no query')
    expect(hasOneLetterPrefix(typed)).toBe(true)
    expect(relaxedMatch(typed, { dropOneLetterPrefixes: true })).toBe('("nuclear")')
    expect(relaxedMatch(typed)).toBeNull()
    const lone = parseQuery('s', { asYouType: true }).root
    if (!lone) throw new Error('no query')
    expect(relaxedMatch(lone, { dropOneLetterPrefixes: true })).toBeNull()
    const either = parseQuery('climate OR w', { asYouType: true }).root
    if (!either) throw new Error('no query')
    expect(relaxedMatch(either, { dropOneLetterPrefixes: true })).toBeNull()
    const word = parseQuery('nuclear we', { asYouType: true }).root
    if (!word) throw new Error('no query')
    expect(hasOneLetterPrefix(word)).toBe(false)
  })
})
