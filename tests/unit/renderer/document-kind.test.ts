import { describe, expect, it } from 'vitest'
import { documentKind } from '../../../src/renderer/src/components/format'

describe('documentKind', () => {
  it('names format and language, the same on a second look-up, and keeps a tag Intl refuses', () => {
    expect(documentKind('pdf', 'ja')).toEqual({ short: 'PDF · ja', long: 'PDF, Japanese' })
    expect(documentKind('txt', 'ja')).toEqual({ short: 'TXT · ja', long: 'TXT, Japanese' })
    expect(documentKind('html', 'not a tag!')).toEqual({
      short: 'HTML · not a tag!',
      long: 'HTML, not a tag!',
    })
    expect(documentKind('html', 'not a tag!').long).toBe('HTML, not a tag!')
    expect(documentKind('md', null)).toEqual({ short: 'MD', long: 'MD' })
  })
})
