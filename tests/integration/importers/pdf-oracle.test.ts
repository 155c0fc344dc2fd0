/**
 * The extraction oracle (issue #12): on real PDFs committed to tests/fixtures, every page of our text (plus the
 * running headers/footers we moved out of the flow) must reach word similarity ≥ 0.98 against poppler's `pdftotext`.
 * pdftotext is a test-time oracle only (CI installs poppler-utils); Lectern never runs it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractPdf } from '../../../src/main/importers/extractors/pdf'
import { hasPdftotext, oracleWords, popplerPages, wordSimilarity } from '../../support/pdf-oracle'

const DOCS = join(__dirname, '..', '..', 'fixtures', 'documents')
const ORACLE_FILES = [
  'debian/fhs-3.0.pdf',
  'debian/maint-guide.en.pdf',
  'texlive/nnext.pdf',
  'texlive/page-typesetting-columns.pdf',
]
const LIMITS = { maxFileBytes: 50_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }

describe('PDF text against the pdftotext oracle', () => {
  it('a partial /ToUnicode map leaves the other glyphs to the font: ligatures survive (bropd.pdf)', async () => {
    // pdf.js took the codes missing from the map as raw codes: "simpli es" (fi = 0x0C), "speci ed", " rst".
    const file = join(DOCS, 'texlive/bropd.pdf')
    const doc = await extractPdf({ bytes: readFileSync(file), path: file, limits: LIMITS })
    expect(doc.text).toContain(
      'The bropd package simplifies the process of writing differential operators',
    )
    expect(doc.text).toContain('can be specified as an optional argument')
    expect(doc.text).not.toMatch(/simpli es|speci ed|\s rst\b/)
  })

  it('has pdftotext (poppler-utils) to compare with', () => {
    expect(hasPdftotext(), 'install poppler-utils: pdftotext is the oracle of this test').toBe(true)
  })

  for (const name of ORACLE_FILES) {
    it.runIf(hasPdftotext())(`${name}: every page ≥ 0.98`, { timeout: 120_000 }, async () => {
      const file = join(DOCS, name)
      const doc = await extractPdf({ bytes: readFileSync(file), path: file, limits: LIMITS })
      const oracle = popplerPages(file)
      const starts = doc.pageStarts ?? []
      expect(starts.length).toBe(oracle.length)
      const low: string[] = []
      for (const [i, start] of starts.entries()) {
        const page = doc.text.slice(start, starts[i + 1] ?? doc.text.length)
        const ours = oracleWords([page, ...(doc.pageMeta?.[i]?.removed ?? [])].join('\n'))
        const score = wordSimilarity(ours, oracleWords(oracle[i] ?? ''))
        if (score < 0.98) low.push(`page ${i + 1}: ${score.toFixed(3)}`)
      }
      expect(low).toEqual([])
    })
  }
})
