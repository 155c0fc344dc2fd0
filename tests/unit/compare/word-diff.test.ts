import { describe, expect, it } from 'vitest'
import { alignWords, densestWindows } from '../../../src/main/compare/word-align'
import { countWords, similarity, wordDiff, wordOverlap } from '../../../src/main/compare/word-diff'

describe('word diff and similarity', () => {
  it('marks removed and added words and merges runs', () => {
    expect(wordDiff('we will win', 'we shall win')).toEqual([
      { text: 'we ', kind: 'same' },
      { text: 'will', kind: 'removed' },
      { text: 'shall', kind: 'added' },
      { text: ' win', kind: 'same' },
    ])
  })

  it('marks whole words in Arabic and Cyrillic, never letters inside a word (trial 8)', () => {
    // The Amiri font's Arabic README (tests/fixtures/documents/fonts) with one word changed, and the Russian Debian
    // FAQ's title with two endings changed. jsdiff alone split both scripts letter by letter ("نسخ" | "جم" | "ي").
    expect(
      wordDiff('الخط الأميري خط نسخي موجه لطباعة الكتب', 'الخط الأميري خط جميل موجه لطباعة الكتب'),
    ).toEqual([
      { text: 'الخط الأميري خط ', kind: 'same' },
      { text: 'نسخي', kind: 'removed' },
      { text: 'جميل', kind: 'added' },
      { text: ' موجه لطباعة الكتب', kind: 'same' },
    ])
    const segments = wordDiff(
      'Часто задаваемые вопросы о Debian GNU/Linux',
      'Часто задаваемый вопрос о Debian GNU/Linux',
    )
    // In each text (the old: same + removed; the new: same + added), a mark starts and ends between words.
    for (const side of ['added', 'removed']) {
      const view = segments.filter((s) => s.kind !== side)
      for (let i = 1; i < view.length; i++) {
        const before = view[i - 1]?.text ?? ''
        const after = view[i]?.text ?? ''
        expect(/\p{L}$/u.test(before) && /^\p{L}/u.test(after), `${before}|${after}`).toBe(false)
      }
    }
    expect(segments.filter((s) => s.kind === 'removed').map((s) => s.text)).toEqual([
      'задаваемые вопросы',
    ])
  })

  it('scores identical texts 1, disjoint 0, and partial overlap in between', () => {
    expect(similarity('a b c', 'a b c')).toBe(1)
    expect(similarity('a b c', 'x y z')).toBe(0)
    expect(similarity('we will win', 'we shall win')).toBeCloseTo((2 * 2) / 6, 3)
    expect(wordOverlap('for you every day', 'every day for you')).toBe(1)
    expect(countWords("he's fighting, every day.")).toBe(6)
  })

  it('aligns a quote with its best span, in order or reworded', () => {
    const text =
      'Intro words here. We love you, and you have a President who is fighting for you. Bye.'
    const exact = alignWords(text, 'you have a President who is fighting for you')[0]
    expect(text.slice(exact?.start, exact?.end)).toBe(
      'you have a President who is fighting for you',
    )
    expect(exact?.wordErrors).toBe(0)
    const window = densestWindows(text, 'a president fighting for you, who is there', 1)[0]
    expect(text.slice(window?.start, window?.end)).toBe('a President who is fighting for you')
    expect(alignWords('', 'x')).toEqual([])
    expect(densestWindows('abc', '')).toEqual([])
  })
})
