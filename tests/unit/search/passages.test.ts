import { describe, expect, it } from 'vitest'
import { terms } from '../../../src/main/search/fold'
import {
  bestPassages,
  findMatches,
  markedSlice,
  markWhole,
  pageAt,
} from '../../../src/main/search/passages'
import type { MarkTerm } from '../../../src/main/search/query-compiler'
import { splitOffset } from '../../../src/main/search/search-service'
import { MARK_END, MARK_START } from '../../../src/shared/contract'

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

const show = (s: string) => s.replaceAll(MARK_START, '[').replaceAll(MARK_END, ']')
const word = (w: string, prefix = false): MarkTerm => ({ terms: terms(w), prefix })

describe('findMatches', () => {
  it('finds words, phrases and prefixes with the index folding', () => {
    const text = 'Le CAFÉ, the café-bar and Cafe\u0301s; don’t stop. Railways and the rail.'
    const found = (marks: MarkTerm[]) =>
      findMatches(text, marks).map((m) => text.slice(m.start, m.end))
    expect(found([word('cafe')])).toEqual(['CAFÉ', 'café'])
    expect(found([word('cafe', true)])).toEqual(['CAFÉ', 'café', 'Cafe\u0301s'])
    expect(found([word("don't")])).toEqual(['don’t'])
    expect(found([word('rail', true)])).toEqual(['Railways', 'rail'])
    expect(found([word('the rail')])).toEqual(['the rail'])
  })

  it('gives the same answer on the fast ASCII path and the tokenizer path, for random texts', () => {
    const next = random(5)
    const vocab = [
      'al',
      'qaeda',
      'all',
      'the',
      'there',
      'other',
      'rail',
      'railway',
      'x1',
      'Al',
      'THE',
    ]
    const seps = [' ', ', ', '. ', '-', '’', '\n', ' (', ') ', '—', '“', '”', '_']
    for (let n = 0; n < 500; n++) {
      let text = ''
      const length = 1 + Math.floor(next() * 40)
      for (let i = 0; i < length; i++) {
        text += vocab[Math.floor(next() * vocab.length)]
        text += seps[Math.floor(next() * seps.length)]
      }
      const marks: MarkTerm[] = [
        word('al qaeda'),
        word('the'),
        word('rail', true),
        word('other x1', true),
      ]
      expect(findMatches(text, marks, Number.POSITIVE_INFINITY, true), text).toEqual(
        findMatches(text, marks, Number.POSITIVE_INFINITY, false),
      )
    }
  })
})

describe('passages', () => {
  it('marks matches with the sentinels and never emits HTML or stray sentinels', () => {
    const text = `<b>Bold</b> claim \uE000 about \uE001 the sea level rising ${'filler '.repeat(80)}`
    const [p] = bestPassages(text, [word('sea level')], null)
    expect(show(p?.text ?? '')).toContain('[sea level]')
    expect(p?.text).toContain('<b>Bold</b>') // plain text: the renderer shows it as text, not markup
    expect(p?.text.split(MARK_START).length).toBe(2)
  })

  it('prefers passages that show terms not shown yet, up to three', () => {
    const text = `${'alpha beta. '.repeat(30)}${'gap '.repeat(200)}gamma here.`
    const passages = bestPassages(text, [word('alpha'), word('beta'), word('gamma')], null)
    expect(passages.length).toBe(3)
    expect(show(passages[1]?.text ?? '')).toContain('[gamma]')
  })

  it('says where in the text each passage matched, so the reader can open it there', () => {
    const text = `Contents: the Mock Turtle of chapter 9. ${'filler '.repeat(100)}"Once," said the Mock Turtle at last, "I was a real Turtle." ${'more '.repeat(100)}the Turtle said.`
    // Only the phrase is a match: the passage must not point at the table of contents' "Mock Turtle".
    const phrase = bestPassages(text, [word('said the mock turtle')], null)
    expect(phrase.map((p) => text.slice(p.start, p.end))).toEqual(['said the Mock Turtle'])
    const [single] = bestPassages(text, [word('real turtle')], null)
    expect(text.slice(single?.start, single?.end)).toBe('real Turtle')
    const [two] = bestPassages(text, [word('once'), word('last')], null)
    expect(text.slice(two?.start, two?.end)).toBe('Once," said the Mock Turtle at last')
  })

  it('gives the opening of the text when only the title matched', () => {
    // No offsets: nothing in the text matched, so there is no passage to open at.
    expect(bestPassages('Plain opening text.', [word('absent')], null)).toEqual([
      { text: 'Plain opening text.', page: null, pageLabel: null },
    ])
  })

  it('knows the page of each passage from the page starts', () => {
    expect(pageAt([0, 100, 200], 0)).toBe(1)
    expect(pageAt([0, 100, 200], 99)).toBe(1)
    expect(pageAt([0, 100, 200], 100)).toBe(2)
    expect(pageAt([0, 100, 200], 5000)).toBe(3)
    expect(pageAt(null, 5)).toBeNull()
    const text = `${'a '.repeat(50)}${'b '.repeat(50)}target`
    expect(bestPassages(text, [word('target')], [0, 100, 200])[0]?.page).toBe(3)
  })

  it('cuts at word boundaries with ellipses', () => {
    const text = 'one two three four five six seven eight nine ten'
    expect(markedSlice(text, 9, 27, [])).toBe('…three four five six…')
    expect(show(markWhole('The sea level rose', [word('sea level')]) ?? '')).toBe(
      'The [sea level] rose',
    )
    expect(markWhole('nothing here', [word('sea')])).toBeNull()
  })
})

describe('quotes and documents share one list', () => {
  it('puts a quote at every fourth place while quotes last, and pages consistently', () => {
    // 2 quotes, 10 documents: places 0 and 4 are quotes.
    expect(splitOffset(0, 2, 10)).toEqual({ quotes: 0, docs: 0 })
    expect(splitOffset(4, 2, 10)).toEqual({ quotes: 1, docs: 3 })
    expect(splitOffset(5, 2, 10)).toEqual({ quotes: 2, docs: 3 })
    expect(splitOffset(12, 2, 10)).toEqual({ quotes: 2, docs: 10 })
    // Documents run out: the rest are quotes.
    expect(splitOffset(6, 10, 2)).toEqual({ quotes: 4, docs: 2 })
  })
})
