import { describe, expect, it } from 'vitest'
import { locateQuote } from '../../../src/main/quotes/locate-quote'
import {
  CONTEXT_CHARS,
  nearest,
  occurrences,
  pageAt,
  paragraphAt,
  quoteSelector,
  whitespaceTolerantMatches,
} from '../../../src/main/quotes/text-anchor'

describe('text anchors', () => {
  const text = '\n\nFirst paragraph.\n\n\n\nSecond one,\nstill second.\n  \nThird.\n\n'

  it('numbers blank-line separated paragraphs from 1, leading and repeated blank lines aside', () => {
    expect(paragraphAt(text, 0)).toBe(1)
    expect(paragraphAt(text, text.indexOf('First'))).toBe(1)
    expect(paragraphAt(text, text.indexOf('Second'))).toBe(2)
    expect(paragraphAt(text, text.indexOf('still'))).toBe(2)
    expect(paragraphAt(text, text.indexOf('Third'))).toBe(3)
    expect(paragraphAt('', 0)).toBe(1)
  })

  it('finds the page from page starts', () => {
    expect(pageAt(null, 10)).toBeNull()
    expect(pageAt([], 10)).toBeNull()
    expect(pageAt([0, 100, 250], 0)).toBe(1)
    expect(pageAt([0, 100, 250], 99)).toBe(1)
    expect(pageAt([0, 100, 250], 100)).toBe(2)
    expect(pageAt([0, 100, 250], 10_000)).toBe(3)
  })

  it('keeps 32 characters of context (fewer at the edges)', () => {
    const long = `${'a'.repeat(50)}QUOTE${'b'.repeat(50)}`
    const s = quoteSelector(long, 50, 55)
    expect(s).toEqual({
      exact: 'QUOTE',
      prefix: 'a'.repeat(CONTEXT_CHARS),
      suffix: 'b'.repeat(CONTEXT_CHARS),
    })
    expect(quoteSelector('QUOTE!', 0, 5)).toEqual({ exact: 'QUOTE', prefix: '', suffix: '!' })
  })

  it('finds occurrences, the nearest one, and whitespace-tolerant matches', () => {
    expect(occurrences('abab ab', 'ab')).toEqual([0, 2, 5])
    expect(nearest([0, 2, 5], 4)).toBe(5)
    expect(nearest([0, 2, 5], null)).toBe(0)
    expect(nearest([], 1)).toBeUndefined()
    expect(whitespaceTolerantMatches('one  two\nthree', 'two three')).toEqual([[5, 14]])
    expect(whitespaceTolerantMatches('a.b', 'a.b ')).toEqual([[0, 3]])
    expect(whitespaceTolerantMatches('axb', 'a.b')).toEqual([]) // regex characters are literal
  })
})

describe('locateQuote', () => {
  const quote = {
    exact: 'the quick brown fox',
    prefix: 'Once upon a time ',
    suffix: ' jumped over',
  }

  it('prefers the occurrence whose context matches, then the nearest', () => {
    const text = 'the quick brown fox sat. Once upon a time the quick brown fox jumped over.'
    expect(locateQuote(text, quote, 0)).toEqual({ start: 42, end: 61, kind: 'exact' })
    const twin = 'the quick brown fox. the quick brown fox.'
    expect(
      locateQuote(twin, { exact: 'the quick brown fox', prefix: '', suffix: '' }, 30)?.start,
    ).toBe(21)
  })

  it('falls back to a fuzzy match of text and context, and gives up on strangers', () => {
    const edited = 'Once upon a time the quick brown cat jumped over.'
    expect(locateQuote(edited, quote, 17)).toEqual({ start: 17, end: 36, kind: 'fuzzy' })
    expect(locateQuote('Nothing like it here at all, really nothing.', quote, 0)).toBeNull()
    expect(locateQuote('anything', { exact: '', prefix: '', suffix: '' }, 0)).toBeNull()
  })
})
