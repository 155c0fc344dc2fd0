/**
 * Footnote marks on a PDF's first page (a title's \thanks "1", an author's "²" pointing to an e-mail) are no part of
 * the title or the name a citation prints, and a name set in Chinese characters under the title is its author:
 * install-latex-guide-zh-cn.pdf (TeX Live) was cited as "一份简短的关于 LATeX 安装的介绍1" with no author.
 */
import { describe, expect, it } from 'vitest'
import { helveticaPagePdf } from '../../../scripts/gen-hostile-fixtures'
import { extractPdf } from '../../../src/main/importers/extractors/pdf'
import {
  chineseNames,
  firstPageLayout,
  type PageFragment,
} from '../../../src/main/importers/metadata/pdf-first-page'

const limits = { maxFileBytes: 1e8, maxZipBytes: 1e8, maxZipEntries: 1000 }

describe('footnote marks on the first page', () => {
  it('a raised mark set apart from the title and from a Chinese name is dropped; the name is the author', () => {
    // The fragments of install-latex-guide-zh-cn.pdf's page 1 as pdf.ts reads them (each mark its own piece).
    const fragments: PageFragment[] = [
      { text: '一份简短的关于 LATeX 安装的介绍', x: 161, right: 443, y: 487, size: 18 },
      { text: '1', x: 443.6, right: 450, y: 493.5, size: 15 },
      { text: '王然', x: 291.6, right: 315.5, y: 436.8, size: 12 },
      { text: '2', x: 315.6, right: 320, y: 441.1, size: 7.97 },
      { text: '2023 年 1 月 2 日', x: 260.6, right: 350, y: 402.3, size: 12 },
      { text: '1', x: 80.1, right: 84, y: 84.3, size: 5.98 },
      {
        text: 'https://github.com/OsbertWang/install-latex-guide-zh-cn',
        x: 84.2,
        right: 380,
        y: 80.4,
        size: 9,
      },
    ]
    const layout = firstPageLayout(fragments)
    expect(layout.title).toBe('一份简短的关于 LaTeX 安装的介绍')
    expect(layout.authors).toEqual(['王然'])
    expect(layout.date).toBe('2023-01-02')
  })

  it('a number on the baseline and a raised letter stay: "Chapter 2", the LaTeX logo', () => {
    const layout = firstPageLayout([
      { text: 'Summit Notes, Part', x: 72, right: 300, y: 700, size: 24 },
      { text: '2', x: 306, right: 318, y: 700, size: 24 },
      { text: 'Jane Smith', x: 72, right: 150, y: 660, size: 12 },
      { text: 'March 2024', x: 72, right: 150, y: 640, size: 12 },
    ])
    expect(layout.title).toBe('Summit Notes, Part 2')
    expect(layout.authors).toEqual(['Jane Smith'])
  })

  it('a short heading in characters under the title is no author unless a date or an address follows it', () => {
    const heading = firstPageLayout([
      { text: '线性代数讲义', x: 200, right: 400, y: 700, size: 20 },
      { text: '高等数学', x: 250, right: 330, y: 660, size: 12 },
      {
        text: '本讲义介绍矩阵、行列式与线性方程组的基本概念和方法，供一年级学生使用。',
        x: 72,
        right: 540,
        y: 620,
        size: 10,
      },
    ])
    expect(heading.authors).toEqual([])
    const byline = firstPageLayout([
      { text: '线性代数讲义', x: 200, right: 400, y: 700, size: 20 },
      { text: '张三、欧阳明', x: 250, right: 330, y: 660, size: 12 },
      { text: '2022 年 9 月', x: 250, right: 330, y: 640, size: 12 },
    ])
    expect(byline.authors).toEqual(['张三', '欧阳明'])
  })

  it('names in Chinese characters start with a surname and are two to four characters long', () => {
    expect(chineseNames('王然')).toEqual(['王然'])
    expect(chineseNames('陳大文，司馬光')).toEqual(['陳大文', '司馬光'])
    expect(chineseNames('介绍')).toEqual([])
    expect(chineseNames('王然、数学系')).toEqual([])
    expect(chineseNames('王然然然然')).toEqual([])
  })

  it('a mark raised in the same text run as the title is dropped from the title and the byline, kept in the text', async () => {
    const content = [
      'BT /F1 24 Tf 72 700 Td (Railways of the Summit) Tj /F1 14 Tf 8 Ts (1) Tj 0 Ts ET',
      'BT /F1 12 Tf 250 660 Td (Jane Smith) Tj /F1 8 Tf 4 Ts (2) Tj 0 Ts ET',
      'BT /F1 12 Tf 250 640 Td (March 2024) Tj ET',
      'BT /F1 10 Tf 72 600 Td (The delegations met to discuss the new railway line across the border.) Tj ET',
    ].join('\n')
    const pdf = helveticaPagePdf(content)
    const doc = await extractPdf({ bytes: pdf, path: 'summit.pdf', limits })
    expect(doc.title).toBe('Railways of the Summit')
    expect(doc.authors).toEqual(['Jane Smith'])
    // The page's text is left as printed.
    expect(doc.text).toContain('Railways of the Summit1')
  })
})

