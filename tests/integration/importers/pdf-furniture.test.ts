/**
 * Page furniture on real PDFs: running heads and page numbers leave the text flow (kept per page), roman-numbered
 * front matter included, while a line that merely repeats at a page edge (a table header continued on the next
 * page, a sentence's last characters, a section heading) stays in the text. Found by a new-user trial on
 * debian-reference.ja.pdf: "Debian リファレンス iv" sat in the stored text, and "す。" at the top of a page was cut
 * from its sentence because it also opened another page.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractPdf } from '../../../src/main/importers/extractors/pdf'

const FIXTURES = join(__dirname, '..', '..', 'fixtures')
const DEBIAN = join(FIXTURES, 'documents', 'debian')
const LIMITS = { maxFileBytes: 50_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }
const extract = (file: string) =>
  extractPdf({ bytes: readFileSync(file), path: file, limits: LIMITS })
const pageText = (doc: { text: string; pageStarts: number[] | null }, page: number): string => {
  const starts = doc.pageStarts ?? [0]
  return doc.text.slice(starts[page - 1], starts[page] ?? doc.text.length)
}

describe('PDF page furniture', () => {
  it('takes running heads numbered i, ii, iii out of the flow (debian-reference.ja, maint-guide, Debian 小史)', async () => {
    const ja = await extract(join(DEBIAN, 'debian-reference.ja-excerpt.pdf'))
    expect(ja.pageMeta?.slice(0, 4).map((m) => m.removed)).toEqual([
      ['Debian リファレンス i'],
      ['Debian リファレンス ii'],
      ['Debian リファレンス iii'],
      ['Debian リファレンス iv'],
    ])
    expect(ja.text).not.toMatch(/Debian リファレンス [ivx]+\b/)
    expect(ja.pageMeta?.[5]?.removed).toEqual(['Debian リファレンス 61 / 244'])
    // The title page's own title (same words, larger type) stays.
    expect(pageText(ja, 1)).toMatch(/^Debian リファレンス\n/)

    const guide = await extract(join(DEBIAN, 'maint-guide.en.pdf'))
    expect(guide.pageMeta?.[1]?.removed).toEqual(['Debian New Maintainers’ Guide ii'])
    expect(guide.text).not.toMatch(/Debian New Maintainers’ Guide [ivx]+\b/)

    const history = await extract(join(DEBIAN, 'project-history.ja.pdf'))
    expect(history.pageMeta?.[1]?.removed).toEqual(['Debian 小史 ii'])
    expect(history.text).not.toMatch(/Debian 小史 [ivx]+\b/)
  })

  it('keeps a line that merely repeats at a page edge: a table header, the end of a sentence, a heading', async () => {
    const ja = await extract(join(DEBIAN, 'debian-reference.ja-excerpt.pdf'))
    // Table 1.2's header "サイズ" wraps to "サイ" / "ズ"; Table 2.x repeats it at the top of page 77.
    expect(ja.pageMeta?.[4]?.removed).toEqual(['Debian リファレンス 5 / 244'])
    // (Its cells stay apart, "サイ" / "ズ" wrapped in its cell: not one made-up word.)
    expect(pageText(ja, 5)).toMatch(/^パッケージ ポプコン サイズ 説明\n\n/)
    // A note's last line "す。" opens page 62 (and page 77): it is the end of the note's sentence.
    expect(pageText(ja, 7)).toContain('との両方を指したい際に用いられます。')
    expect(ja.pageMeta?.every((m) => !m.removed.includes('す。'))).toBe(true)

    const fhs = await extract(join(DEBIAN, 'fhs-3.0.pdf'))
    // Its command tables' header ("Command  Description") opens the page; the table is read column by column.
    expect(pageText(fhs, 13).match(/^(?:Command|Description)$/gm)).toHaveLength(4)
    expect(pageText(fhs, 16)).toMatch(/^Description$/m)
    // The chapter's running head is still taken out.
    expect(fhs.pageMeta?.[10]?.removed).toContain('The Root Filesystem')

    const history = await extract(join(FIXTURES, 'metadata-set', 'project-history.en.pdf'))
    expect(pageText(history, 14)).toContain('4.3 The 2.x Releases')
    expect(pageText(history, 17)).toContain('KDE Plasma Workspaces and KDE Applications 4.8.4')
  })
})
