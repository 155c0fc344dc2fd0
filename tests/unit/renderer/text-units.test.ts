import { describe, expect, it } from 'vitest'
import {
  charStep,
  nextSentenceStart,
  paragraphAt,
  previousSentenceStart,
  sentenceAt,
  wordBoundary,
} from '../../../src/renderer/src/features/reader/caret/text-units'

const TEXT =
  'China and Kenya agreed on Thursday to strengthen their ties. Mr. Ruto said so in Beijing.\n\n' +
  'The railway opened in 2017. It runs from Mombasa to Nairobi.'

const at = (span: { start: number; end: number }) => TEXT.slice(span.start, span.end)

describe('caret text units', () => {
  it('finds the sentence around an offset, keeping abbreviations inside', () => {
    expect(at(sentenceAt(TEXT, 5, 'en'))).toBe(
      'China and Kenya agreed on Thursday to strengthen their ties.',
    )
    expect(at(sentenceAt(TEXT, TEXT.indexOf('Ruto'), 'en'))).toBe('Mr. Ruto said so in Beijing.')
    expect(at(sentenceAt(TEXT, TEXT.indexOf('Mombasa'), 'en'))).toBe(
      'It runs from Mombasa to Nairobi.',
    )
  })

  it('finds paragraphs and steps between sentences across them', () => {
    expect(at(paragraphAt(TEXT, TEXT.indexOf('railway')))).toBe(
      'The railway opened in 2017. It runs from Mombasa to Nairobi.',
    )
    const second = nextSentenceStart(TEXT, 0, 'en')
    expect(TEXT.slice(second).startsWith('Mr. Ruto')).toBe(true)
    const third = nextSentenceStart(TEXT, second, 'en')
    expect(TEXT.slice(third).startsWith('The railway')).toBe(true)
    expect(previousSentenceStart(TEXT, third, 'en')).toBe(second)
    expect(previousSentenceStart(TEXT, 0, 'en')).toBe(0)
  })

  it('moves by words and characters without splitting surrogate pairs', () => {
    expect(wordBoundary(TEXT, 0, 1)).toBe(5)
    expect(wordBoundary(TEXT, 5, 1)).toBe(9)
    expect(wordBoundary(TEXT, 9, -1)).toBe(6)
    const emoji = 'a😀b'
    expect(charStep(emoji, 1, 1)).toBe(3)
    expect(charStep(emoji, 3, -1)).toBe(1)
  })
})

describe('sentence abbreviations', () => {
  it('keeps capitalised titles inside the sentence, but "no." still ends one', () => {
    const text = 'MRS. OBAMA: Well, thank you, everyone. I said no. Then J. Smith left.'
    expect(text.slice(sentenceAt(text, 2, 'en').start, sentenceAt(text, 2, 'en').end)).toBe(
      'MRS. OBAMA: Well, thank you, everyone.',
    )
    const no = sentenceAt(text, text.indexOf('said'), 'en')
    expect(text.slice(no.start, no.end)).toBe('I said no.')
    const smith = sentenceAt(text, text.indexOf('Smith'), 'en')
    expect(text.slice(smith.start, smith.end)).toBe('Then J. Smith left.')
  })
})
