import type { DocumentId, PaletteEntries, QuoteId, TagId } from '@shared/contract'
import { describe, expect, it } from 'vitest'
import { DocumentPostings } from '../../../src/renderer/src/features/palette/document-postings'
import { PaletteIndex } from '../../../src/renderer/src/features/palette/palette-index'
import { markRuns, rankTier } from '../../../src/renderer/src/features/palette/palette-rank'

const d = (n: number) => n as DocumentId

function entries(): PaletteEntries {
  return {
    cursor: '2026-01-01T00:00:00.000Z',
    documents: [
      [
        d(1),
        'Remarks by President Ruto on the railway',
        'William Ruto',
        'State House',
        'html',
        'en',
      ],
      [d(2), 'Railway financing in East Africa', 'Jane Doe', 'Daily Nation', 'pdf', 'en'],
      [d(3), 'On the Mombasa–Nairobi railway', '', 'BBC', 'txt', ''],
      [d(4), 'Café culture in Nairobi', 'Zoë Müller', '', 'md', 'fr'],
    ],
    documentIds: [[1, 4]],
    quotes: [[7 as QuoteId, d(2), 'China and Kenya agreed on Thursday to strengthen their ties']],
    quoteIds: [[7, 7]],
    tags: [[3 as TagId, 'railways']],
    searches: [[5, 'Kenya trade', 'kenya trade -draft']],
    comparisons: [[9, 'Summit wording']],
  }
}

describe('PaletteIndex', () => {
  it('ranks an exact title prefix over a word prefix, and finds tags, searches, quotes by first words', () => {
    const index = new PaletteIndex()
    index.apply(entries())
    const rail = index.search('railway', [])
    expect(rail.find((h) => h.kind === 'document')).toMatchObject({ id: 2, tier: 0 })
    expect(
      rail
        .filter((h) => h.tier === 0)
        .map((h) => h.kind)
        .sort(),
    ).toEqual(['document', 'tag'])
    expect(rail.map((h) => `${h.kind}:${h.id}`)).toEqual(
      expect.arrayContaining(['document:1', 'document:3', 'tag:3']),
    )
    expect(index.search('china and ke', [])[0]).toMatchObject({
      kind: 'quote',
      id: 7,
      documentId: 2,
    })
    expect(index.search('kenya tr', [])[0]).toMatchObject({ kind: 'search', id: 5 })
    expect(index.search('summit', [])[0]).toMatchObject({ kind: 'comparison', id: 9 })
    expect(index.search('cafe', [])[0]).toMatchObject({ kind: 'document', id: 4 })
    expect(index.search('muller', [])[0]).toMatchObject({ kind: 'document', id: 4 })
  })

  it('gives each document hit its format and language, so same-titled documents differ', () => {
    const index = new PaletteIndex()
    index.apply(entries())
    const byId = new Map(index.search('railway', []).map((h) => [`${h.kind}:${h.id}`, h]))
    expect(byId.get('document:2')).toMatchObject({ format: 'pdf', language: 'en' })
    expect(byId.get('document:3')).toMatchObject({ format: 'txt', language: null })
    expect(byId.get('tag:3')?.format).toBeUndefined()
    // The recent list (an empty query) carries them too.
    expect(index.search('', [4])[0]).toMatchObject({ id: 4, format: 'md', language: 'fr' })
  })

  it('boosts recently opened documents within a tier', () => {
    const index = new PaletteIndex()
    index.apply(entries())
    const plain = index.search('rail', []).filter((h) => h.tier === 1)
    const boosted = index.search('rail', [1]).filter((h) => h.tier === 1)
    expect(plain.map((h) => h.id)).toEqual([3, 1])
    expect(boosted.map((h) => h.id)).toEqual([1, 3])
    expect(index.search('', [4, 1]).map((h) => h.id)).toEqual([4, 1])
  })

  it('applies changes row by row: renamed, deleted, new', () => {
    const index = new PaletteIndex()
    index.apply(entries())
    index.apply({
      cursor: 'x',
      documents: [
        [d(2), 'Port financing', 'Jane Doe', 'Daily Nation', 'docx', 'sw'],
        [d(6), 'Railway gauge explained', '', '', 'epub', ''],
      ],
      documentIds: [
        [1, 2],
        [4, 4],
        [6, 6],
      ],
      tags: [],
    })
    expect(index.documentCount).toBe(4)
    const ids = index.search('railway', []).map((h) => `${h.kind}:${h.id}`)
    expect(ids).toContain('document:6')
    expect(ids).not.toContain('document:2')
    expect(ids).not.toContain('document:3')
    expect(ids).not.toContain('tag:3')
    expect(index.search('port', [])[0]).toMatchObject({
      id: 2,
      label: 'Port financing',
      format: 'docx',
      language: 'sw',
    })
  })
})

