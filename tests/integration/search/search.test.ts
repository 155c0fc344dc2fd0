import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, dispatch } from '../../../src/main/api/dispatch'
import type { Db } from '../../../src/main/db/connection'
import {
  type DocumentId,
  MARK_END,
  MARK_START,
  type SearchArgs,
  type SearchResult,
} from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { insertDocument, insertQuote } from './library-fixture'

type Backend = ReturnType<typeof tempBackend>
let backend: Backend
let db: Db
const ids = {} as Record<'railway' | 'railwayTitle' | 'cafe' | 'pdf' | 'draft' | 'none', DocumentId>

const RAILWAY_TEXT =
  'China and Kenya agreed on Thursday to strengthen their ties. The Mombasa-Nairobi Railway, built with Chinese ' +
  'loans, carries freight from the port of Mombasa to the capital. Officials said the railway would be extended.'

beforeAll(() => {
  backend = tempBackend()
  db = backend.context.db
  ids.railway = insertDocument(db, {
    title: 'China and Kenya strengthen ties',
    text: RAILWAY_TEXT,
    authors: ['Jane Mwangi'],
    source: 'Xinhua',
    publishedAt: '2025-04-24',
    language: 'en',
    format: 'html',
    tags: ['Kenya', 'Infrastructure'],
  })
  ids.railwayTitle = insertDocument(db, {
    title: 'Railway',
    text: 'A short note about trains and stations, with nothing else in it.',
    publishedAt: '2019-06',
    format: 'md',
    language: 'en-GB',
  })
  ids.cafe = insertDocument(db, {
    title: 'Le Café naïf',
    text: 'Au CAFÉ de la gare, une école naïve. Don’t forget the crème brûlée.',
    authors: ['Émile Zola'],
    source: 'Le Monde',
    publishedAt: '2020',
    language: 'fr',
    format: 'epub',
    tags: ['Écoles'],
  })
  const page1 = 'Page one talks about coal mining and nothing more. '.repeat(10)
  const page2 = 'Page two is about rivers. '.repeat(20)
  const page3 = 'Page three says that the sea level rise threatens the coast. '
  ids.pdf = insertDocument(db, {
    title: 'Coastal report',
    text: page1 + page2 + page3,
    pageStarts: [0, page1.length, page1.length + page2.length],
    format: 'pdf',
    publishedAt: '2021-02-03',
    source: 'IPCC',
    authors: ['Working Group II'],
    tags: ['climate'],
  })
  ids.draft = insertDocument(db, {
    title: 'Draft: climate policy',
    text: 'A draft about climate policy and the sea level, not for citation.',
    publishedAt: '2022-11-30',
    format: 'docx',
    tags: ['climate', 'draft'],
  })
  ids.none = insertDocument(db, { title: 'Untitled', text: 'Plain words only.', format: 'txt' })
  insertQuote(
    db,
    ids.pdf,
    'the sea level rise threatens the coast',
    'Key sentence for the review',
    3,
  )
  insertQuote(db, ids.railway, 'carries freight from the port of Mombasa', '')
  insertQuote(db, ids.draft, 'not for citation', 'remember the railway argument here')
})

afterAll(async () => {
  await backend.dispose()
})

const search = (args: SearchArgs | string): Promise<SearchResult> =>
  call(backend.context, 'search.query', typeof args === 'string' ? { query: args } : args)

const docIds = (r: SearchResult) =>
  r.hits
    .filter((h) => h.type === 'document')
    .map((h) => h.documentId)
    .sort((a, b) => a - b)
const docsOnly = (query: string) => search({ query, includeQuotes: false }).then(docIds)
const sorted = (...list: DocumentId[]) => [...list].sort((a, b) => a - b)

