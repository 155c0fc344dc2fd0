/**
 * Stemming per language (src/main/text/stemming.ts): the Snowball stemmer a document's language picks, the (stem,
 * word) pairs kept for it, and the stems a query word is looked up by.
 */
import { describe, expect, it } from 'vitest'
import {
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
