import type { DocumentId } from '@shared/contract'
import { describe, expect, it } from 'vitest'
import {
  addIds,
  isSelected,
  NO_SELECTION,
  selectAll,
  selectedCount,
  selectIds,
  toggleId,
} from '../../../src/renderer/src/state/document-selection'

/** Document ids are branded numbers. */
const id = (value: number): DocumentId => value as DocumentId
const ids = (...values: number[]): DocumentId[] => values.map(id)

describe('document selection', () => {
  it('keeps "all matching" as a rule: every id is in it until toggled off', () => {
    const all = selectAll()
    expect(isSelected(all, id(123_456))).toBe(true)
    expect(selectedCount(all, 100_000)).toBe(100_000)
    const lessOne = toggleId(all, id(7))
    expect(isSelected(lessOne, id(7))).toBe(false)
    expect(selectedCount(lessOne, 100_000)).toBe(99_999)
    expect(selectedCount(addIds(lessOne, ids(7)), 100_000)).toBe(100_000)
  })

  it('counts and toggles explicit ids', () => {
    expect(selectedCount(NO_SELECTION, 50)).toBe(0)
    const some = addIds(selectIds(ids(1, 2)), ids(2, 3))
    expect(selectedCount(some, 50)).toBe(3)
    expect(isSelected(toggleId(some, id(2)), id(2))).toBe(false)
  })
})