describe('search.query: the query language against a real library', () => {
  it('ANDs words, matches phrases, OR, exclusions and prefixes', async () => {
    expect(await docsOnly('kenya railway')).toEqual([ids.railway])
    expect(await docsOnly('"sea level"')).toEqual(sorted(ids.pdf, ids.draft))
    expect(await docsOnly('"level sea"')).toEqual([])
    expect(await docsOnly('mombasa OR rivers')).toEqual(sorted(ids.railway, ids.pdf))
    expect(await docsOnly('"sea level" -draft')).toEqual([ids.pdf])
    expect(await docsOnly('-"sea level" -railway -plain')).toEqual([ids.cafe])
    expect(await docsOnly('rail*')).toEqual(sorted(ids.railway, ids.railwayTitle))
    expect(await docsOnly('(mombasa OR coal) NOT kenya')).toEqual([ids.pdf])
    expect(await docsOnly('NEAR(sea coast, 5)')).toEqual([ids.pdf])
    expect(await docsOnly('NEAR(coal coast, 5)')).toEqual([])
  })

  it('folds case, accents and typographic apostrophes the same way in the index and the parser', async () => {
    for (const q of [
      'cafe',
      'CAFÉ',
      'café',
      'Cafe\u0301',
      'ecole',
      'creme brulee',
      'dont OR "don\'t"',
    ]) {
      expect(await docsOnly(q), q).toEqual([ids.cafe])
    }
    expect(await docsOnly('"don’t forget"')).toEqual([ids.cafe])
    expect(await docsOnly('"don\'t forget"')).toEqual([ids.cafe])
  })

  it('narrows to fields: title, author, source', async () => {
    expect(await docsOnly('title:railway')).toEqual([ids.railwayTitle])
    expect(await docsOnly('author:mwangi')).toEqual([ids.railway])
    expect(await docsOnly('author:emile')).toEqual([ids.cafe])
    expect(await docsOnly('source:ipcc sea')).toEqual([ids.pdf])
    expect(await docsOnly('source:ipcc coal -source:xinhua')).toEqual([ids.pdf])
    expect(await docsOnly('title:(kenya OR coastal)')).toEqual(sorted(ids.railway, ids.pdf))
  })

  it('filters by tag (folded, repeatable, excludable), type, language, dates and quotes', async () => {
    expect(await docsOnly('tag:climate')).toEqual(sorted(ids.pdf, ids.draft))
    expect(await docsOnly('tag:climate tag:draft')).toEqual([ids.draft])
    expect(await docsOnly('tag:climate -tag:draft')).toEqual([ids.pdf])
    expect(await docsOnly('tag:ecoles')).toEqual([ids.cafe])
    expect(await docsOnly('tag:KENYA')).toEqual([ids.railway])
    expect(await docsOnly('type:pdf')).toEqual([ids.pdf])
    expect(await docsOnly('type:md OR type:epub')).toEqual(sorted(ids.railwayTitle, ids.cafe))
    expect(await docsOnly('lang:en')).toEqual(sorted(ids.railway, ids.railwayTitle))
    expect(await docsOnly('lang:fr')).toEqual([ids.cafe])
    expect(await docsOnly('after:2021')).toEqual(sorted(ids.railway, ids.pdf, ids.draft))
    expect(await docsOnly('after:2021-02-04')).toEqual(sorted(ids.railway, ids.draft))
    expect(await docsOnly('before:2020')).toEqual(sorted(ids.railwayTitle, ids.cafe))
    expect(await docsOnly('before:2019-06')).toEqual([ids.railwayTitle])
    expect(await docsOnly('on:2021')).toEqual([ids.pdf])
    expect(await docsOnly('on:2021-02')).toEqual([ids.pdf])
    expect(await docsOnly('on:2021-02-03')).toEqual([ids.pdf])
    expect(await docsOnly('on:2021-02-04')).toEqual([])
    expect(await docsOnly('has:quotes')).toEqual(sorted(ids.railway, ids.pdf, ids.draft))
    expect(await docsOnly('has:notes')).toEqual(sorted(ids.pdf, ids.draft))
    expect(await docsOnly('-has:quotes')).toEqual(sorted(ids.railwayTitle, ids.cafe, ids.none))
    expect(await docsOnly('sea tag:climate after:2022 type:docx')).toEqual([ids.draft])
  })

  it('explains an unknown tag instead of failing', async () => {
    const r = await search('tag:nonexistent')
    expect(r.total).toBe(0)
    expect(r.message).toMatch(/no tag named “nonexistent”/)
  })

  it('ranks a title match above a body match', async () => {
    const r = await search({ query: 'railway', includeQuotes: false })
    expect(r.hits.map((h) => h.documentId)).toEqual([ids.railwayTitle, ids.railway])
    expect(r.hits[0]?.score).toBeGreaterThan(r.hits[1]?.score ?? 0)
  })

  it('sorts newest first on request', async () => {
    const r = await search({
      query: 'sea OR railway OR cafe',
      sort: 'newest',
      includeQuotes: false,
    })
    expect(r.hits.map((h) => h.documentId)).toEqual([
      ids.railway,
      ids.draft,
      ids.pdf,
      ids.cafe,
      ids.railwayTitle,
    ])
  })

  it('returns marked passages (sentinels, never HTML) with pages for paged documents', async () => {
    const r = await search({ query: '"sea level"', includeQuotes: false })
    const pdf = r.hits.find((h) => h.documentId === ids.pdf)
    expect(pdf?.snippet).toContain(`${MARK_START}sea level${MARK_END}`)
    expect(pdf?.page).toBe(3)
    expect(pdf?.passages[0]?.page).toBe(3)
    const cafe = (await search({ query: 'ecole cafe', includeQuotes: false })).hits[0]
    expect(cafe?.documentId).toBe(ids.cafe)
    expect(cafe?.snippet).toContain(`${MARK_START}CAFÉ${MARK_END}`)
    expect(cafe?.snippet).toContain(`${MARK_START}école${MARK_END}`)
    expect(cafe?.snippet).not.toMatch(/<[a-z]/)
    expect(cafe?.page).toBeNull()
    // Up to three passages, each with terms marked, together showing every term; pages where they start.
    const coal = (await search({ query: 'coal OR rivers OR coast', includeQuotes: false })).hits[0]
    expect(coal?.passages.length).toBe(3)
    const marked = new Set<string>()
    for (const p of coal?.passages ?? []) {
      expect(p.text).toContain(MARK_START)
      for (const m of p.text.matchAll(/\uE000([^\uE001]*)\uE001/g)) marked.add(m[1] ?? '')
      expect(p.page).toBe(p.text.startsWith('Page one') ? 1 : p.text.includes('Page one') ? 1 : 2)
    }
    expect(marked).toEqual(new Set(['coal', 'rivers', 'coast']))
  })

  it('finds quotes and notes as their own hits, linked to their passage', async () => {
    const r = await search('threatens')
    const quote = r.hits.find((h) => h.type === 'quote')
    expect(quote?.documentId).toBe(ids.pdf)
    expect(quote?.quoteId).toBeDefined()
    expect(quote?.page).toBe(3)
    expect(quote?.snippet).toContain(`${MARK_START}threatens${MARK_END}`)
    expect(r.total).toBe(2) // the document and its quote
    const note = (await search('review')).hits.find((h) => h.type === 'note')
    expect(note?.documentId).toBe(ids.pdf)
    expect(note?.snippet).toContain(`${MARK_START}review${MARK_END}`)
    const railway = await search('railway')
    expect(railway.hits.map((h) => h.type)).toEqual(['note', 'document', 'document'])
    expect((await search({ query: 'review', includeQuotes: false })).total).toBe(0)
  })

  it('counts every match regardless of limit and pages through all of them once', async () => {
    const all = await search('the')
    expect(all.total).toBeGreaterThan(4)
    const seen: string[] = []
    for (let offset = 0; offset < all.total; offset += 2) {
      const page = await search({ query: 'the', limit: 2, offset })
      expect(page.total).toBe(all.total)
      seen.push(...page.hits.map((h) => `${h.type}:${h.quoteId ?? h.documentId}`))
    }
    expect(seen.length).toBe(all.total)
    expect(new Set(seen).size).toBe(all.total)
  })

  it('suggests corrections from the library vocabulary', async () => {
    const mombasa = await search('Mombassa')
    expect(mombasa.total).toBe(0)
    // As typed, and as the source prints it (always capitalised): never the index's folded term.
    expect(mombasa.suggestions[0]).toMatchObject({ word: 'Mombassa', replacement: 'Mombasa' })
    expect(mombasa.suggestions[0]?.query).toBe('Mombasa')
    const railway = await search('kenya raliway')
    expect(railway.suggestions[0]).toMatchObject({ replacement: 'railway', query: 'kenya railway' })
    expect((await search(railway.suggestions[0]?.query ?? '')).total).toBeGreaterThan(0)
    expect((await search('kenya railway')).suggestions).toEqual([])
  })

  it('suggests for a one-word typo while typing, and prefers the correction found beside the other words', async () => {
    // While typing, the last word is a prefix: "Nairboi" matches nothing even so, and gets its suggestion at once.
    const typing = await search({ query: 'Nairboi', asYouType: true })
    expect(typing.total).toBe(0)
    expect(typing.suggestions[0]).toMatchObject({ replacement: 'Nairobi', query: 'Nairobi' })

    // "present" is far more common here than "president", both one edit from "presdent"; only "president" occurs
    // with "Ruto".
    const added: DocumentId[] = []
    for (let i = 0; i < 30; i++) {
      added.push(
        insertDocument(db, {
          title: `Minutes ${i}`,
          text: `Every member was present at meeting number ${i}.`,
        }),
      )
    }
    for (const place of ['Nakuru', 'Eldoret']) {
      added.push(
        insertDocument(db, {
          title: `Visit to ${place}`,
          text: `President Ruto opened a market in ${place}.`,
        }),
      )
    }
    try {
      const ruto = await search('Presdent Ruto')
      expect(ruto.total).toBe(0)
      expect(ruto.suggestions[0]).toMatchObject({
        word: 'Presdent',
        replacement: 'President',
        query: 'President Ruto',
      })
      // Alone, the commoner word still comes first.
      expect((await search('presdent')).suggestions[0]?.replacement).toBe('present')
    } finally {
      for (const id of added) db.prepare('DELETE FROM documents WHERE id = ?').run(id)
    }
  })

  it('keeps the vocabulary current as documents arrive and leave', async () => {
    expect((await search('zanzibar')).suggestions).toEqual([])
    const island = insertDocument(db, {
      title: 'Islands',
      text: 'Zanzibar lies off the coast of Tanzania.',
    })
    expect((await search('zanzibr')).suggestions[0]?.replacement).toBe('Zanzibar')
    db.prepare('DELETE FROM documents WHERE id = ?').run(island)
    expect((await search('zanzibr')).suggestions).toEqual([])
  })

  it('answers every hostile query with results or a message, never an error', async () => {
    for (const query of [
      '"unbalanced',
      'AND OR NOT (',
      '-',
      'title:',
      '('.repeat(10_000),
      ')'.repeat(10_000),
      'NEAR(',
      '\u0000\uE000\uE001',
      "'; DROP TABLE documents; --",
      '"a" OR "" OR *',
      'title:"',
      '{title}: x',
      'text:secret',
      'col1 : x',
    ]) {
      const envelope = await dispatch(backend.context, 'search.query', { query })
      expect(envelope.ok, query.slice(0, 20)).toBe(true)
      if (envelope.ok) {
        const r = envelope.value as SearchResult
        expect(r.hits.length > 0 || r.total === 0).toBe(true)
      }
    }
    expect((await search('"unbalanced')).message).toMatch(/quote was never closed/)
    expect((await search('AND OR NOT (')).message).toBeTruthy()
    expect((await search("'; DROP TABLE documents; --")).total).toBe(0)
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBeGreaterThan(5)
  })

  it('runs 2,000 random query strings through the API without a single error envelope', async () => {
    let seed = 17
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed / 2_147_483_648
    }
    const pieces = [
      ...'ab ()"“”-*:,\'’{}^|&',
      'rail',
      'sea',
      'AND',
      'OR',
      'NOT',
      'NEAR(',
      'title:',
      'author:',
      'source:',
      'tag:',
      'tag:climate',
      '-tag:',
      'type:pdf',
      'after:2020',
      'before:2021-06',
      'on:',
      'lang:en',
      'has:quotes',
      'has:notes',
      'é',
      '\u0301',
      '\uE000',
      ', 3)',
    ]
    for (let n = 0; n < 2000; n++) {
      let query = ''
      const length = Math.floor(next() * 14)
      for (let i = 0; i < length; i++) query += pieces[Math.floor(next() * pieces.length)]
      const envelope = await dispatch(backend.context, 'search.query', {
        query,
        asYouType: next() < 0.5,
        sort: next() < 0.2 ? 'newest' : 'relevance',
        limit: 5,
      })
      if (!envelope.ok) throw new Error(`${JSON.stringify(query)}: ${envelope.error.message}`)
    }
  })

  it('rejects malformed arguments with invalid_args', async () => {
    const bad = await dispatch(backend.context, 'search.query', { query: 'x', limit: 0 })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.code).toBe('invalid_args')
  })

  it('searches as you type with the last word as a prefix', async () => {
    const r = await search({ query: 'kenya rail', asYouType: true, includeQuotes: false })
    expect(docIds(r)).toEqual([ids.railway])
    expect((await search({ query: 'kenya rail', includeQuotes: false })).total).toBe(0)
  })
})

