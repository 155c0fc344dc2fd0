import { describe, expect, it } from 'vitest'
import { markTerms } from '../../../src/main/search/query-compiler'
import { parseQuery } from '../../../src/main/search/query-parser'
import { findQuery, firstMatchFrom } from '../../../src/renderer/src/features/reader/find-query'

/** What the engine will look for, as the find bar asks while typing. */
const marks = (typed: string, mode: 'phrase' | 'any') =>
  markTerms(parseQuery(findQuery(typed, mode), { asYouType: true }).root)

describe('findQuery (find in document)', () => {
  it('reads typed words as one phrase by default, the last word a prefix while typing', () => {
    expect(marks('Mock Turtle said', 'phrase')).toEqual([
      { terms: ['mock', 'turtle', 'said'], prefix: true },
    ])
    expect(marks('turtle', 'phrase')).toEqual([{ terms: ['turtle'], prefix: true }])
  })

  it('matches any word when asked', () => {
    expect(marks('Mock Turtle said', 'any').map((mark) => mark.terms)).toEqual([
      ['mock'],
      ['turtle'],
      ['said'],
    ])
  })

  it('keeps the search syntax’s quotes as written in either mode', () => {
    for (const mode of ['phrase', 'any'] as const) {
      expect(marks('"Mock Turtle" said', mode).map((mark) => mark.terms)).toEqual([
        ['mock', 'turtle'],
        ['said'],
      ])
    }
  })

  it('starts at the first match of the passage a search hit opened', () => {
    const matches = [{ start: 10 }, { start: 500 }, { start: 900 }]
    expect(firstMatchFrom(matches, 480)).toBe(1)
    expect(firstMatchFrom(matches, null)).toBe(0)
    expect(firstMatchFrom(matches, 5000)).toBe(0)
  })
})
