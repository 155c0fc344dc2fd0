/**
 * A translation's title page dates its own edition in Chinese numerals under the original's date
 * (lshort-zh-cn.pdf: "英文版本： Version 6.4, March 9, 2021" then "中文版本：版本 6.03，二零二一年十一月"): the
 * edition a reader holds and cites is the translation's, so its date is the one kept.
 */
import { describe, expect, it } from 'vitest'
import { parseDate } from '../../../src/main/importers/dates'
import {
  firstPageLayout,
  type PageFragment,
} from '../../../src/main/importers/metadata/pdf-first-page'
import { dateInLine } from '../../../src/main/importers/metadata/text-head'

describe('dates in Chinese numerals', () => {
  it('reads the year digit by digit and the month and day as numbers', () => {
    expect(parseDate('二零二一年十一月')).toBe('2021-11')
    expect(parseDate('二〇二三年一月二日')).toBe('2023-01-02')
    expect(parseDate('二〇二三年十二月三十一日')).toBe('2023-12-31')
    expect(parseDate('一九九七年七月一日')).toBe('1997-07-01')
  })

  it('gives no date for an impossible month or day', () => {
    expect(parseDate('二〇二三年十三月')).toBeNull()
    expect(parseDate('二〇二三年二月三十日')).toBeNull()
    expect(parseDate('二零二一年三十月')).toBeNull()
  })

  it('finds such a date after a version label, which dates the document', () => {
    expect(dateInLine('中文版本：版本 6.03，二零二一年十一月')).toMatchObject({
      date: '2021-11',
      keyword: true,
    })
  })
})

describe("a translation's title page", () => {
  // lshort-zh-cn.pdf's page 1 as pdf.ts reads it.
  const page = (lines: string[]): PageFragment[] => [
    { text: '一份（不太）简短的 LATEX 2ε 介绍', x: 150, right: 460, y: 700, size: 20 },
    ...lines.map((text, i) => ({ text, x: 200, right: 420, y: 640 - 22 * i, size: 12 })),
  ]

  it("keeps the translation's own date, not the original's printed above it", () => {
    const layout = firstPageLayout(
      page([
        '英文作者： Tobias Oetiker',
        'Hubert Partl, Irene Hyna and Elisabeth Schlegl',
        '英文版本： Version 6.4, March 9, 2021',
        '中文翻译： CTEX 开发小组',
        '中文版本：版本 6.03，二零二一年十一月',
      ]),
    )
    expect(layout.date).toBe('2021-11')
    expect(layout.authors).toEqual([
      'Tobias Oetiker',
      'Hubert Partl',
      'Irene Hyna',
      'Elisabeth Schlegl',
    ])
  })

  it("falls back on the original's date when the translation prints none", () => {
    const layout = firstPageLayout(
      page([
        '英文作者： Tobias Oetiker',
        '英文版本： Version 6.4, March 9, 2021',
        '中文翻译： CTEX 开发小组',
      ]),
    )
    expect(layout.date).toBe('2021-03-09')
  })
})

describe('dates in a Japanese era', () => {
  it('reads the era year as the Gregorian year (jtex_asciimw.pdf: "昭和 62 年 3 月")', () => {
    expect(parseDate('昭和 62 年 3 月')).toBe('1987-03')
    expect(parseDate('平成元年4月1日')).toBe('1989-04-01')
    expect(parseDate('令和5年')).toBe('2023')
    expect(parseDate('平成 31 年 13 月')).toBeNull()
    expect(dateInLine('作成日：昭和 62 年 3 月')).toMatchObject({ date: '1987-03' })
  })
})
