import { describe, expect, it } from 'vitest'
import { corrections, editDistance, looksMisspelt } from '../../../src/main/search/vocabulary'

function snapshot(words: Record<string, number>) {
  const docs = new Map(Object.entries(words))
  const byLength = new Map<number, string[]>()
  for (const w of docs.keys()) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w])
  return { generation: 'test', docs, byLength, memo: new Map() }
}

describe('spelling corrections', () => {
  it('measures edits with adjacent transpositions counted once', () => {
    expect(editDistance('raliway', 'railway', 2)).toBe(1)
    expect(editDistance('mombassa', 'mombasa', 2)).toBe(1)
    expect(editDistance('goverment', 'government', 2)).toBe(1)
    expect(editDistance('kitten', 'sitting', 3)).toBe(3)
    expect(editDistance('abc', 'xyz', 1)).toBe(2) // stops early: more than the limit
    expect(editDistance('same', 'same', 0)).toBe(0)
  })

  it('prefers fewer edits, then more common words, unless a further word is far more common', () => {
    const vocab = snapshot({ railway: 216, railways: 827, halfway: 1203, mombasa: 72, mombassa: 0 })
    expect(corrections(vocab, 'raliway')[0]?.term).toBe('railway')
    expect(corrections(vocab, 'mombasaa')[0]?.term).toBe('mombasa')
    const common = snapshot({ tome: 2, time: 50_000 })
    expect(corrections(common, 'tume')[0]?.term).toBe('time')
    const far = snapshot({ goverment: 1, government: 40_000, governments: 8000 })
    expect(corrections(far, 'govrnment')[0]?.term).toBe('government')
  })

  it('flags unknown words, and rare ones one edit from a far more common word', () => {
    expect(looksMisspelt(0, { term: 'mombasa', docs: 3, distance: 1 })).toBe(true)
    expect(looksMisspelt(18, { term: 'president', docs: 61_000, distance: 1 })).toBe(true)
    expect(looksMisspelt(5000, { term: 'president', docs: 61_000, distance: 1 })).toBe(false)
    expect(looksMisspelt(3, { term: 'governments', docs: 8000, distance: 2 })).toBe(false)
    expect(looksMisspelt(0, undefined)).toBe(false)
  })
})
