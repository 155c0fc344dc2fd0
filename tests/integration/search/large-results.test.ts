/**
 * Result sets larger than the exact-ranking limit: bounded-window ranking (with phrases scored through the relaxed
 * expression), the unselective-prefix path while typing, date order, and paging beyond the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { terms } from '../../../src/main/search/fold'
import { findMatches } from '../../../src/main/search/passages'
import { CANDIDATES, RANK_ALL } from '../../../src/main/search/search-service'
import type { DocumentId, SearchArgs } from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { insertDocument } from './library-fixture'

let backend: ReturnType<typeof tempBackend>
const PHRASE_DOCS = RANK_ALL.full + 200
const texts = new Map<DocumentId, string>()
let titleHit: DocumentId

beforeAll(() => {
  backend = tempBackend()
  const db = backend.context.db
  db.transaction(() => {
    for (let n = 0; n < PHRASE_DOCS + 300; n++) {
      const phrase = n < PHRASE_DOCS
      const text = phrase
        ? `Statement ${n} from the White House press office${n % 7 === 0 ? ', White House again' : ''}.`
        : `A white fence around the house number ${n}.`
      const id = insertDocument(db, {
        title: `Item ${n}`,
        text,
        publishedAt: `20${String(10 + (n % 10)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 10}`,
      })
      texts.set(id, text)
    }
    // The phrase in a title, imported last.
    titleHit = insertDocument(db, {
      title: 'White House history',
      text: 'An essay.',
      publishedAt: '1999',
    })
  })()
})

afterAll(async () => {
  await backend.dispose()
})

const search = (args: SearchArgs) =>
  call(backend.context, 'search.query', { includeQuotes: false, ...args })

describe('large result sets', () => {
  it('counts every match and returns only real phrase matches, best first, from the bounded window', async () => {
    const r = await search({ query: '"white house"', limit: 50 })
    expect(r.total).toBe(PHRASE_DOCS + 1)
    expect(r.hits).toHaveLength(50)
    for (const hit of r.hits) {
      const text = texts.get(hit.documentId)
      if (text)
        expect(
          findMatches(text, [{ terms: terms('white house'), prefix: false }]).length,
        ).toBeGreaterThan(0)
    }
    const scores = r.hits.map((h) => h.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    // The title match (the newest import) leads; then documents saying it twice, above those saying it once.
    expect(r.hits[0]?.documentId).toBe(titleHit)
    const marks = r.hits.slice(1).map((h) => h.snippet.split('\uE000').length - 1)
    expect(marks[0]).toBe(2)
    expect(marks).toEqual([...marks].sort((a, b) => b - a))
    const page2 = await search({ query: '"white house"', limit: 50, offset: 50 })
    expect(page2.hits.some((h) => h.snippet.split('\uE000').length === 2)).toBe(true)
  })

  it('pages past the candidate window without repeating or losing hits', async () => {
    const seen = new Set<number>()
    const pageSize = 100
    for (let offset = 0; offset < CANDIDATES.full + 2 * pageSize; offset += pageSize) {
      const page = await search({ query: '"white house"', limit: pageSize, offset })
      for (const hit of page.hits) seen.add(hit.documentId)
    }
    expect(seen.size).toBe(CANDIDATES.full + 2 * pageSize)
  })

  it('while typing, lists an unselective prefix newest first and still counts everything', async () => {
    const r = await search({ query: 'w', asYouType: true })
    expect(r.total).toBe(PHRASE_DOCS + 301)
    const ids = r.hits.map((h) => h.documentId)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    // Passages are marked (the first hit matched by its title only).
    for (const hit of r.hits.slice(1)) expect(hit.snippet).toContain('\uE000')
  })

  it('sorts by date across the whole result set', async () => {
    const r = await search({ query: 'house', sort: 'newest', limit: 30 })
    const dates = r.hits.map((h) => h.publishedAt ?? '')
    expect(dates).toEqual([...dates].sort().reverse())
    expect(dates[0]).toBe('2019-09-19')
    const oldest = await search({ query: 'house', sort: 'newest', limit: 1, offset: r.total - 1 })
    expect(oldest.hits[0]?.documentId).toBe(titleHit)
  })

  it('ranks exactly when the query is selective', async () => {
    const r = await search({ query: 'title:"white house"' })
    expect(r.total).toBe(1)
    expect(r.hits[0]?.documentId).toBe(titleHit)
  })
})
