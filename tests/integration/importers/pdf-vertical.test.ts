/**
 * Vertical Japanese (縦書き) and ruby in real PDFs (tests/fixtures/pdf-text: pxrubrica's samples, MIT): columns read
 * right to left with their words whole, the small readings beside words (ruby) left out, so a phrase the page prints
 * is found. Before, columns were read as interleaved characters ("のの杞き杞は後…") and readings were glued into
 * the words they gloss ("君くん子し は"). pdftotext (poppler) is the oracle for the words printed.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { DocumentId } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { horizontalForms } from '../../../src/main/importers/extractors/pdf-vertical'
import { tempBackend } from '../../support/temp-library'
import { documentRow, importViaApi, phraseSearch } from './helpers'

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'pdf-text')
const VERTICAL = join(FIXTURES, 'test-jlreq.pdf')
const HORIZONTAL_RUBY = join(FIXTURES, 'test-toc.pdf')
const LATIN_IN_COLUMNS = join(FIXTURES, 'ptexskip_asciimw.pdf')
let backend: ReturnType<typeof tempBackend>
const ids = new Map<string, DocumentId>()

beforeAll(async () => {
  backend = tempBackend()
  const report = await importViaApi(backend, [VERTICAL, HORIZONTAL_RUBY, LATIN_IN_COLUMNS])
  for (const result of report.results) ids.set(result.path, result.documentId as DocumentId)
}, 120_000)
afterAll(async () => {
  await backend?.dispose()
})

const textOf = (path: string): string =>
  documentRow(backend.context.db, ids.get(path) as DocumentId).text
const pdftotext = (path: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })

describe('vertical writing', () => {
  const columns = ['君子は和して同ぜず。', '人に誨えて倦まず', '鬼門の方角を凝視する。']

  it('reads each column whole, right to left, as the page prints them', () => {
    const text = textOf(VERTICAL)
    // poppler gives the font's vertical forms ("︒"); the page prints a full stop, and the text holds "。".
    const oracle = pdftotext(VERTICAL)
    expect(oracle).toContain('君子は和して同ぜず︒')
    for (const column of columns) {
      expect(horizontalForms(oracle)).toContain(column)
      expect(text).toContain(column)
    }
    expect(text).not.toMatch(/[︐-︙︵-﹈]/u)
    const at = columns.map((column) => text.indexOf(column))
    expect(at).toEqual([...at].sort((a, b) => a - b))
    // The first column is the first paragraph: the vertical block stands above the page's horizontal samples.
    expect(text.split('\n\n')[0]).toBe(columns[0])
    expect(documentRow(backend.context.db, ids.get(VERTICAL) as DocumentId).title).toBe(columns[0])
  })

  it('leaves the readings (ruby) out of the words they gloss, so phrases are found', () => {
    const text = textOf(VERTICAL)
    expect(text).not.toMatch(/君くん|子し|和わ/)
    const id = ids.get(VERTICAL) as DocumentId
    expect(phraseSearch(backend.context.db, '和して同ぜず')).toContain(id)
    expect(phraseSearch(backend.context.db, '誨えて倦まず')).toContain(id)
  })
})

describe('ruby in horizontal text', () => {
  it('keeps the base text of a line whole, without its readings', () => {
    const text = textOf(HORIZONTAL_RUBY)
    expect(text).toContain('日本国民は、正当に選挙された国')
    // Readings printed over 日本国民 and 正当 (in the old kana spelling of 1946): not text of the line.
    expect(pdftotext(HORIZONTAL_RUBY)).toContain('ほんこくみん')
    expect(text).not.toContain('ほんこくみん')
    expect(text).not.toContain('せいたう')
    const id = ids.get(HORIZONTAL_RUBY) as DocumentId
    expect(phraseSearch(backend.context.db, '正当に選挙された')).toContain(id)
  })

  // Before, pdf.js's line breaks beside each reading cut every line into pieces at its glossed words, the page was
  // taken for two columns and half lines came out of order ("…代表者を\n\n民との協和…自\n\n通じて行動し…"); words
  // a long reading spread apart kept a space ("国 会", "厳 粛"); each line was a paragraph of its own.
  it('reads the lines in the order printed, words whole, in the four paragraphs the page sets', () => {
    const paragraphs = textOf(HORIZONTAL_RUBY)
      .split('\n\n')
      .filter((p) => p.startsWith('日本国民は') || p.startsWith('われらは'))
    expect(paragraphs).toHaveLength(4)
    const [first, second, third, fourth] = paragraphs as [string, string, string, string]
    // Across the first three line breaks, and the words set with readings wider than themselves.
    expect(first).toMatch(
      /^日本国民は、正当に選挙された国会における代表者を通じて行動し、われらとわれらの子孫のために、諸国民との協和による成果と、わが国全土にわたって自由のもたらす恵沢を確保し、政府の行為によって再び戦争の惨禍が起る/,
    )
    expect(first).toContain('国民の厳粛な信託によるものであって')
    expect(first).toMatch(/法令及び詔勅を排除する。$/)
    expect(second).toMatch(/^日本国民は、恒久の平和を念願し、人間相互の関係を支配する/)
    expect(second).toContain(
      '専制と隷従、圧迫と偏狭を地上から永遠に除去しようと努めてゐる国際社会において',
    )
    expect(third).toMatch(
      /^われらは、いづれの国家も、.*他国と対等関係に立たうとする各国の責務であると信ずる。$/,
    )
    expect(fourth).toBe(
      '日本国民は、国家の名誉にかけ、全力をあげてこの崇高な理想と目的を達成することを誓ふ。',
    )
    const id = ids.get(HORIZONTAL_RUBY) as DocumentId
    expect(phraseSearch(backend.context.db, '国会における代表者')).toContain(id)
  })
})

describe('Latin and formulas across a column (横組み in 縦組み)', () => {
  // ptexskip_asciimw.pdf, page 4: four columns of "△△表面積 = 4πr² △△ (… 版)", the kanji set vertically, the formula and
  // "(β7" turned a quarter by pTeX. Before, the turned pieces came after the columns, a line each ("表面積", "= 4 πr",
  // "2", ")"), and the columns read "△△ △△ 版".
  it('reads them in the column where they are printed, in order', () => {
    const id = ids.get(LATIN_IN_COLUMNS) as DocumentId
    const row = documentRow(backend.context.db, id)
    const page = row.text.slice(
      row.text.indexOf('縦組にした場合は'),
      row.text.indexOf('の結果を見ると'),
    )
    const columns = page.split('\n\n').slice(1, 5)
    expect(columns).toEqual([
      '△△表面積 = 4πr2 △△ (β7 版)',
      '△△表面積 = 4πr2 △△ (β7 版を修正した場合)',
      '△△ 表面積 = 4πr2 △△ (β8 版)',
      '△△ 表面積 = 4πr2 △△ (この版)',
    ])
    // The horizontal text on either side keeps its place: the sentence before the columns, the one after.
    expect(page.split('\n\n')[0]).toMatch(/縦組にした場合は、つぎのような結果となる。$/)
  })
})
