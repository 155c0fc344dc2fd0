import { describe, expect, it } from 'vitest'
import {
  type PositionedRun,
  turnVertical,
} from '../../../src/main/importers/extractors/pdf-vertical'

const run = (str: string, x: number, y: number, width: number, size: number): PositionedRun => ({
  str,
  x,
  y,
  width,
  size,
  vertical: false,
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
