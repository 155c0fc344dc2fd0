/**
 * Choosing the spelling a "did you mean" shows from the spellings the documents print (printed-forms.ts): always a
 * printed one, the majority ignoring case, deterministic ties, and the case the sources and the user use.
 */
import { describe, expect, it } from 'vitest'
import { choosePrinted, type Spellings } from '../../../src/main/search/printed-forms'

/** Spellings from [form, occurrences, documents…] rows. */
const printed = (...rows: [string, number, ...number[]][]): Spellings =>
  new Map(rows.map(([form, n, ...docs]) => [form, { occurrences: n, documents: new Set(docs) }]))

describe('choosePrinted', () => {
  it('offers nothing when no document prints the word', () => {
    expect(choosePrinted(new Map(), 'elction')).toBeNull()
  })

  it('keeps accents and a capital that every occurrence has', () => {
    expect(choosePrinted(printed(['Unterstützung', 4, 1, 2]), 'unterstutzng')).toBe('Unterstützung')
    expect(choosePrinted(printed(['élection', 3, 1], ['Élection', 1, 2]), 'elction')).toBe(
      'élection',
    )
  })

  it('takes the majority spelling ignoring case, its lower-case form when that is printed', () => {
    const s = printed(['naïve', 1, 1], ['Naive', 1, 2], ['naive', 1, 3])
    expect(choosePrinted(s, 'naiev')).toBe('naive')
  })

  it('breaks ties by documents, then code-point order, whatever the map order', () => {
    expect(choosePrinted(printed(['Nováková', 2, 1], ['Novakova', 2, 2, 3]), 'novakva')).toBe(
      'Novakova',
    )
    const a = choosePrinted(printed(['Nováková', 1, 1], ['Novakova', 1, 2]), 'novakva')
    const b = choosePrinted(printed(['Novakova', 1, 2], ['Nováková', 1, 1]), 'novakva')
    expect(a).toBe(b)
  })

  it('prefers a printed form in the case the user typed, and never invents one', () => {
    const s = printed(['système', 5, 1], ['Système', 1, 2])
    expect(choosePrinted(s, 'Sytème')).toBe('Système')
    expect(choosePrinted(s, 'sytème')).toBe('système')
    expect(choosePrinted(printed(['système', 5, 1]), 'SYTÈME')).toBe('système')
    expect(choosePrinted(printed(['iPhone', 2, 1]), 'Iphnoe')).toBe('iPhone')
    expect(choosePrinted(printed(['NATO', 3, 1], ['Nato', 1, 2]), 'nto')).toBe('NATO')
  })
})
