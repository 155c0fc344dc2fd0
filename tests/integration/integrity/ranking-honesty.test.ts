/**
 * Issue #11 defect 7: above RANK_ALL matches only the newest matches are ranked (tiers of CANDIDATES). A document
 * whose title holds every query word must never be pushed off the first page by that cut, and the result says when
 * it was ranked among the newest N only (as `totalIsEstimate` says a count is a lower bound).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { CANDIDATES, RANK_ALL } from '../../../src/main/search/search-service'
import type { DocumentId } from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { insertDocument } from '../search/library-fixture'

let backend: ReturnType<typeof tempBackend>
let knownItem: DocumentId
let bodyOnlyOld: DocumentId
const MATCHES = RANK_ALL.full + 500

beforeAll(() => {
  backend = tempBackend()
  const db = backend.context.db
  db.transaction(() => {
    // The known item is the OLDEST import: the newest-first cut leaves it out of every early tier.
    knownItem = insertDocument(db, {
      title: 'Kenya railway financing agreement',
      text: 'The agreement was signed in Nairobi.',
      publishedAt: '2014-05-11',
    })
    bodyOnlyOld = insertDocument(db, {
      title: 'Port expansion',
      text: 'Kenya plans a new railway to the port.',
      publishedAt: '2014-05-12',
    })
    // Documents without the words, so the query is selective enough to be ranked in tiers (not listed unranked).
    for (let n = 0; n < 400; n++)
      insertDocument(db, { title: `Weather ${n}`, text: `Rain in Mombasa, day ${n}.` })
    for (let n = 0; n < MATCHES; n++) {
      insertDocument(db, {
        title: `Daily brief ${n}`,
        text: `News item ${n}: the railway board met; Kenya was mentioned ${n % 5} times in passing.`,
        publishedAt: `2020-0${1 + (n % 9)}-1${n % 10}`,
      })
    }
  })()
})
afterAll(async () => {
  await backend.dispose()
})

describe('ranking honesty above the exact-ranking limit', () => {
  it('puts a document whose title holds every query word on the first page', async () => {
    const result = await call(backend.context, 'search.query', {
      query: 'kenya railway',
      limit: 20,
    })
    expect(result.total).toBe(MATCHES + 2)
    expect(result.hits[0]?.documentId).toBe(knownItem)
    expect(result.rankedAmongNewest).toBe(CANDIDATES.full)
    // Paging stays consistent: no hit twice, the known item not again on page 2, every match reachable.
    const page2 = await call(backend.context, 'search.query', {
      query: 'kenya railway',
      limit: 20,
      offset: 20,
    })
    const ids = [...result.hits, ...page2.hits].map((h) => h.documentId)
    expect(new Set(ids).size).toBe(ids.length)
    const everything = await call(backend.context, 'search.query', {
      query: 'kenya railway',
      limit: 200,
      offset: MATCHES + 2 - 100,
    })
    const seen = new Set(everything.hits.map((h) => h.documentId))
    expect(seen.has(knownItem)).toBe(false)
    expect(everything.hits.length).toBe(100)
    void bodyOnlyOld
  })

  it('ranks title matches first even when the matches are listed newest first, unranked', async () => {
    const result = await call(backend.context, 'search.query', { query: 'railway', limit: 5 })
    expect(result.hits[0]?.documentId).toBe(knownItem)
  })

  it('says nothing about a cut when every match was ranked', async () => {
    const result = await call(backend.context, 'search.query', { query: 'nairobi' })
    expect(result.hits.map((h) => h.documentId)).toEqual([knownItem])
    expect(result.rankedAmongNewest).toBeUndefined()
  })
})