describe('bylines in Chinese and Japanese', () => {
  const titlePage = (byline: string, below = '2022 年 4 月 5 日'): PageFragment[] => [
    { text: 'pTeX マニュアル', x: 200, right: 400, y: 700, size: 20 },
    { text: byline, x: 180, right: 420, y: 660, size: 12 },
    { text: below, x: 220, right: 380, y: 640, size: 12 },
  ]
  it.each([
    // texlive-lang-japanese / -chinese title pages, as printed
    ['八登崇之（Takayuki YATO; aka. “ZR”）', ['八登崇之']], // bxjscls-manual.pdf: a name and its romanisation
    ['吴凌云 (aloft@ctex.org)', ['吴凌云']], // ctex-faq.pdf: a name and its address
    ['北川 弘典∗', ['北川 弘典']], // eptexdoc.pdf: family and given name apart, a footnote mark
    ['日本語 TeX 開発コミュニティ*', ['日本語TeX開発コミュニティ']], // ptex-manual.pdf: an organisation
    ['奥村晴彦，日本語 TeX 開発コミュニティ', ['奥村晴彦', '日本語TeX開発コミュニティ']], // jsclasses.pdf
    ['中野 賢 & 日本語 TeX 開発コミュニティ', ['中野 賢', '日本語TeX開発コミュニティ']], // platex.pdf
    ['张三 李四', ['张三', '李四']],
  ])('%s under the title, above its date: %j', (byline, authors) => {
    expect(firstPageLayout(titlePage(byline)).authors).toEqual(authors)
  })

  it('a translator is no author, and a subtitle counting minutes is no section heading (jlshort.pdf)', () => {
    const layout = firstPageLayout([
      { text: 'LATEX 2ε への道', x: 200, right: 400, y: 700, size: 20 },
      { text: '94 分 LATEX 2ε 入門', x: 210, right: 390, y: 670, size: 14 },
      { text: 'by Tobias Oetiker', x: 220, right: 380, y: 640, size: 12 },
      {
        text: 'Hubert Partl, Irene Hyna and Elisabeth Schlegl',
        x: 150,
        right: 450,
        y: 620,
        size: 12,
      },
      { text: 'NOMURA Masataka 訳', x: 220, right: 380, y: 600, size: 12 },
      { text: 'Version 1.00, 28 June, 2000', x: 200, right: 400, y: 580, size: 12 },
    ])
    expect(layout.authors).toEqual([
      'Tobias Oetiker',
      'Hubert Partl',
      'Irene Hyna',
      'Elisabeth Schlegl',
    ])
    expect(layout.date).toBe('2000-06-28')
  })

  it('a CJK date with words after it is still the date line (ctex-faq.pdf: "2007 年 1 月 30 日 Rev. 82")', () => {
    expect(
      firstPageLayout(titlePage('吴凌云 (aloft@ctex.org)', '2007 年 1 月 30 日 Rev. 82')).date,
    ).toBe('2007-01-30')
  })
})

describe('bylines set a wide gap from their brackets, and labelled in Persian', () => {
  it('a name with family and given name apart, then its romanisation in brackets, is the name (pxrubrica.pdf)', () => {
    // Page 1 of pxrubrica.pdf as pdf.ts reads it.
    const layout = firstPageLayout([
      { text: 'pxrubrica パッケージ', x: 261, right: 407, y: 672, size: 17.2 },
      { text: '八登 崇之 (Takayuki YATO; aka “ZR”)', x: 230, right: 438, y: 640, size: 11.96 },
      { text: 'v1.3d [2021/03/06]', x: 281, right: 386, y: 614, size: 11.96 },
    ])
    expect(layout.authors).toEqual(['八登 崇之'])
  })

  it('a Persian byline label names the person after it, and ends a title set in the same size', () => {
    // alpha-persian's title page, with its title in larger type than its body.
    const layout = firstPageLayout([
      {
        text: 'سبک آلفاپرشین؛ سبکی برای ایجاد مراجع فارسی و انگلیسی',
        x: 100,
        right: 500,
        y: 700,
        size: 20,
      },
      { text: 'نویسنده و نگه‌دارنده‌ی بسته: شاپور مددپور', x: 150, right: 450, y: 670, size: 20 },
      { text: 'کارشناس ارشد توپولوژی', x: 200, right: 400, y: 640, size: 12 },
      ...Array.from({ length: 6 }, (_, i) => ({
        text: 'این سبک برای ایجاد مراجع فارسی و انگلیسی در لاتک به کار می‌رود و با بسته‌ی زی‌پرشین کار می‌کند',
        x: 72,
        right: 540,
        y: 580 - 14 * i,
        size: 10,
      })),
    ])
    expect(layout.title).toBe('سبک آلفاپرشین؛ سبکی برای ایجاد مراجع فارسی و انگلیسی')
    expect(layout.authors).toEqual(['شاپور مددپور'])
  })
})
