/**
 * Korean word search on a real text (trial 8): the Korean Debian FAQ's "Definitions and overview" page
 * (tests/fixtures/documents/debian/debian-faq-basic-defs.ko.html; licence in tests/fixtures/SOURCES.md), imported
 * through the real pipeline. Korean puts spaces between phrases (eojeol), not words: a noun carries its particles
 * ("데비안은", "데비안의"), so a word must be found inside its phrase, as Chinese and Japanese words are inside a run.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DocumentId,
  type InDocumentResult,
  MARK_END,
  MARK_START,
  type SearchResult,
} from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { importViaApi } from '../importers/helpers'

const KO = join(__dirname, '../../fixtures/documents/debian/debian-faq-basic-defs.ko.html')

type Backend = ReturnType<typeof tempBackend>
let backend: Backend
let ko: DocumentId
let text = ''

async function search(query: string): Promise<SearchResult> {
  const r = await backend.dispatch('search.query', { query, limit: 50, includeQuotes: false })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as SearchResult
}

function occurrences(word: string): number {
  let n = 0
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) n++
  return n
}

beforeAll(async () => {
  backend = tempBackend()
  const report = await importViaApi(backend, [KO])
  expect(report.failed).toBe(0)
  ko = report.results[0]?.documentId as DocumentId
  const row = backend.context.db.prepare('SELECT text FROM documents WHERE id = ?').get(ko) as {
    text: string
  }
  text = row.text
}, 120_000)

afterAll(async () => {
  await backend?.dispose()
})

describe('Korean words inside their phrases', () => {
  it('finds every 데비안 the page prints, with its particles, and marks the word, not the phrase', async () => {
    // The page prints 데비안 alone, and as 데비안은, 데비안의, 데비안에서, 데비안이…
    expect(text).toContain('데비안은')
    const expected = occurrences('데비안')
    expect(expected).toBeGreaterThan(occurrences(' 데비안 '))
    const found = await backend.dispatch('search.inDocument', {
      documentId: ko,
      query: '데비안',
      prefix: false,
    })
    if (!found.ok) throw new Error(found.error.message)
    expect((found.value as InDocumentResult).matches.length).toBe(expected)

    const hit = (await search('데비안은')).hits.find((h) => h.documentId === ko)
    expect(hit?.passages.map((p) => p.text).join(' ')).toContain(`${MARK_START}데비안은${MARK_END}`)
  })

  it('finds each noun of the page that is printed only with a particle', async () => {
    // Phrases of 3+ syllables ending in a common particle; the word before the particle, where the page never
    // prints it alone (so unicode61's whole-phrase tokens could not find it).
    const PARTICLE = /^(\p{Script=Hangul}{2,})(은|는|이|가|을|를|의|에|로|와|과|도)$/u
    const words = new Set<string>()
    for (const phrase of text.split(/[^\p{Script=Hangul}]+/u)) {
      const m = PARTICLE.exec(phrase)
      if (
        m?.[1] &&
        !new RegExp(`(^|[^\\p{Script=Hangul}])${m[1]}($|[^\\p{Script=Hangul}])`, 'u').test(text)
      )
        words.add(m[1])
    }
    expect(words.size).toBeGreaterThan(20)
    const missed: string[] = []
    for (const word of words) {
      const result = await search(word)
      if (!result.hits.some((h) => h.documentId === ko)) missed.push(word)
    }
    expect(missed).toEqual([])
  })

  it('does not match syllables that are only next to each other across a space or in another order', async () => {
    expect(text).toContain('데비안 패키지')
    expect((await search('"데비안 패키지"')).hits.map((h) => h.documentId)).toEqual([ko])
    expect(text).not.toContain('안데비')
    expect((await search('안데비')).hits).toEqual([])
    expect(text).not.toContain('안패')
    expect((await search('안패')).hits).toEqual([])
  })
})
