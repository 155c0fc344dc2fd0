/**
 * Phrase, NEAR, OR, NOT and prefix correctness against a brute-force evaluation over a small random corpus, and the
 * highlighter agreeing with the index on which documents contain a word or phrase.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { terms } from '../../../src/main/search/fold'
import { findMatches } from '../../../src/main/search/passages'
import type { DocumentId } from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { insertDocument } from './library-fixture'

/** Deterministic pseudo-random numbers (mulberry32) so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Written forms, some differing only by case, accents or apostrophe style: the index folds them together.
const WRITTEN = [
  'alpha',
  'Alpha',
  'alphabet',
  'beta',
  'BÉTA',
  'gamma',
  'gammon',
  'delta',
  'Délta',
  'epsilon',
  'zeta',
  'theta',
  'don’t',
  "don't",
  'café',
  'cafe',
  'iota',
]
const WORDS = [
  'alpha',
  'alphabet',
  'beta',
  'gamma',
  'gammon',
  'delta',
  'epsilon',
  'zeta',
  'theta',
  'cafe',
  'iota',
]

let backend: ReturnType<typeof tempBackend>
const docs: { id: DocumentId; tokens: string[]; text: string }[] = []

beforeAll(() => {
  backend = tempBackend()
  const next = random(99)
  for (let n = 0; n < 150; n++) {
    const words: string[] = []
    const length = 5 + Math.floor(next() * 40)
    for (let i = 0; i < length; i++) words.push(WRITTEN[Math.floor(next() * WRITTEN.length)] ?? '')
    const text = words.join(next() < 0.5 ? ' ' : ', ')
    const id = insertDocument(backend.context.db, { title: `${n + 1000}`, text })
    docs.push({ id, tokens: terms(text), text })
  }
})

afterAll(async () => {
  await backend.dispose()
})

type Pred = (tokens: string[]) => boolean

const has =
  (word: string): Pred =>
  (t) =>
    t.includes(word)
const hasPrefix =
  (p: string): Pred =>
  (t) =>
    t.some((w) => w.startsWith(p))
const phrase =
  (words: string[]): Pred =>
  (t) =>
    t.some((_, i) => words.every((w, k) => t[i + k] === w))
/** FTS5 NEAR for two single words: some instances with at most `n` tokens between them. */
const near =
  (a: string, b: string, n: number): Pred =>
  (t) =>
    t.some((x, i) => x === a && t.some((y, j) => y === b && Math.abs(i - j) - 1 <= n))

async function found(query: string): Promise<DocumentId[]> {
  const r = await call(backend.context, 'search.query', { query, includeQuotes: false, limit: 500 })
  expect(r.total, query).toBe(r.hits.length)
  return r.hits.map((h) => h.documentId).sort((a, b) => a - b)
}

const expected = (pred: Pred) => docs.filter((d) => pred(d.tokens)).map((d) => d.id)

describe('search agrees with a brute-force evaluation', () => {
  it('for words, phrases, NEAR, OR, NOT and prefixes in 300 random queries', async () => {
    const next = random(2024)
    const pick = () => WORDS[Math.floor(next() * WORDS.length)] ?? 'alpha'
    for (let n = 0; n < 300; n++) {
      const a = pick()
      let b = pick()
      while (b === a) b = pick()
      const c = pick()
      const k = [0, 1, 2, 5][Math.floor(next() * 4)] ?? 1
      const cases: [string, Pred][] = [
        [a, has(a)],
        [`"${a} ${b}"`, phrase([a, b])],
        [`"${a} ${b} ${c}"`, phrase([a, b, c])],
        [`NEAR(${a} ${b}, ${k})`, near(a, b, k)],
        [`${a} OR ${b}`, (t) => has(a)(t) || has(b)(t)],
        [`${a} -${b}`, (t) => has(a)(t) && !has(b)(t)],
        [`-${a}`, (t) => !has(a)(t)],
        [`${a.slice(0, 3)}*`, hasPrefix(a.slice(0, 3))],
        [
          `${a.slice(0, 1)}* -"${a} ${b}"`,
          (t) => hasPrefix(a.slice(0, 1))(t) && !phrase([a, b])(t),
        ],
        [`(${a} OR ${b}) ${c}`, (t) => (has(a)(t) || has(b)(t)) && has(c)(t)],
      ]
      const [query, pred] = cases[n % cases.length] as [string, Pred]
      expect(await found(query), query).toEqual(expected(pred))
    }
  })

  it('marks passages exactly where the index found the word or phrase', async () => {
    for (const query of ['cafe', 'beta', '"don t"', '"alpha beta"', 'alph*']) {
      const r = await call(backend.context, 'search.query', {
        query,
        includeQuotes: false,
        limit: 500,
      })
      const hitIds = new Set(r.hits.map((h) => h.documentId))
      const marks =
        query === 'alph*'
          ? [{ terms: ['alph'], prefix: true }]
          : [{ terms: terms(query), prefix: false }]
      for (const d of docs) {
        expect(findMatches(d.text, marks).length > 0, `${query} in ${d.id}`).toBe(hitIds.has(d.id))
      }
      for (const hit of r.hits) expect(hit.snippet).toContain('\uE000')
    }
  })
})
