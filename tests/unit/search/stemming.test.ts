/**
 * Stemming per language (src/main/text/stemming.ts): the Snowball stemmer a document's language picks, the (stem,
 * word) pairs kept for it, and the stems a query word is looked up by.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  forEachWord,
  queryStems,
  STEM_LANGUAGES,
  stemLanguage,
  stemPairs,
  stemWord,
} from '../../../src/main/text/stemming'

describe('stemWord, per language', () => {
  const families: [string, string[]][] = [
    ['en', ['change', 'changes', 'changed', 'changing']],
    ['en', ['distribution', 'distributions', 'distributed', 'distribute']],
    ['de', ['Regierung', 'Regierungen']],
    ['de', ['kommerziell', 'kommerzielle', 'kommerziellen']],
    ['fr', ['distribution', 'distribuée', 'distribué', 'distribuer']],
    ['fr', ['commercial', 'commerciale', 'commerciaux']],
    ['es', ['cambio', 'cambios', 'cambiar', 'cambiado']],
    ['es', ['distribuido', 'distribuida']],
    ['ru', ['изменение', 'изменения', 'изменений']],
    ['ru', ['свободный', 'свободного', 'свободное']],
  ]
  for (const [lang, words] of families) {
    it(`${lang}: ${words.join(', ')} share one stem`, () => {
      const stems = new Set(words.map((w) => stemWord(lang, w)))
      expect(stems.size, [...stems].join(',')).toBe(1)
      expect([...stems][0]).not.toBeNull()
    })
  }

  it('keeps apart words the language keeps apart', () => {
    expect(stemWord('en', 'change')).not.toBe(stemWord('en', 'chance'))
    expect(stemWord('de', 'Haus')).not.toBe(stemWord('de', 'Hose'))
  })

  it('folds the stem like the index folds words (case, accents)', () => {
    // French "développée" stems with its accents, then folds: the index holds "developpee".
    expect(stemWord('fr', 'développée')).toBe('developp')
    expect(stemWord('de', 'Häuser')).toBe('haus')
  })

  it('does not stem numbers, short words or scripts without spaces', () => {
    expect(stemWord('en', '2025s')).toBeNull()
    expect(stemWord('en', 'is')).toBeNull()
    expect(stemWord('en', '歴史')).toBeNull()
  })
})

describe('stemLanguage', () => {
  it('maps language tags to the stemmer kept, and languages without one to null', () => {
    expect(stemLanguage('en-GB')).toBe('en')
    expect(stemLanguage('pt_BR')).toBe('pt')
    expect(stemLanguage('nb')).toBe(stemLanguage('no'))
    expect(stemLanguage('ja')).toBeNull()
    expect(stemLanguage('zh-cn')).toBeNull()
    expect(stemLanguage('th')).toBeNull()
    expect(stemLanguage(null)).toBeNull()
    expect(STEM_LANGUAGES).toHaveLength(23)
  })
})

describe('stemPairs', () => {
  it('lists each word whose stem differs, once, with the folded word', () => {
    const pairs = stemPairs('en', [
      'Changes',
      'The climate changed; changes, CHANGES and a change.',
    ])
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['chang', 'changes'],
        ['chang', 'changed'],
        ['chang', 'change'],
        ['climat', 'climate'],
      ]),
    )
    expect(pairs.filter(([, w]) => w === 'changes')).toHaveLength(1)
    // "and" stems to itself: no pair.
    expect(pairs.some(([, w]) => w === 'and')).toBe(false)
  })

  it('uses the document’s own language', () => {
    expect(stemPairs('de', ['Regierungen'])).toEqual([['regier', 'regierungen']])
    expect(stemPairs('en', ['Regierungen'])).toEqual([])
    expect(stemPairs('ja', ['変更された'])).toEqual([])
    expect(stemPairs(null, ['changes'])).toEqual([])
  })
})

describe('queryStems', () => {
  it('stems a query word in every language, as typed and as folded', () => {
    const stems = queryStems('changes', 'changes')
    expect(stems).toContainEqual({ lang: 'en', stem: 'chang' })
    expect(new Set(stems.map((s) => s.lang)).size).toBeGreaterThan(10)
    // "новый" folds to "новыи" in the index: the typed form gives the Russian stem the documents were stemmed to.
    expect(queryStems('новый', 'новыи')).toContainEqual({ lang: 'ru', stem: 'нов' })
  })
})

describe('forEachWord', () => {
  const words = (text: string): string[] => {
    const out: string[] = []
    forEachWord(text, (w) => out.push(w))
    return out
  }
  const FIXTURES = join(__dirname, '../../fixtures/documents')

  it('splits words exactly as /[\\p{L}\\p{M}]{3,}/gu does, in every script of the fixtures', () => {
    const texts = [
      'The President, 2014: "We will win." Re-elected; ab cd efg',
      'Ça déjà vu — naïve façade, e\u0301te\u0301 (combining marks)',
      'Свободное программное обеспечение',
      '自由软件と日本語のテキスト、ｶﾀｶﾅ',
      'ภาษาไทย มีสระ และวรรณยุกต์',
      '𝒜𝓁𝓅𝒽𝒶 𠀀𠀁𠀂 ab𝒜 emoji 😀😀😀 x\u0301\u0301',
      'lone \ud800ab\udc00cd high and low surrogates \ud835',
      'ﬁne ligature, ǅemo titlecase, ªbc ordinal, ŉab',
      'abc',
      'ab',
      '',
    ]
    for (const folder of ['debian', 'whitehouse', 'python']) {
      for (const name of readdirSync(join(FIXTURES, folder)))
        if (/\.(txt|md|html)$/.test(name))
          texts.push(readFileSync(join(FIXTURES, folder, name), 'utf8'))
    }
    let compared = 0
    for (const text of texts) {
      const expected = text.match(/[\p{L}\p{M}]{3,}/gu) ?? []
      expect(words(text), text.slice(0, 40)).toEqual(expected)
      compared += expected.length
    }
    expect(compared).toBeGreaterThan(10_000)
  })
})
