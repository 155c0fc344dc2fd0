import { describe, expect, it } from 'vitest'
import { type RubyRun, withoutRuby } from '../../../src/main/importers/extractors/pdf-ruby'

const run = (str: string, x: number, y: number, width: number, size: number): RubyRun => ({
  str,
  x,
  y,
  width,
  size,
})

describe('withoutRuby', () => {
  it('drops kana set small just above the word it glosses, and nothing else', () => {
    const base = run('漢字', 100, 700, 20, 10)
    const reading = run('かんじ', 101, 709, 15, 5)
    const footnoteMark = run('1', 121, 704, 3, 5) // small and raised, but after the word, and no kana
    const smallKanaAfter = run('かな', 125, 704, 10, 5) // small kana beside the word, not over it
    const nextLine = run('かんじ', 100, 670, 30, 10) // kana in the body size on the next line
    const lowered = run('かんじ', 100, 695, 15, 5) // below the baseline: no reading
    const runs = [base, reading, footnoteMark, smallKanaAfter, nextLine, lowered]
    // The word keeps the size of its readings: the room they took above its line.
    expect(withoutRuby(runs)).toEqual([
      { ...base, ruby: 5 },
      footnoteMark,
      smallKanaAfter,
      nextLine,
      lowered,
    ])
  })

  it('keeps small kana over Latin text (no word it could gloss) and returns the same list when nothing is dropped', () => {
    const runs = [run('word', 100, 700, 20, 10), run('かな', 101, 709, 10, 5)]
    expect(withoutRuby(runs)).toBe(runs)
  })
})

describe('the line a reading stood on', () => {
  it("drops pdf.js's line breaks and spaces beside a reading when the words around it share a baseline", () => {
    // pxrubrica's test-toc.pdf: 政 (space) ふ (line break) 府の, the reading centred over 府.
    const sei = run('政', 403.6, 611.4, 9.2, 9.2)
    const space = run(' ', 412.8, 611.4, 2.3, 9.2)
    const reading = run('ふ', 415.1, 620.1, 4.6, 4.6)
    const lineBreak = { ...run('', 412.8, 611.4, 0, 9.2), eol: true }
    const fu = run('府の', 412.8, 611.4, 18.4, 9.2)
    expect(withoutRuby([sei, space, reading, lineBreak, fu])).toEqual([sei, { ...fu, ruby: 4.6 }])
  })

  it('keeps a line break beside a reading where the next words start a new line', () => {
    const end = run('除する。', 424.3, 547.6, 36.8, 9.2)
    const lineBreak = { ...run('', 83.4, 540.4, 0, 4.6), eol: true }
    const reading = run('に', 83.4, 540.4, 4.6, 4.6)
    const next = run('日', 81.1, 531.7, 9.2, 9.2)
    expect(withoutRuby([end, lineBreak, reading, next])).toEqual([
      end,
      lineBreak,
      { ...next, ruby: 4.6 },
    ])
  })

  it('closes the gaps a reading wider than its word spread into it, and no other', () => {
    // 国 会 under こくくわい (test-toc.pdf); 東京 大阪: a space no reading stands over.
    const word = run('国 会における', 209.4, 627.3, 57.5, 9.2)
    const reading = run('こくくわい', 208.2, 636, 23, 4.6)
    expect(withoutRuby([reading, word])).toEqual([{ ...word, str: '国会における', ruby: 4.6 }])
    const apart = run('東京 大阪', 100, 700, 38.4, 9.2)
    const over = run('とうきやう', 100, 708.7, 18.4, 4.6)
    expect(withoutRuby([over, apart])).toEqual([{ ...apart, ruby: 4.6 }])
  })

  it('widens a word to meet the next where a reading stands over the gap between them', () => {
    const before = run('われらの', 404.3, 627.3, 36.8, 9.2) // ends at 441.1
    const reading = run('しそん', 439.5, 636, 13.8, 4.6)
    const after = run('子孫', 443.4, 627.3, 18.4, 9.2)
    expect(withoutRuby([before, reading, after])).toEqual([
      { ...before, width: after.x - before.x },
      { ...after, ruby: 4.6 },
    ])
  })
})
