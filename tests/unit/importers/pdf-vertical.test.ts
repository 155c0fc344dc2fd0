import { describe, expect, it } from 'vitest'
import {
  type PositionedRun,
  turnVertical,
  withoutRuby,
} from '../../../src/main/importers/extractors/pdf-vertical'

const run = (str: string, x: number, y: number, width: number, size: number): PositionedRun => ({
  str,
  x,
  y,
  width,
  size,
  vertical: false,
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
    expect(withoutRuby(runs)).toEqual([base, footnoteMark, smallKanaAfter, nextLine, lowered])
  })

  it('keeps small kana over Latin text (no word it could gloss) and returns the same list when nothing is dropped', () => {
    const runs = [run('word', 100, 700, 20, 10), run('かな', 101, 709, 10, 5)]
    expect(withoutRuby(runs)).toBe(runs)
  })
})

describe('turnVertical', () => {
  it('turns a column into a line: down the page → along the line, rightmost column → topmost line', () => {
    const pageTop = 842
    const first = turnVertical({ ...run('君', 472.5, 727, 9.2, 9.2), vertical: true }, 9.2, pageTop)
    const next = turnVertical(
      { ...run('子は', 472.5, 717.8, 9.2, 9.2), vertical: true },
      18.4,
      pageTop,
    )
    const leftColumn = turnVertical(
      { ...run('人に', 456.5, 727, 9.2, 9.2), vertical: true },
      18.4,
      pageTop,
    )
    expect(first.x + first.width).toBeCloseTo(next.x) // the column's runs follow each other along the line
    expect(next.y).toBe(first.y) // on one line
    expect(leftColumn.y).toBeLessThan(first.y) // the column to the left is the next line down
    expect(leftColumn.x).toBe(first.x) // both columns start at the same height
  })
})
