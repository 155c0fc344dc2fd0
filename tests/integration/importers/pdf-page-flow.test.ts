/**
 * PDF text as printed across page breaks and inside tables, on real documents (tests/fixtures SOURCES.md):
 *  - a paragraph that runs over a page break is one paragraph (English with a space, Japanese without one), while
 *    the page boundaries stay where the pages start (page view, labels and quote highlights map through them);
 *  - what only looks like a continuation stays apart: a float's caption at the top of the next page, a new list item
 *    outdented against its text, index lines with dot leaders, a table row;
 *  - a table's rows are blocks of their own, their cells apart (debian-reference.ja: "パッケージ ポプコン", not one word);
 *  - a short line followed by an indented one ends its paragraph (amsfndoc's "January 2002¡", which the page prints).
 * Before pdf-page-flow.ts every page break was a paragraph break, and the table rows ran together.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentId } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { extractPdf } from '../../../src/main/importers/extractors/pdf'
import { tempBackend } from '../../support/temp-library'
import { importViaApi } from './helpers'

const FIXTURES = join(__dirname, '..', '..', 'fixtures')
const HISTORY_EN = join(FIXTURES, 'metadata-set', 'project-history.en.pdf')
const HISTORY_JA = join(FIXTURES, 'documents', 'debian', 'project-history.ja.pdf')
const TEXLIVE = join(FIXTURES, 'documents', 'texlive')
const LIMITS = { maxFileBytes: 50_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }
const extract = (file: string) =>
  extractPdf({ bytes: readFileSync(file), path: file, limits: LIMITS })
type Doc = Awaited<ReturnType<typeof extract>>
const pageText = (doc: Doc, page: number): string => {
  const starts = doc.pageStarts ?? [0]
  return doc.text.slice(starts[page - 1], starts[page] ?? doc.text.length)
}

describe('a paragraph over a page break', () => {
  it('is one paragraph, joined with a space, and page 10 still starts at its first printed word (Debian history)', async () => {
    const doc = await extract(HISTORY_EN)
    expect(doc.text).toContain('Widely emulated, apt addressed issues')
    expect(pageText(doc, 10).startsWith('apt addressed issues')).toBe(true)
    expect(pageText(doc, 9).endsWith('Widely emulated, ')).toBe(true)
    // The page's running head stays out, as before.
    expect(doc.pageMeta?.[9]?.removed).toContain('A Brief History of Debian 4 / 21')
  })

  it('joins Japanese across the break without a space ("プロジェク" | "トリーダー", Debian 小史)', async () => {
    const doc = await extract(HISTORY_JA)
    expect(doc.text).toContain('Bruce さんがプロジェクトリーダーを務める間に')
    expect(pageText(doc, 14).startsWith('トリーダーを務める間に')).toBe(true)
    expect(doc.text).toContain('サイズ的には従来リリースの倍近くになりました。')
  })

  it('keeps a caption, a new list item and index lines apart from the page before', async () => {
    const ams = await extract(join(TEXLIVE, 'amsfndoc.pdf'))
    // Page 17 opens with Figure 1's caption; the paragraph goes on below the figure.
    expect(ams.text).toContain(
      'be decomposed as s-hq,\n\nFigure 1. Input conventions for AMS cyrillic',
    )
    // …and a paragraph that does run over (page 15 → 16) is joined.
    expect(ams.text).toContain('To produce actual cyrillic text, enclose the cyrillic input')

    const natbib = await extract(join(TEXLIVE, 'natbib.pdf'))
    // The options list: "sort" at the top of page 22 is a new item (its first line hangs left of its text).
    expect(natbib.text).toMatch(/as in Nature;\n\nsort orders multiple citations/)

    const dvips = await extract(join(TEXLIVE, 'dvips.pdf'))
    for (const page of [65, 66])
      expect(dvips.text.slice((dvips.pageStarts?.[page - 1] ?? 0) - 2).startsWith('\n\n')).toBe(
        true,
      )
  })
})

describe('tables and short lines', () => {
  it('gives each table row a block of its own with its cells apart (debian-reference.ja)', async () => {
    const doc = await extract(
      join(FIXTURES, 'documents', 'debian', 'debian-reference.ja-excerpt.pdf'),
    )
    const page = pageText(doc, 5)
    expect(page).toContain(
      '\n\ndoc-debian I:853 166 Debian プロジェクトの文書、(Debian FAQ) 他\n\ndebian-policy I:21 4379',
    )
    // The header's cells, one of them wrapped ("サイ" / "ズ", set half a line higher and lower than its row).
    expect(page.startsWith('パッケージ ポプコン サイズ 説明\n\n')).toBe(true)
    // Table 1.4: "ディストリビューションのト" / "ップ" wrapped in its cell, the next cell set beside it.
    expect(pageText(doc, 6)).toContain(
      'Release ディストリビューションのトップ アーカイブの説明との整合性情報',
    )
  })

  it('ends a paragraph at a short line followed by an indented one (amsfndoc: "January 2002¡" as printed)', async () => {
    const doc = await extract(join(TEXLIVE, 'amsfndoc.pdf'))
    expect(doc.text).toMatch(/^January 2002¡\n\nStandard distributions of TeX/)
  })
})

describe('pages of a joined document', () => {
  let lib: ReturnType<typeof tempBackend>
  let id: DocumentId
  beforeAll(async () => {
    lib = tempBackend()
    const report = await importViaApi(lib, [HISTORY_EN, HISTORY_JA])
    id = report.results.find((r) => r.path === HISTORY_EN)?.documentId as DocumentId
  })
  afterAll(async () => {
    await lib.dispose()
  })

  it('ends page 9 at its last word and starts page 10 at its first (the space between belongs to neither)', async () => {
    const { pages } = await call(lib.context, 'documents.pages', { id })
    const doc = await call(lib.context, 'documents.get', { id })
    const [nine, ten] = [pages?.[8], pages?.[9]]
    expect(doc.text.slice(nine?.start, nine?.end).endsWith('Widely emulated,')).toBe(true)
    expect(doc.text.slice(ten?.start, ten?.end).startsWith('apt addressed issues')).toBe(true)
    // Without a space between them (Japanese), a page ends where the next one starts.
    const ja = (await call(lib.context, 'documents.list', {})).documents.find((d) => d.id !== id)
      ?.id as DocumentId
    const jaPages = (await call(lib.context, 'documents.pages', { id: ja })).pages
    const jaText = (await call(lib.context, 'documents.get', { id: ja })).text
    expect(jaPages?.[12]?.end).toBe(jaPages?.[13]?.start)
    expect(jaText.slice(jaPages?.[12]?.start, jaPages?.[12]?.end).endsWith('プロジェク')).toBe(true)
  })

  it('keeps a quote saved across the break attached when the document is re-extracted from old text', async () => {
    const doc = await call(lib.context, 'documents.get', { id })
    // The text as the previous extractor stored it: a blank line at the page break.
    const joined = doc.text.indexOf('Widely emulated, apt addressed')
    const breakAt = joined + 'Widely emulated,'.length
    const old = `${doc.text.slice(0, breakAt)}\n\n${doc.text.slice(breakAt + 1)}`
    const oldStarts = (doc.pageStarts ?? []).map((s) => (s > breakAt ? s + 1 : s))
    lib.context.db
      .prepare('UPDATE documents SET text = ?, page_starts = ? WHERE id = ?')
      .run(old, JSON.stringify(oldStarts), id)
    const quote = await call(lib.context, 'quotes.create', {
      documentId: id,
      text: 'Widely emulated,\n\napt addressed issues',
    })
    expect(quote.page).toBe(9)

    const { jobId } = await call(lib.context, 'documents.reextract', { ids: [id] })
    const outcome = await call(lib.context, 'jobs.wait', { jobId })
    expect(outcome.result).toMatchObject({ updated: 1, failed: 0 })
    const after = await call(lib.context, 'quotes.get', { id: quote.id })
    const text = (await call(lib.context, 'documents.get', { id })).text
    // Still on the same words and page; the saved words are never rewritten (only the blank line differs).
    expect(after.exact).toBe('Widely emulated,\n\napt addressed issues')
    expect(text.slice(after.start ?? 0, after.end ?? 0)).toBe(
      'Widely emulated, apt addressed issues',
    )
    expect(after.page).toBe(9)
    expect(after.placement).not.toBe('unplaced')
  })
})