describe('DocumentPostings', () => {
  it('matches prefixes, skips stop words among other words, finds authors and source words, and typos', () => {
    const docs = new DocumentPostings()
    docs.set(1, 'Remarks by the President on the Economy', 'Barack Obama', 'The White House')
    docs.set(2, 'Statement by the Press Secretary', '', 'The White House')
    docs.set(3, 'The Office of the Vice President', 'Joe Biden', 'Archive')
    docs.set(4, 'Café society', 'Zoë Müller', '')
    const none = new Map<number, number>()
    const ids = (q: string) => docs.search(q, none, 30).map((h) => h.id)
    expect(ids('remarks by the pres')).toEqual([1])
    expect(docs.search('remarks by the pres', none, 30)[0]).toMatchObject({ tier: 0 })
    expect(ids('pres').sort()).toEqual([1, 2, 3])
    expect(ids('the')).toEqual([3, 2, 1]) // alone, a stop word is a word: the title prefix, then shorter
    expect(ids('white house press')).toEqual([2])
    expect(ids('biden vice')).toEqual([3])
    expect(docs.search('biden vice', none, 30)[0]).toMatchObject({
      label: 'The Office of the Vice President',
      detail: 'Joe Biden · Archive',
      tier: 1,
    })
    expect(ids('cafe muller')).toEqual([4])
    expect(docs.search('presdent', none, 30).map((h) => [h.id, h.tier])).toEqual(
      expect.arrayContaining([
        [1, 2],
        [3, 2],
      ]),
    )
    expect(ids('railway')).toEqual([])
  })

  it('keeps the best hits only, removes and renames row by row, and compacts after many removals', () => {
    const docs = new DocumentPostings()
    for (let id = 1; id <= 3000; id++)
      docs.set(id, `Weekly address ${id}`, '', 'The White House', id % 2 ? 'pdf' : 'html', 'en')
    const none = new Map<number, number>()
    // Same tier: the shorter title, then the newer document.
    expect(docs.search('weekly', none, 3).map((h) => h.id)).toEqual([9, 8, 7])
    expect(docs.search('weekly', new Map([[2500, 0]]), 2).map((h) => h.id)).toEqual([2500, 9])
    for (let id = 1; id <= 2500; id++) docs.remove(id)
    docs.set(2999, 'Renamed letter', '', '')
    expect(docs.size).toBe(500)
    expect(docs.search('weekly', none, 1000)).toHaveLength(499)
    expect(docs.search('weekly address 2999', none, 10)).toEqual([])
    expect(docs.search('renamed', none, 10).map((h) => h.id)).toEqual([2999])
    // Compaction keeps each document's format and language.
    expect(docs.search('weekly address 2998', none, 1)[0]).toMatchObject({ format: 'html' })
    expect(docs.search('weekly address 2997', none, 1)[0]).toMatchObject({ format: 'pdf' })
    expect(docs.search('white house', none, 1000)).toHaveLength(499)
  })
})

describe('palette ranking helpers', () => {
  it('tiers and marks', () => {
    expect(rankTier('rail', 'Railway news')).toBe(0)
    expect(rankTier('news rail', 'Railway news')).toBe(1)
    expect(rankTier('nwes', 'Railway news')).toBe(2)
    expect(markRuns('Café culture', 'cafe cul')).toEqual([
      { text: 'Café', marked: true },
      { text: ' ', marked: false },
      { text: 'cul', marked: true },
      { text: 'ture', marked: false },
    ])
  })
})