describe('search.inDocument', () => {
  it('gives offsets and pages with the same folding as search', async () => {
    const doc = db
      .prepare('SELECT text FROM documents WHERE id = ?')
      .pluck()
      .get(ids.cafe) as string
    const r = await call(backend.context, 'search.inDocument', {
      documentId: ids.cafe,
      query: 'cafe ecole',
    })
    expect(r.matches.map((m) => doc.slice(m.start, m.end))).toEqual(['CAFÉ', 'école'])
    const pdf = await call(backend.context, 'search.inDocument', {
      documentId: ids.pdf,
      query: '"sea level"',
    })
    expect(pdf.matches).toHaveLength(1)
    expect(pdf.matches[0]?.page).toBe(3)
    const typed = await call(backend.context, 'search.inDocument', {
      documentId: ids.railway,
      query: 'rail',
    })
    expect(typed.matches.length).toBe(2)
    const whole = await call(backend.context, 'search.inDocument', {
      documentId: ids.railway,
      query: 'rail',
      prefix: false,
    })
    expect(whole.matches).toEqual([])
  })

  it('reports a missing document as not_found', async () => {
    const r = await dispatch(backend.context, 'search.inDocument', {
      documentId: 999_999,
      query: 'x',
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('not_found')
  })
})

describe('saved searches', () => {
  it('saves, lists with live counts, updates by name and deletes', async () => {
    const saved = await call(backend.context, 'searches.save', {
      name: 'Climate',
      query: 'tag:climate',
    })
    expect(saved.count).toBe(2)
    await call(backend.context, 'searches.save', { name: 'Kenya', query: 'kenya' })
    let list = await call(backend.context, 'searches.list', {})
    expect(list.map((s) => [s.name, s.count])).toEqual([
      ['Climate', 2],
      ['Kenya', 1],
    ])
    insertDocument(db, { title: 'More climate', text: 'Another one.', tags: ['climate'] })
    list = await call(backend.context, 'searches.list', {})
    expect(list[0]?.count).toBe(3)
    const updated = await call(backend.context, 'searches.save', {
      name: 'Climate',
      query: 'tag:draft',
    })
    expect(updated.id).toBe(saved.id)
    expect(updated.count).toBe(1)
    expect(await call(backend.context, 'searches.delete', { id: saved.id })).toEqual({
      deleted: true,
    })
    expect(await call(backend.context, 'searches.delete', { id: saved.id })).toEqual({
      deleted: false,
    })
    expect((await call(backend.context, 'searches.list', {})).map((s) => s.name)).toEqual(['Kenya'])
  })

  it('refuses a search with nothing to search for', async () => {
    const r = await dispatch(backend.context, 'searches.save', { name: 'Empty', query: '()' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid_args' })
  })
})
