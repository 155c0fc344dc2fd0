/**
 * Capitals that stand for lower-case letters, on real PDFs: small capitals faked with smaller capitals (the title of
 * btxdoc.pdf, "B{\large I}{\large B}\TeX ing", was stored and cited as "BIBTEXing", found by a new-user trial) and
 * the TeX and LaTeX logos ("TEX" with its lowered "E", "LATEX" with its small raised "A"). Capitals that are capitals
 * stay capitals.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractPdf } from '../../../src/main/importers/extractors/pdf'

const TEXLIVE = join(__dirname, '..', '..', 'fixtures', 'documents', 'texlive')
const LIMITS = { maxFileBytes: 50_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }
const extract = (file: string) =>
  extractPdf({ bytes: readFileSync(join(TEXLIVE, file)), path: file, limits: LIMITS })

describe('PDF small capitals and TeX logos', () => {
  it('reads the title "BibTeXing" as printed (btxdoc.pdf) and the text\'s BibTeX logos', async () => {
    const doc = await extract('btxdoc.pdf')
    expect(doc.title).toBe('BibTeXing')
    expect(doc.text.startsWith('BibTeXing\n')).toBe(true)
    expect(doc.text).toContain(
      'This documentation, for BibTeX version 0.99b, is meant for general BibTeX users',
    )
    expect(doc.text).not.toMatch(/BIBTEX|BibTEX/)
    // Real capitals stay capitals: the entry types and commands printed in capitals.
    expect(doc.text).toContain('INPROCEEDINGS')
    expect(doc.text).toContain('PREAMBLE')
  })

  it('reads the TeX and LaTeX logos as their names (amsfndoc.pdf, dvips.pdf)', async () => {
    const ams = await extract('amsfndoc.pdf')
    expect(ams.text).toContain(
      'come with a number of additional fonts intended for use with LaTeX.',
    )
    expect(ams.text).not.toMatch(/\bLATEX\b|\bTEX\b/)
    const dvips = await extract('dvips.pdf')
    expect(dvips.text).toContain('You can use testpage.tex from the LaTeX')
  })
})
