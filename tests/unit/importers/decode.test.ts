import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, looksBinary, utf16WithoutBom } from '../../../src/main/importers/decode'
import { ImportError } from '../../../src/main/importers/errors'
import { cleanText, contentHash, wordCount } from '../../../src/main/importers/normalise'

const SAMPLE = 'Café déjà vu — “quotes” and naïve résumé.\nSecond line: Grüße aus Köln.\n'

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, encoding: 'utf-8' })
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')])
    expect(decodeText(bom).text).toBe(SAMPLE)
  })

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, 'utf16le')])).text,
    ).toBe(SAMPLE)
    expect(
      decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf16be')])).text,
    ).toBe(SAMPLE)
  })

  it('reads UTF-16 without a BOM by the NUL-byte heuristic (chardet alone calls it ISO-8859-1)', () => {
    const le = iconv.encode(SAMPLE.repeat(5), 'utf16le')
    const be = iconv.encode(SAMPLE.repeat(5), 'utf16be')
    expect(utf16WithoutBom(le)).toBe('le')
    expect(utf16WithoutBom(be)).toBe('be')
    expect(decodeText(le)).toEqual({ text: SAMPLE.repeat(5), encoding: 'utf-16le' })
    expect(decodeText(be)).toEqual({ text: SAMPLE.repeat(5), encoding: 'utf-16be' })
  })

  it('reads Windows-1252 (invalid UTF-8 with no UTF-8 sequences at all)', () => {
    const text =
      'The caf\u00e9 \u201cLe D\u00f4me\u201d charged \u20ac5 \u2014 a bargain.\n'.repeat(10)
    const decoded = decodeText(iconv.encode(text, 'windows-1252'))
    expect(decoded.text).toBe(text)
    expect(decoded.encoding).toBe('windows-1252')
  })

  it('reads other legacy encodings through chardet (Shift_JIS, KOI8-R)', () => {
    const japanese = '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。'.repeat(8)
    expect(decodeText(iconv.encode(japanese, 'Shift_JIS')).text).toBe(japanese)
    const russian =
      'Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива по-своему. '.repeat(
        8,
      )
    expect(decodeText(iconv.encode(russian, 'koi8-r')).text).toBe(russian)
  })

  it('turns stray invalid bytes in UTF-8 text into U+FFFD instead of failing', () => {
    const bytes = Buffer.concat([
      Buffer.from('Grüße ', 'utf8'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' Köln und München', 'utf8'),
    ])
    const { text, encoding } = decodeText(bytes)
    expect(encoding).toBe('utf-8')
    expect(text).toContain('\uFFFD')
    expect(text).toContain('Grüße')
    expect(text).toContain('München')
  })

  it('honours a declared charset when there is no BOM', () => {
    const bytes = iconv.encode('Ça coûte 5 €.', 'iso-8859-15')
    expect(decodeText(bytes, 'ISO-8859-15').text).toBe('Ça coûte 5 €.')
  })

  it('refuses binary content with a clear error, but tolerates a few NULs in text', () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 7919) % 256))
    expect(looksBinary(random)).toBe(true)
    expect(() => decodeText(random)).toThrow(ImportError)
    expect(() => decodeText(random)).toThrow('binary content, not text')
    const withNuls = Buffer.from(`${'A normal line of text. '.repeat(40)}\u0000\u0000 tail`, 'utf8')
    expect(looksBinary(withNuls)).toBe(false)
  })
})

describe('cleanText / contentHash / wordCount', () => {
  it('normalises CRLF and CR, strips NULs and control characters, keeps tabs and newlines', () => {
    expect(cleanText('\uFEFFa\r\nb\rc\u0000d\u0007e\tf\fg  \n\n')).toBe('a\nb\ncde\tf\ng')
  })

  it('hashes normalised text: spacing and line endings do not matter, words do', () => {
    const bytes = new Uint8Array()
    expect(contentHash('one  two\nthree', bytes)).toBe(contentHash('one two three\r\n', bytes))
    expect(contentHash('one two three', bytes)).not.toBe(contentHash('one two four', bytes))
    // No text: the bytes decide, so two different scans are not duplicates.
    expect(contentHash('', new Uint8Array([1]))).not.toBe(contentHash('', new Uint8Array([2])))
  })

  it('counts words with letters or digits', () => {
    expect(wordCount('Hello, world — it is 2025 … !')).toBe(5)
    expect(wordCount('')).toBe(0)
  })

  it('counts the words of Chinese, Japanese and Thai, not their whitespace chunks', () => {
    // One whitespace chunk each; ICU's dictionary finds the words.
    expect(wordCount('ニューヨークの歴史')).toBe(4) // ICU: ニュー | ヨーク | の | 歴史
    expect(wordCount('自由软件')).toBe(2) // 自由 | 软件
    expect(wordCount('ภาษาไทย')).toBe(2) // ภาษา | ไทย
    expect(wordCount('Debian は 1993 年に 始まった。')).toBe(8) // … 年 | に | 始 | まっ | た (was 5 chunks)
    // The real Japanese history: far more words than its 1,000-odd lines.
    const ja = readFileSync(
      join(__dirname, '../../fixtures/documents/debian/project-history.ja.txt'),
      'utf8',
    )
    const chunks = ja.split(/\s+/).filter(Boolean).length
    expect(wordCount(ja)).toBeGreaterThan(chunks * 2)
  })
})
