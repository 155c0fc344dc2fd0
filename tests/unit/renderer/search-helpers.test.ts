import { describe, expect, it } from 'vitest'
import { queryKey } from '../../../src/renderer/src/api/query-cache'
import { parseTagList } from '../../../src/renderer/src/components/tag-list'
import { queryWords } from '../../../src/renderer/src/features/search/query-words'

describe('queryWords (search words shown by the reader’s find bar)', () => {
  it('keeps words and phrases (quoted), drops field filters, operators and negations', () => {
    expect(queryWords('kenya "railway deal" -football title:budget OR rail* after:2014')).toBe(
      '"railway deal" kenya rail',
    )
    expect(queryWords('title:"white house" "Mock Turtle said" -"press release"')).toBe(
      '"Mock Turtle said"',
    )
    expect(queryWords('NEAR(trade deal, 10)')).toBe('trade deal')
    expect(queryWords('NEAR(trade deal,3) kenya')).toBe('trade deal kenya')
    expect(queryWords('NEAR("trade deal" kenya, 5)')).toBe('"trade deal" kenya')
    expect(queryWords('2010 budget')).toBe('2010 budget')
    expect(queryWords('tag:draft')).toBe('')
  })
})

describe('queryKey', () => {
  it('is the same whatever the order of argument keys', () => {
    expect(queryKey('documents.list', { sort: 'title', order: 'asc' })).toBe(
      queryKey('documents.list', { order: 'asc', sort: 'title' }),
    )
    expect(queryKey('documents.list', { offset: 0 })).not.toBe(
      queryKey('documents.list', { offset: 100 }),
    )
  })
})

describe('parseTagList', () => {
  it('trims, drops empties and duplicates', () => {
    expect(parseTagList(' a, b ,, a,c ')).toEqual(['a', 'b', 'c'])
  })
})