describe('DocumentPostings ranking at scale', () => {
  // A brute-force reading of the ranking rules, title by title: the fast paths (a rare first word ranked title by
  // title; common words marked and walked with the title-prefix range) must give exactly this order.
  const STOP = new Set([
    'a',
    'an',
    'and',
    'at',
    'by',
    'for',
    'from',
    'in',
    'of',
    'on',
    'or',
    'the',
    'to',
    'with',
  ])
  const wordsOf = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? []
  type Row = { id: number; title: string; detail: string }
  function reference(rows: Row[], query: string, recent: Map<number, number>, limit: number) {
    const q = query.toLowerCase().trim()
    const typed = wordsOf(query)
    const lastIsPrefix = /[a-z0-9]$/i.test(query)
    const meaningful = typed.filter(
      (w, i) => !STOP.has(w) || (i === typed.length - 1 && lastIsPrefix),
    )
    const wanted = meaningful.length > 0 ? meaningful : typed
    return rows
      .filter((row) => {
        const have = [...wordsOf(row.title), ...wordsOf(row.detail)]
        return wanted.every((w, i) => {
          const prefix = lastIsPrefix && i === wanted.length - 1 && w === typed[typed.length - 1]
          return have.some((h) => (prefix ? h.startsWith(w) : h === w))
        })
      })
      .map((row) => ({
        row,
        tier: row.title.toLowerCase().startsWith(q) ? 0 : 1,
        recent: recent.get(row.id) ?? Number.POSITIVE_INFINITY,
      }))
      .sort(
        (a, b) =>
          a.tier - b.tier ||
          a.recent - b.recent ||
          a.row.title.length - b.row.title.length ||
          b.row.id - a.row.id,
      )
      .slice(0, limit)
      .map((hit) => [hit.row.id, hit.tier])
  }

  it('ranks exactly like the rules, for rare and common words, after renames, deletions and new documents', () => {
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const common = ['remarks', 'by', 'the', 'president', 'press', 'statement', 'weekly', 'address']
    const rare = [
      'kenya',
      'railway',
      'pretoria',
      'presidio',
      'rematch',
      'stateside',
      'weekend',
      'addis',
    ]
    const title = () =>
      Array.from({ length: 2 + random(6) }, () =>
        random(4) === 0
          ? (rare[random(rare.length)] as string)
          : (common[random(common.length)] as string),
      ).join(' ')
    const details = ['Barack Obama · The White House', 'Joe Biden · Archive', '']
    const rows = new Map<number, Row>()
    const docs = new DocumentPostings()
    const put = (id: number) => {
      const row = { id, title: title(), detail: details[random(3)] as string }
      rows.set(id, row)
      const [authors, source] = row.detail ? row.detail.split(' · ') : ['', '']
      docs.set(id, row.title, authors as string, source as string)
    }
    // Pages newest first, like the first load; then renames, deletions and newer documents.
    for (let page = 5; page >= 0; page--) {
      for (let id = page * 1000 + 999; id >= page * 1000 + 1; id--) put(id)
      docs.settle()
    }
    for (let k = 0; k < 300; k++) put(1 + random(6000))
    for (let k = 0; k < 300; k++) {
      const id = 1 + random(6000)
      rows.delete(id)
      docs.remove(id)
    }
    for (let id = 7000; id < 7200; id++) put(id)
    const queries = [
      'r',
      'rem',
      'remarks by the',
      'remarks by the pres',
      'the p',
      'pre',
      'press ',
      'weekly address',
      'kenya',
      'kenya rail',
      'obama pres',
      'biden',
      'addis weekly',
      'statement by the press',
      'st',
    ]
    const recent = new Map([
      [7100, 0],
      [42, 1],
      [5000, 2],
    ])
    // Recent documents inside the title-prefix ranges of "r", "rem", "st", the longest first: they must still lead.
    const inRanges = new Map(
      [...rows.values()]
        .filter((row) => /^(rem|st)/.test(row.title))
        .sort((a, b) => b.title.length - a.title.length)
        .slice(0, 4)
        .map((row, i) => [row.id, i] as [number, number]),
    )
    for (const query of queries) {
      for (const limit of [1, 30]) {
        for (const boost of [new Map<number, number>(), recent, inRanges]) {
          const got = docs.search(query, boost, limit).map((h) => [h.id, h.tier])
          expect(got, query).toEqual(reference([...rows.values()], query, boost, limit))
        }
      }
    }
  })
})
