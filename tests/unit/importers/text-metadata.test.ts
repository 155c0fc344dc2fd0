import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dateAtStart, leadingDateLine, parseDate } from '../../../src/main/importers/dates'
import {
  readsAsTitle,
  textMetadata,
  titleFromFirstSentence,
} from '../../../src/main/importers/text-metadata'

describe('dates', () => {
  it.each([
    ['2025-04-24', '2025-04-24'],
    ['2025-04-24T23:30:00-07:00', '2025-04-24'],
    ['2025/4/3', '2025-04-03'],
    ["D:20150518143719-06'00'", '2015-05-18'],
    ['20150518', '2015-05-18'],
    ['April 24, 2025', '2025-04-24'],
    ['Thursday, April 24th, 2025', '2025-04-24'],
    ['Apr. 24 2025', '2025-04-24'],
    ['24 April 2025', '2025-04-24'],
    ['Thu, 24 Apr 2025 10:00:00 GMT', '2025-04-24'],
    ['April 2025', '2025-04'],
    ['2025-04', '2025-04'],
    ['2025', '2025'],
  ])('parses %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected)
  })

  it.each(['2025-02-30', '2025-13-01', 'Smarch 3, 2025', '', 'not a date'])(
    'rejects %s',
    (input) => {
      expect(parseDate(input)).toBeNull()
    },
  )

  it('reports how much of the text the date took', () => {
    expect(dateAtStart('April 24, 2025 and more')).toEqual({
      date: '2025-04-24',
      length: 14,
      precision: 'day',
    })
  })

  it('finds a leading date line with or without a keyword, and the body text after it', () => {
    expect(leadingDateLine('date 2025-04-24 China and Kenya agreed')).toEqual({
      date: '2025-04-24',
      rest: 'China and Kenya agreed',
    })
    expect(leadingDateLine('Published: April 24, 2025')).toEqual({ date: '2025-04-24', rest: '' })
    expect(leadingDateLine('2025-04-24')).toEqual({ date: '2025-04-24', rest: '' })
    expect(leadingDateLine('2025 was a difficult year for everyone')).toBeNull()
    expect(leadingDateLine('April 2025 brought rain')).toBeNull()
    expect(leadingDateLine('Updated guidance on vaccines')).toBeNull()
  })
})

describe('textMetadata', () => {
  it('the issue 2 article: date line becomes the date, the title comes from the first sentence, never "date"', () => {
    const text = readFileSync(join(__dirname, '../../fixtures/cli/china-kenya-ties.txt'), 'utf8')
    const meta = textMetadata(text)
    expect(meta.publishedAt).toBe('2025-04-24')
    expect(meta.title).toMatch(/^China and Kenya agreed on Thursday to strengthen their ties/)
    expect(meta.title?.toLowerCase().startsWith('date')).toBe(false)
    // Issue 13: a guessed title keeps the first sentence whole (a cut sentence misquotes the source).
    expect(meta.title?.endsWith('…')).toBe(false)
    expect(meta.titleGuessed).toBe(true)
  })

  it('a date on its own line, then a title line', () => {
    expect(
      textMetadata('2025-04-24\n\nKenya and China Sign Rail Deal\n\nThe two countries agreed…'),
    ).toEqual({
      title: 'Kenya and China Sign Rail Deal',
      publishedAt: '2025-04-24',
    })
  })

  it('a title line with a date line under it (speech transcripts)', () => {
    expect(
      textMetadata(
        'Remarks by the President on Ebola\n\nOctober 28, 2014\n\nTHE PRESIDENT: Good afternoon.',
      ),
    ).toEqual({
      title: 'Remarks by the President on Ebola',
      publishedAt: '2014-10-28',
    })
  })

  it('no title line: the first sentence, whole; only a run-on without any sentence end is cut', () => {
    const sentence =
      'The committee met again on Tuesday to discuss the long list of amendments that had been proposed by the members of the opposition, who had asked for more time.'
    const meta = textMetadata(`${sentence} Then it adjourned.`)
    expect(meta.title).toBe(sentence.slice(0, -1))
    expect(meta.titleGuessed).toBe(true)
    const runOn = 'word '.repeat(200)
    expect(textMetadata(runOn).title?.endsWith('…')).toBe(true)
    expect(titleFromFirstSentence('Mr. Smith went to Washington. He stayed a week.')).toBe(
      'Mr. Smith went to Washington',
    )
  })

  it('decides what reads as a title', () => {
    expect(readsAsTitle('Remarks by the President at a DNC Event')).toBe(true)
    expect(readsAsTitle('This is a sentence that ends with a full stop.')).toBe(false)
    expect(readsAsTitle('https://example.org/page')).toBe(false)
    expect(readsAsTitle('- a list item')).toBe(false)
    expect(readsAsTitle('12345')).toBe(false)
  })

  it('empty text has no metadata', () => {
    expect(textMetadata('\n\n  \n')).toEqual({ title: null, publishedAt: null })
  })
})
