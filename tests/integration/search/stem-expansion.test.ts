/**
 * How stemmed search looks words up and ranks (src/main/search/stems.ts), on a real temp library: the forms of a
 * word are cached between searches but never outlive a write (this connection's or another's), and "exact forms
 * first" holds while typing and with exclusions, ORs and filters, now that the exact test leaves out what every
 * match satisfies.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Db, openDb } from '../../../src/main/db/connection'
import { parseQuery } from '../../../src/main/search/query-parser'
import { expandStems } from '../../../src/main/search/stems'
import type { DocumentId, SearchArgs, SearchResult } from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { insertDocument } from './library-fixture'

type Backend = ReturnType<typeof tempBackend>
let backend: Backend
let db: Db
let exact: DocumentId
let inflected: DocumentId
let railway: DocumentId

async function search(query: string, extra: Partial<SearchArgs> = {}): Promise<DocumentId[]> {
  const r = await backend.dispatch('search.query', {
    query,
    limit: 50,
    includeQuotes: false,
    ...extra,
  })
  if (!r.ok) throw new Error(r.error.message)
  return (r.value as SearchResult).hits.map((h) => h.documentId)
}

beforeAll(() => {
  backend = tempBackend()
  db = backend.context.db
  // Inflected forms many times over and in the title: bm25 alone ranks this one first.
  inflected = insertDocument(db, {
    title: 'Changes on the coastline',
    text: 'The coastline changed. Changes, changes and changing tides along the coastline.',
    language: 'en',
  })
  exact = insertDocument(db, {
    title: 'Harbour notes',
    text: 'A long note on the harbour and the coast, where one change of the tides matters more than the weather.',
    language: 'en',
  })
  railway = insertDocument(db, {
    title: 'Railway',
    text: 'The railway reached the coast in the end.',
    language: 'en',
  })
})

afterAll(async () => {
  await backend.dispose()
})

describe('stem expansion', () => {
  it('ranks the form as typed first while typing, the word being typed left out of the exact test', async () => {
    for (const q of ['change coa', 'change c', 'change coast', 'change t']) {
      const found = await search(q, { asYouType: true })
      expect(found[0], q).toBe(exact)
      expect(found, q).toContain(inflected)
    }
  })

  it('keeps exact first with exclusions, filters and ORs', async () => {
    expect(await search('change -weather')).toEqual([inflected])
    expect((await search('change lang:en'))[0]).toBe(exact)
    expect((await search('change type:txt coast'))[0]).toBe(exact)
    // Through OR, a branch as typed counts as exact: the railway document ranks above the stemmed-only match.
    const either = await search('change OR railway')
    expect(either.slice(0, 2).sort()).toEqual([exact, railway].sort())
    expect(either[2]).toBe(inflected)
  })

  it('tells the exact test only the expanded words', () => {
    const typed = parseQuery('change tag:x -weather coa', { asYouType: true }).root
    if (!typed) throw new Error('no query')
    const { exact: part, expanded } = expandStems(db, typed)
    expect(expanded).toBe(true)
    expect(part).toMatchObject({ kind: 'text', terms: ['change'] })
    const none = parseQuery('"change" coast', {}).root
    if (!none) throw new Error('no query')
    expect(expandStems(db, none).exact).toBeNull()
  })

  it('lists exact matches first in ranked tiers and in the full ranking, then the other forms, without repeats', async () => {
    // More matches than are ranked exactly while typing (RANK_ALL.typing): ranked in tiers of the newest.
    const { backend: big, db: bigDb } = (() => {
      const b = tempBackend()
      return { backend: b, db: b.context.db }
    })()
    try {
      const exactIds: DocumentId[] = []
      let titledInflected = 0 as DocumentId
      let titledExact = 0 as DocumentId
      bigDb.transaction(() => {
        // Old documents whose titles match: listed above the tiers, the title holding the typed form first.
        titledInflected = insertDocument(bigDb, {
          title: 'Changes changes changes',
          text: 'Nothing else.',
          language: 'en',
        })
        titledExact = insertDocument(bigDb, {
          title: 'A change',
          text: 'Nothing more.',
          language: 'en',
        })
        // Older documents without the word: matching most of the library, a query is listed newest first unranked.
        for (let i = 0; i < 1200; i++) {
          insertDocument(bigDb, { title: `Log ${i}`, text: 'Calm seas all day.', language: 'en' })
        }
        for (let i = 0; i < 1100; i++) {
          const holdsExact = i % 100 === 0
          const id = insertDocument(bigDb, {
            title: `Tide table ${i}`,
            text: `Changes of the tides, changes of the winds${holdsExact ? ', and one change of heart' : ''}.`,
            language: 'en',
          })
          if (holdsExact) exactIds.push(id)
        }
      })()
      const page = async (query: string, offset: number, asYouType: boolean) => {
        const r = await big.dispatch('search.query', {
          query,
          limit: 20,
          offset,
          asYouType,
          includeQuotes: false,
        })
        if (!r.ok) throw new Error(r.error.message)
        return (r.value as SearchResult).hits.map((h) => h.documentId)
      }
      // Typing: the newest tier (300 matches) holds 3 exact matches, listed first.
      const typing = await page('change ', 0, true)
      const newest = exactIds.slice(-3)
      expect(typing.slice(0, 2)).toEqual([titledExact, titledInflected])
      expect(typing.slice(2, 2 + newest.length).sort()).toEqual([...newest].sort())
      expect(typing).toHaveLength(20)
      const next = await page('change ', 20, true)
      expect(next.filter((id) => typing.includes(id))).toEqual([])
      // A full query ranks all 1,100 matches: the 11 exact ones first.
      const full = await page('change', 0, false)
      const exactAll = [titledExact, ...exactIds]
      expect(full.slice(0, exactAll.length).sort()).toEqual([...exactAll].sort())
      expect(full.slice(exactAll.length).every((id) => !exactAll.includes(id))).toBe(true)
    } finally {
      await big.dispose()
    }
  })

  it('finds a form written after the word was cached, by this connection or another', async () => {
    expect(await search('harbour')).toEqual([exact])
    // Another connection to the same library file (as a second Lectern process or the CLI would be).
    const other = openDb(join(backend.dir, 'library', 'library.sqlite'))
    let fromOther: DocumentId
    try {
      fromOther = insertDocument(other, {
        title: 'Harbours',
        text: 'Harbours of the north.',
        language: 'en',
      })
    } finally {
      other.close()
    }
    expect((await search('harbour')).sort()).toEqual([exact, fromOther].sort())
    const own = insertDocument(db, {
      title: 'Harboured',
      text: 'Ships harboured for the winter.',
      language: 'en',
    })
    expect(await search('harbour')).toContain(own)
  })
})
