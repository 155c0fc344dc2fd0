import type { DocumentId } from '@shared/contract'
import { describe, expect, it } from 'vitest'
import {
  type CitableDocument,
  cslDate,
  isOrganisation,
  personName,
  toCslItem,
} from '../../../src/main/citations/csl-item'

const doc = (patch: Partial<CitableDocument>): CitableDocument => ({
  id: 7 as DocumentId,
  title: 'A title',
  authors: [],
  publishedAt: null,
  source: null,
  url: null,
  language: null,
  citationType: 'document',
  containerTitle: null,
  publisher: null,
  doi: null,
  accessedAt: null,
  contentHash: 'h',
  ...patch,
})

describe('document → CSL item', () => {
  it('tells people from organisations', () => {
    for (const org of [
      'Xinhua',
      'BBC',
      'The White House',
      'Office of the Press Secretary',
      'Reuters News Agency',
      'AT&T',
    ])
      expect(isOrganisation(org), org).toBe(true)
    for (const person of [
      'Michelle Obama',
      'Barack Obama',
      'Ludwig van Beethoven',
      'Obama, Barack',
    ])
      expect(isOrganisation(person), person).toBe(false)
  })

  it('parses personal names, with particles and suffixes', () => {
    expect(personName('Barack Obama')).toEqual({ given: 'Barack', family: 'Obama' })
    expect(personName('Obama, Barack')).toEqual({ given: 'Barack', family: 'Obama' })
    expect(personName('Ludwig van Beethoven')).toEqual({
      given: 'Ludwig',
      'non-dropping-particle': 'van',
      family: 'Beethoven',
    })
    expect(personName('Martin Luther King Jr.')).toEqual({
      given: 'Martin Luther',
      family: 'King',
      suffix: 'Jr.',
    })
  })

  it('turns partial dates into date-parts and ignores junk', () => {
    expect(cslDate('2025-04-24')).toEqual({ 'date-parts': [[2025, 4, 24]] })
    expect(cslDate('2025-04')).toEqual({ 'date-parts': [[2025, 4]] })
    expect(cslDate('2025')).toEqual({ 'date-parts': [[2025]] })
    expect(cslDate('April')).toBeUndefined()
    expect(cslDate(null)).toBeUndefined()
  })

  it('maps every field, and lets a lone source stand as organisational author', () => {
    expect(
      toCslItem(
        doc({
          title: 'China, Kenya agree to strengthen ties',
          source: 'Xinhua',
          publishedAt: '2025-04-24',
          citationType: 'article-newspaper',
          url: 'https://example.org/a',
          doi: '10.1000/x',
          language: 'en',
          accessedAt: '2025-05-01',
        }),
      ),
    ).toEqual({
      id: 'doc-7',
      type: 'article-newspaper',
      title: 'China, Kenya agree to strengthen ties',
      author: [{ literal: 'Xinhua' }],
      issued: { 'date-parts': [[2025, 4, 24]] },
      URL: 'https://example.org/a',
      DOI: '10.1000/x',
      language: 'en',
      accessed: { 'date-parts': [[2025, 5, 1]] },
    })
    expect(
      toCslItem(
        doc({ authors: ['Jane Doe'], source: 'The Times', citationType: 'article-newspaper' }),
      ),
    ).toMatchObject({ author: [{ family: 'Doe', given: 'Jane' }], 'container-title': 'The Times' })
    expect(
      toCslItem(doc({ authors: ['Jane Doe'], source: 'Penguin', citationType: 'book' })),
    ).toMatchObject({
      publisher: 'Penguin',
    })
    expect(toCslItem(doc({ title: '   ' })).title).toBe('Untitled')
    expect(toCslItem(doc({}))).toEqual({ id: 'doc-7', type: 'document', title: 'A title' })
  })
})
