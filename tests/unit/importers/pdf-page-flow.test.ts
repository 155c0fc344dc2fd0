/**
 * The page-break join's rule on its own (pdf-page-flow.ts), for the cases the 76 swept PDFs do not hold: a hyphenated
 * word split by a page break (TeX's \brokenpenalty makes it rare) and ragged-right text. The real-document cases are
 * in tests/integration/importers/pdf-page-flow.test.ts.
 */
import { describe, expect, it } from 'vitest'
import {
  type EdgeLine,
  type PageFlow,
  pageJoin,
} from '../../../src/main/importers/extractors/pdf-page-flow'

/** A line of 10-pt body text in a justified column from x = 72 to 540. */
const line = (text: string, over: Partial<EdgeLine> = {}): EdgeLine => ({
  text,
  x: 72,
  right: 540,
  size: 10,
  font: 'body',
  fonts: ['body'],
  inRow: false,
  margin: 72,
  columnRight: 540,
  justified: true,
  bodySize: 10,
  nextX: 72,
  ...over,
})
const page = (text: string, edge: EdgeLine): PageFlow => ({ text, first: edge, last: edge })

describe('pageJoin', () => {
  it('drops a line-end hyphen before a lower-case letter, as the in-page rule does', () => {
    const before = page('the extractor is care-', line('the extractor is care-'))
    const after = page('fully tested', line('fully tested'))
    expect(pageJoin(before, after, [])).toEqual({ separator: '', dropHyphen: true })
  })

  it('joins a full justified line with a space, and refuses a short one or final punctuation', () => {
    const after = page('Debian grew', line('Debian grew'))
    expect(pageJoin(page('as maintained by', line('as maintained by')), after, [])).toEqual({
      separator: ' ',
      dropHyphen: false,
    })
    const short = line('as maintained by', { right: 300 })
    expect(pageJoin(page('as maintained by', short), after, [])).toBeNull()
    expect(pageJoin(page('was released.', line('was released.')), after, [])).toBeNull()
  })

  it('in ragged text wants a long last line and a lower-case start', () => {
    const ragged = (right: number) => line('the package', { right, justified: false })
    const lower = page('maintained by', line('maintained by'))
    const upper = page('Maintained by', line('Maintained by'))
    expect(pageJoin(page('the package', ragged(500)), lower, [])?.separator).toBe(' ')
    expect(pageJoin(page('the package', ragged(500)), upper, [])).toBeNull()
    expect(pageJoin(page('the package', ragged(200)), lower, [])).toBeNull()
  })

  it('keeps headings, indented first lines and another font apart', () => {
    const before = page('the package', line('the package'))
    const next = (over: Partial<EdgeLine>) => page('maintained by', line('maintained by', over))
    expect(
      pageJoin(before, page('maintained by', line('maintained by')), ['Maintained by']),
    ).toBeNull()
    expect(pageJoin(before, next({ x: 87, nextX: 72 }), [])).toBeNull()
    expect(pageJoin(before, next({ font: 'bold', fonts: ['bold'] }), [])).toBeNull()
    expect(pageJoin(before, next({ size: 12, bodySize: 12 }), [])).toBeNull()
  })

  it('keeps a caption ending the page and index lines apart (debian-reference.ja p. 263, mdwtab p. 81)', () => {
    const caption = 'Table 12.13: デバッグパッケージのリスト'
    const japanese = page('次は gdb(1) を', line('次は gdb(1) を'))
    expect(pageJoin(page(`gdb-doc\n\n${caption}`, line(caption)), japanese, [])).toBeNull()
    const index = '\\coldef@i . . . . . . . . 240, 241'
    const nextIndex = page('\\coldef@ii . . . . . 241, 242', line('\\coldef@ii . . . . . 241, 242'))
    expect(pageJoin(page(index, line(index)), nextIndex, [])).toBeNull()
  })
})
