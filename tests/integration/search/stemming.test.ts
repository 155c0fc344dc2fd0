/**
 * Stemmed search (issue #14 item 3) on a real library: the Debian Manifesto in English, German, French, Spanish and
 * Russian (debian-history; tests/fixtures/SOURCES.md) imported through the real pipeline, each stemmed by its own
 * detected language; a Japanese text beside them, which has no stemmer and must search as before. Then a small
 * seeded set to pin the ranking: exact forms first, `=word` and "quoted" forms exact only.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/main/db/connection'
import {
  type DocumentId,
  type InDocumentResult,
  MARK_END,
  MARK_START,
  type SearchResult,
} from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { expectLibraryIntact, importViaApi } from '../importers/helpers'
import { insertDocument } from './library-fixture'

const FIXTURES = join(__dirname, '../../fixtures/documents/debian')
const LANGS = ['en', 'de', 'fr', 'es', 'ru'] as const
const JA = join(FIXTURES, 'project-history.ja.txt')

type Backend = ReturnType<typeof tempBackend>
let backend: Backend
let db: Db
const ids = new Map<string, DocumentId>()

async function search(query: string, limit = 50): Promise<SearchResult> {
  const r = await backend.dispatch('search.query', { query, limit, includeQuotes: false })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as SearchResult
}

/** The words a hit's passages mark, lower-cased. */
const marked = (r: SearchResult, id: DocumentId | undefined): string[] =>
  (r.hits.find((h) => h.documentId === id)?.passages ?? []).flatMap((p) =>
    [...p.text.matchAll(new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g'))].map((m) =>
      (m[1] ?? '').toLowerCase(),
    ),
  )

beforeAll(async () => {
  backend = tempBackend()
  db = backend.context.db
  const paths = LANGS.map((l) => join(FIXTURES, `manifesto.${l}.html`))
  const report = await importViaApi(backend, [...paths, JA])
  expect(report.failed).toBe(0)
  LANGS.forEach((l, i) => {
    ids.set(l, report.results.find((r) => r.path === paths[i])?.documentId as DocumentId)
  })
  ids.set('ja', report.results.find((r) => r.path === JA)?.documentId as DocumentId)
}, 120_000)

afterAll(async () => {
  await backend.dispose()
})

describe('stemmed search on real documents, per language', () => {
  it('detects each manifesto’s language, which chooses its stemmer', () => {
    for (const l of [...LANGS, 'ja']) {
      const language = db
        .prepare('SELECT language FROM documents WHERE id = ?')
        .pluck()
        .get(ids.get(l)) as string
      expect(language, l).toBe(l)
    }
    const stemmed = db.prepare('SELECT DISTINCT lang FROM search_stems ORDER BY lang').pluck().all()
    expect(stemmed).toEqual(['de', 'en', 'es', 'fr', 'ru'])
  })

  // A form the text never prints, whose inflections it does print: found, and the printed form highlighted.
  const cases: [string, string, string[]][] = [
    ['en', 'distribute', ['distributed', 'distribution']],
    ['de', 'kommerziell', ['kommerzielle']],
    ['fr', 'distribuer', ['distribuée', 'distribution']],
    ['es', 'distribuido', ['distribuida']],
    ['ru', 'свободный', ['свободного', 'свободное']],
  ]
  for (const [lang, query, inflected] of cases) {
    it(`${lang}: “${query}” finds ${inflected.join(', ')} and marks them`, async () => {
      const text = db
        .prepare('SELECT text FROM documents WHERE id = ?')
        .pluck()
        .get(ids.get(lang)) as string
      // The premise: the exact query form is not in the text, the inflected ones are.
      expect(new RegExp(`(?<!\\p{L})${query}(?!\\p{L})`, 'iu').test(text)).toBe(false)
      for (const form of inflected) expect(text.toLowerCase()).toContain(form)
      const r = await search(query)
      expect(r.hits.map((h) => h.documentId)).toContain(ids.get(lang))
      const marks = marked(r, ids.get(lang))
      expect(
        marks.some((m) => inflected.includes(m)),
        marks.join(','),
      ).toBe(true)
      // Exact only: nothing.
      expect((await search(`=${query}`)).hits.map((h) => h.documentId)).not.toContain(ids.get(lang))
      expect((await search(`"${query}"`)).hits.map((h) => h.documentId)).not.toContain(
        ids.get(lang),
      )
    })
  }

  it('leaves the Japanese document’s search as it was and adds no stems for it', async () => {
    const r = await search('ディストリビューション')
    expect(r.hits.map((h) => h.documentId)).toEqual([ids.get('ja')])
    expect(db.prepare("SELECT count(*) FROM search_stems WHERE lang = 'ja'").pluck().get()).toBe(0)
    expectLibraryIntact(db)
  })
})

describe('ranking and the exact-form syntax', () => {
  let exact: DocumentId
  let inflectedOften: DocumentId
  let inflectedTitle: DocumentId
  let unknownLanguage: DocumentId
  /** Hits among the documents seeded here (the English manifesto has its own "change"). */
  const seeded = (r: SearchResult): DocumentId[] =>
    r.hits
      .map((h) => h.documentId)
      .filter((id) => [exact, inflectedOften, inflectedTitle, unknownLanguage].includes(id))
  beforeAll(() => {
    // Inflected forms many times over, in the title too: bm25 alone would rank these above the exact form.
    inflectedOften = insertDocument(db, {
      title: 'Changes changed',
      text: 'The climate changed. Changes, changes and changing seasons: everything changes.',
      language: 'en',
    })
    inflectedTitle = insertDocument(db, {
      title: 'Changing climate',
      text: 'A report on the changing climate of the coast.',
      language: 'en-GB',
    })
    exact = insertDocument(db, {
      title: 'Coastal report',
      text: 'A long report on the coast, where one change of the tides matters more than the weather of a year.',
      language: 'en',
    })
    // No language, no stemmer: its inflected forms are not stemmed (they are not in search_stems either way).
    unknownLanguage = insertDocument(db, {
      title: 'Untitled',
      text: 'Nothing changeth here.',
      language: null,
    })
  })

  it('finds the inflected forms and ranks the exact form first', async () => {
    const r = await search('change')
    const found = r.hits.map((h) => h.documentId)
    expect(found[0]).toBe(exact)
    expect(found).toContain(inflectedOften)
    expect(found).toContain(inflectedTitle)
    expect(found).not.toContain(unknownLanguage)
    expect(marked(r, inflectedOften)).toEqual(
      expect.arrayContaining(['changed', 'changes', 'changing']),
    )
    // Exact first holds in every word of a query too.
    const two = await search('change coast')
    expect(two.hits[0]?.documentId).toBe(exact)
    expect(two.hits.map((h) => h.documentId)).toContain(inflectedTitle)
  })

  it('searches the exact form only with =word or "quotes"', async () => {
    for (const q of ['=change', '"change"', '=Change', '＝change']) {
      const r = await search(q)
      expect(seeded(r), q).toEqual([exact])
      expect(marked(r, exact), q).toEqual(['change'])
    }
    // `=` inside a field and with other words.
    expect((await search('title:=changes')).hits.map((h) => h.documentId)).toEqual([inflectedOften])
    expect(seeded(await search('=change coast'))).toEqual([exact])
  })

  it('stems words in a title: filter, and leaves prefixes and phrases alone', async () => {
    expect(
      (await search('title:change')).hits.map((h) => h.documentId).sort((a, b) => a - b),
    ).toEqual([inflectedOften, inflectedTitle].sort((a, b) => a - b))
    const prefix = await search('chang*')
    expect(prefix.hits.map((h) => h.documentId)).toContain(unknownLanguage)
    expect((await search('"changing climate"')).hits.map((h) => h.documentId)).toEqual([
      inflectedTitle,
    ])
  })

  it('excludes every form of an excluded word', async () => {
    const r = await search('report -change')
    expect(r.hits.map((h) => h.documentId)).toEqual([])
    const exactOnly = await search('report -=change')
    expect(exactOnly.hits.map((h) => h.documentId)).toEqual([inflectedTitle])
  })

  it('marks the other forms in the reader’s find too (a result opened from search)', async () => {
    const r = await backend.dispatch('search.inDocument', {
      documentId: inflectedOften,
      query: 'change seasons',
    })
    if (!r.ok) throw new Error(r.error.message)
    const { matches } = r.value as InDocumentResult
    const text = db
      .prepare('SELECT text FROM documents WHERE id = ?')
      .pluck()
      .get(inflectedOften) as string
    const words = matches.map((m) => text.slice(m.start, m.end).toLowerCase())
    expect(words).toEqual(['changed', 'changes', 'changes', 'changing', 'seasons', 'changes'])
  })

  it('keeps stems for edited text and a corrected language', async () => {
    const id = insertDocument(db, {
      title: 'Notiz',
      text: 'Die Regierungen veröffentlichten neue Zahlen.',
      language: null,
    })
    expect((await search('regierung')).hits.map((h) => h.documentId)).not.toContain(id)
    db.prepare("UPDATE documents SET language = 'de' WHERE id = ?").run(id)
    expect((await search('regierung')).hits.map((h) => h.documentId)).toContain(id)
  })
})
