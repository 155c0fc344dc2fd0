/**
 * Diacritics policy: folded for finding, exact for ranking (src/main/search/printed-diacritics.ts). Real pages: three
 * chapters of the Vietnamese Debian New Maintainers' Guide and two pages of the Greek Debian Administrator's Handbook
 * (tests/fixtures/documents/debian; licences in tests/fixtures/SOURCES.md). Vietnamese tones tell words apart that
 * fold alike ("gọi" to call, "gói" package; "khó" difficult, "kho" repository), and the Greek pages print some words
 * with their accent and some without ("ότι" / "οτι", "μία" / "μια").
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DocumentId,
  MARK_END,
  MARK_START,
  type SearchResult,
} from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { importViaApi } from '../importers/helpers'

const DIR = join(__dirname, '../../fixtures/documents/debian')
const FILES = {
  upload: 'maint-guide-upload.vi.html',
  checkit: 'maint-guide-checkit.vi.html',
  index: 'maint-guide-index.vi.html',
  foreword: 'debian-handbook-foreword.el.html',
  audience: 'debian-handbook-who-is-this-book-for.el.html',
} as const
type Name = keyof typeof FILES

type Backend = ReturnType<typeof tempBackend>
let backend: Backend
const ids = {} as Record<Name, DocumentId>
const texts = {} as Record<Name, string>

async function ranked(query: string): Promise<Name[]> {
  const r = await backend.dispatch('search.query', { query, limit: 50, includeQuotes: false })
  if (!r.ok) throw new Error(r.error.message)
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name as Name]))
  return (r.value as SearchResult).hits.flatMap((h) => {
    const name = h.documentId === undefined ? undefined : byId.get(h.documentId)
    return name ? [name] : []
  })
}

/** Whether a document prints `word` as a whole word, exactly (case aside). */
const prints = (name: Name, word: string) =>
  new RegExp(`(^|[^\\p{L}\\p{M}])${word}(?![\\p{L}\\p{M}])`, 'iu').test(texts[name])

beforeAll(async () => {
  backend = tempBackend()
  for (const [name, file] of Object.entries(FILES) as [Name, string][]) {
    const report = await importViaApi(backend, [join(DIR, file)])
    expect(report.failed).toBe(0)
    ids[name] = report.results[0]?.documentId as DocumentId
    texts[name] = (
      backend.context.db.prepare('SELECT text FROM documents WHERE id = ?').get(ids[name]) as {
        text: string
      }
    ).text
  }
}, 120_000)

afterAll(async () => {
  await backend?.dispose()
})

describe('a query typed with diacritics ranks the documents printing them first', () => {
  it.each([
    ['gọi', 'gói'], // to call / package
    ['khó', 'kho'], // difficult / repository
    ['tái', 'tải'], // re- / to load
  ])('Vietnamese %s above the documents printing only %s', async (word, other) => {
    const hits = await ranked(word)
    const exact = hits.filter((n) => prints(n, word))
    const foldedOnly = hits.filter((n) => !prints(n, word))
    expect(exact.length, `documents printing ${word}`).toBeGreaterThan(0)
    expect(foldedOnly.length, `documents printing only ${other}`).toBeGreaterThan(0)
    // Every match is still found (folded), but the exact ones come first.
    expect(hits.slice(0, exact.length).sort()).toEqual([...exact].sort())
  })

  it('a query without marks keeps finding every folded form, ranked by relevance alone', async () => {
    const hits = await ranked('goi')
    expect(new Set(hits)).toEqual(new Set(['upload', 'checkit', 'index']))
  })

  it.each([
    ['ότι', 'foreword'],
    ['μία', 'foreword'],
  ] as const)(
    'Greek %s: the page printing the accent first, the unaccented one still found',
    async (word, first) => {
      const hits = await ranked(word)
      expect(prints(first, word)).toBe(true)
      expect(hits[0]).toBe(first)
      expect(hits).toContain(first === 'foreword' ? 'audience' : 'foreword')
    },
  )

  it('passages mark the folded matches of a document printing only the other form', async () => {
    const r = await backend.dispatch('search.query', {
      query: 'ότι',
      limit: 50,
      includeQuotes: false,
    })
    if (!r.ok) throw new Error(r.error.message)
    const hit = (r.value as SearchResult).hits.find((h) => h.documentId === ids.audience)
    expect(hit?.passages.map((p) => p.text).join(' ')).toContain(`${MARK_START}οτι${MARK_END}`)
  })
})

describe('quotes are ranked the same way', () => {
  /** Sentences of the Vietnamese pages holding `word` as a whole word and not `other`. */
  const sentences = (word: string, other: string): string[] => {
    const all = Object.values(texts).flatMap((t) => t.split(/(?<=[.!?:])\s+|\n+/))
    const has = (s: string, w: string) =>
      new RegExp(`(^|[^\\p{L}\\p{M}])${w}(?![\\p{L}\\p{M}])`, 'iu').test(s)
    return all.filter((s) => has(s, word) && !has(s, other) && s.length >= 20 && s.length <= 400)
  }

  it('a quote printing the typed marks comes before quotes printing only the folded form', async () => {
    // Quotes of the same pages: one long sentence printing "gọi" (to call), shorter ones printing only "gói"
    // (package), saved after it, which relevance alone (shorter, newer) puts first.
    const exact = sentences('gọi', 'gói').sort((a, b) => b.length - a.length)[0] as string
    const folded = sentences('gói', 'gọi')
      .sort((a, b) => a.length - b.length)
      .slice(0, 4)
    expect(exact).toBeDefined()
    expect(folded.length).toBeGreaterThan(1)
    const docOf = (text: string) =>
      (Object.keys(texts) as Name[]).find((n) => texts[n].includes(text)) as Name
    const save = async (text: string) => {
      const r = await backend.dispatch('quotes.create', { documentId: ids[docOf(text)], text })
      if (!r.ok) throw new Error(r.error.message)
      return (r.value as { id: number }).id
    }
    const exactId = await save(exact)
    for (const text of folded) await save(text)
    const r = await backend.dispatch('search.query', { query: 'gọi', limit: 50 })
    if (!r.ok) throw new Error(r.error.message)
    const quotes = (r.value as SearchResult).hits.filter((h) => h.type === 'quote')
    expect(quotes.length).toBe(folded.length + 1)
    expect(quotes[0]?.quoteId).toBe(exactId)
    // Without marks, relevance alone decides, and every quote is still found.
    const plain = await backend.dispatch('search.query', { query: 'goi', limit: 50 })
    if (!plain.ok) throw new Error(plain.error.message)
    expect((plain.value as SearchResult).hits.filter((h) => h.type === 'quote')).toHaveLength(
      folded.length + 1,
    )
  })
})
