/**
 * PDF text you can trust (issue #12), on real PDFs: accents TeX sets as two glyphs are composed, running headers,
 * footers and page numbers leave the text flow but are kept per page, printed page labels and the outline are read,
 * and malformed outlines or page labels are ignored with a warning.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPdf, manyPagesPdf } from '../../../scripts/gen-hostile-fixtures'
import { extractPdf } from '../../../src/main/importers/extractors/pdf'

const DOCS = join(__dirname, '..', '..', 'fixtures', 'documents')
const LIMITS = { maxFileBytes: 50_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }
const extract = (file: string) =>
  extractPdf({ bytes: readFileSync(file), path: file, limits: LIMITS })
const pageText = (doc: { text: string; pageStarts: number[] | null }, page: number): string => {
  const starts = doc.pageStarts ?? [0]
  return doc.text.slice(starts[page - 1], starts[page] ?? doc.text.length)
}

describe('PDF extraction fidelity', () => {
  it('composes accents TeX sets as accent + letter (jura.pdf: "eingefügt", not "eingef¨ ugt")', async () => {
    const doc = await extract(join(DOCS, 'texlive', 'jura.pdf'))
    expect(doc.text).toContain('eingefügt')
    expect(doc.text).toContain('Überschrift')
    expect(doc.text).toContain('zurückgekehrt')
    expect(doc.text).not.toMatch(/[¨ˆ˜ˇ]/)
  })

  it('reads an Info Author written as UTF-8 without a BOM (luatex-hyphen.pdf: "Pégourié", not "PÃ©gouriÃ©")', async () => {
    const doc = await extract(join(DOCS, 'texlive', 'luatex-hyphen.pdf'))
    // Info has the names too, but runs two into one ("Khaled Hosny \\040Elie Roux"): the page's three, as printed.
    expect(doc.authors).toEqual(['Khaled Hosny', 'Élie Roux', 'Manuel Pégourié-Gonnard'])
    // The "Th" ligature of the title maps to U+5440 in the file's own ToUnicode (Poppler prints "吀e"): not here.
    expect(doc.title).toBe('The hyphen.cfg file for LuaTeX')
  })

  it('reads a glyph name with a variant suffix as its character (thaienum.pdf: "uni0E48.low" is the Thai mai ek)', async () => {
    // Its Type 1 Thai font names the tone marks set lower or further left "uni0E48.low", "uni0E31.left"… pdf.js
    // did not know the names and fell back to the raw codes: "ยืดหยุèน" for "ยืดหยุ่น", "เป\x9aน" for "เป็น".
    const doc = await extract(join(DOCS, 'texlive', 'thaienum.pdf'))
    expect(pageText(doc, 1)).toContain('มักจะเรียกใช้งานแพ็กเกจ enumitem เพราะเป็นแพ็กเกจที่มีความยืดหยุ่น')
    expect(pageText(doc, 1)).toContain('สามารถกำหนดให้ตั้งหัวรายการด้วยเลขโรมันได้')
    expect(doc.text).not.toMatch(/[\u0080-\u00ff]/)
  })

  it('reads no letter for a CID glyph its /ToUnicode leaves out (chhaya.pdf, Marathi: none invented)', async () => {
    // XeLaTeX's Devanagari conjuncts and reordered vowel signs are glyphs without a /ToUnicode entry. pdf.js read
    // their glyph ids as code points: Arabic marks, Samaritan, NKo, Armenian and Cyrillic letters inside Marathi words
    // (83 × U+08FA, 22 × "ѱ"…). poppler prints nothing for them; so do we now (tests/fixtures/SOURCES.md).
    const doc = await extract(join(DOCS, 'texlive', 'chhaya.pdf'))
    expect(pageText(doc, 1)).toContain('छाया')
    expect(pageText(doc, 1)).toContain('सारांश')
    expect(doc.text).not.toMatch(/[\u0400-\u04ff\u0530-\u058f\u0600-\u08ff]/)
  })

  it('reads right-to-left lines in logical order, Latin runs in place and brackets unmirrored (Persian-bib guide)', async () => {
    // XeLaTeX prints a Persian line left to right as several text items, split at every Latin word; pdf.js reorders
    // each item alone, and lines were assembled left to right: "BibTeX راهنمای … برای در" for "راهنمای … برای BibTeX
    // در", and the parenthesis printed ")" where a right-to-left parenthesis opens stayed ")". As pdftotext reads it.
    // The file's text is in Arabic presentation forms (what poppler prints): stored as the letters they show.
    const doc = await extract(
      join(__dirname, '..', '..', 'fixtures', 'pdf-text', 'persian-bib-userguide.pdf'),
    )
    const text = (page: number): string => pageText(doc, page).replace(/\s+/g, ' ')
    expect(text(1)).toContain('بسم الله الرحمن الرحيم')
    expect(text(1)).toMatch(/^بسم الله الرحمن الرحيم راهنمای استفاده از /)
    expect(text(1)).toContain('برای BibTeX در زی')
    expect(text(1)).toContain('(Persian-bib User Guide)')
    expect(doc.text).not.toMatch(/[\ufb50-\ufdff\ufe70-\ufefc]/u)
    const all = doc.text.replace(/\s+/g, ' ')
    expect(all).toContain('اگر این بسته را به کار نبریم (و از')
    expect(all).toContain('استفاده کنیم)، باید')
    expect(all).toContain('(BibTeX Style) با پسوند bst')
    expect(all).not.toMatch(/\)[\u0600-\u06ff]+ [\u0600-\u06ff ]+\(/)
  })

  it('reads vocalised Arabic set glyph by glyph as words, each mark after its letter (arabluatex: al-Jahiz)', async () => {
    // LuaTeX writes each Arabic glyph as its own text item, right to left: every letter became a fragment of its own
    // ("َد َج َاج َة ُ", as poppler prints it too), and a search or quote found no word. The story's title, as printed.
    const doc = await extract(join(__dirname, '..', '..', 'fixtures', 'pdf-text', 'al-jahiz.pdf'))
    expect(doc.text).toContain('دَجَاجَةُ أَبِي ٱلْهُذَيْلِ ٱلْعَلَّافِ')
    expect(doc.text).toContain('كَانَ أَبُو ٱلْهُذَيْلِ أَهْدَى إِلَى مُوَيْسٍ دَجَاجَةً')
    // No word starts with a vowel mark (a mark before its letter is a word the page never printed).
    expect(doc.text).not.toMatch(/(?:^|\s)[\u064b-\u0652]/u)
  })

  it('reads Hebrew set right to left with the glyph names of its font (cjhebrew.pdf: "אֱלֹהִים", not "אֱל·הִיM")', async () => {
    // cjhebrew's Type 1 font names its final letters "memfinal" (the AGL's "finalmem"), its alternative vowel points
    // "holam1", "hiriq3", its empty end-of-word glyph "endofword": pdf.js read their raw codes ("M", "·", "!").
    const doc = await extract(join(__dirname, '..', '..', 'fixtures', 'pdf-text', 'cjhebrew.pdf'))
    expect(doc.text).toContain('\\<mlk> will become מלך.')
    expect(doc.text).toContain('(for example אֱלֹהִים is coded as')
    // Genesis 1:1, as printed on page 3: right to left, the words in their order.
    expect(pageText(doc, 3)).toContain('אֱלֹהִים אֵת')
    expect(pageText(doc, 3)).toContain('וְאֵת הָאָרֶץ׃ וְהָאָרֶץ הָיְתָה תֹהּו וָבֹהּו')
    expect(pageText(doc, 3)).toContain('עַל־ּפְנֵי תְהֹום וְרּוַח אֱלֹהִים מְרַחֶפֶת')
    expect(doc.text).not.toMatch(/[\u05d0-\u05ea][!|MZK§¢¤·]|[!|MZK§¢¤·][\u05d0-\u05ea]/)
  })

  it('moves running footers out of the flow, keeps them per page, and reads /PageLabels (maint-guide)', async () => {
    const doc = await extract(join(DOCS, 'debian', 'maint-guide.en.pdf'))
    const meta = doc.pageMeta ?? []
    expect(meta).toHaveLength(63)
    expect(meta.slice(0, 8).map((m) => m.label)).toEqual([
      'i',
      'ii',
      'iii',
      'iv',
      'v',
      'vi',
      '1',
      '2',
    ])
    expect(meta[6]?.removed).toEqual(['Debian New Maintainers’ Guide 1 / 57'])
    expect(pageText(doc, 7)).not.toContain('/ 57')
    expect(doc.text).not.toContain('Debian New Maintainers’ Guide 12 / 57')
    expect(meta[6]).toMatchObject({ width: expect.any(Number), height: expect.any(Number) })
    expect((meta[6]?.height ?? 0) > (meta[6]?.width ?? 0)).toBe(true)
  })

  it('keeps a title page title that a running header repeats in smaller type (fhs-3.0)', async () => {
    const doc = await extract(join(DOCS, 'debian', 'fhs-3.0.pdf'))
    expect(pageText(doc, 1)).toContain('Filesystem Hierarchy Standard')
    expect(doc.pageMeta?.[4]?.removed).toContain('Filesystem Hierarchy Standard')
    expect(pageText(doc, 5)).not.toMatch(/^Filesystem Hierarchy Standard/)
  })

  it('reads the PDF outline with pages, placed at the heading in the text', async () => {
    const doc = await extract(join(DOCS, 'debian', 'maint-guide.en.pdf'))
    const toc = (doc.toc ?? []) as { title: string; level: number; offset: number; page: number }[]
    expect(toc.length).toBeGreaterThan(20)
    const social = toc.find((e) => e.title === 'Social dynamics of Debian')
    expect(social).toMatchObject({ level: 2, page: 7 })
    expect(doc.text.slice(social?.offset, (social?.offset ?? 0) + 25)).toMatch(
      /Social dynamics of Debian$/,
    )
    expect(toc.every((e) => e.page >= 1 && e.page <= 63)).toBe(true)
  })

  it('ignores a malformed outline and page labels with warnings, and keeps the text', async () => {
    const content = 'BT /F1 12 Tf 72 720 Td (The text still counts.) Tj ET'
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R /PageLabels << /Nums [0 << /S /Zz /St -5 >> 7 (x)] >> >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      '<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>',
      // Points at an object that does not exist, and loops to itself.
      '<< /Title (Nowhere) /Parent 6 0 R /Dest [99 0 R /XYZ 0 0 0] /Next 7 0 R /First 7 0 R >>',
      '<< /Title (Malformed navigation) >>',
    ])
    const doc = await extractPdf({ bytes: pdf, path: 'bad.pdf', limits: LIMITS })
    expect(doc.text).toBe('The text still counts.')
    expect(doc.toc).toBeNull()
    expect(doc.pageMeta).toEqual([{ label: null, removed: [], width: 612, height: 792 }])
    expect(doc.warnings).toEqual([
      "the PDF's page labels could not be read and were ignored",
      '1 outline entry points nowhere in the PDF and was ignored',
    ])
  })

  it('reads a 2,000-page PDF with every page and its boundary', { timeout: 120_000 }, async () => {
    const started = performance.now()
    const doc = await extractPdf({ bytes: manyPagesPdf(2000), path: 'long.pdf', limits: LIMITS })
    const ms = performance.now() - started
    expect(doc.pageStarts).toHaveLength(2000)
    expect(doc.pageMeta).toHaveLength(2000)
    expect(pageText(doc, 1999).trim()).toBe('Page 1999 of a very long generated document.')
    expect(ms).toBeLessThan(60_000)
  })
})
