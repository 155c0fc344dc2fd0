/**
 * The publication date of an EPUB is its own dc:date, never one labelled as the file's modification (EPUB 2
 * `opf:event="modification"`). Built from the real developers-reference.epub with only its dc:date lines changed.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { extractBytes } from '../../../src/main/importers/extract'

const EPUB = join(__dirname, '../../fixtures/documents/debian/developers-reference.epub')
const LIMITS = { maxFileBytes: 50e6, maxZipBytes: 50e6, maxZipEntries: 5000 }

/** The book with its dc:date line replaced by `dates` (and its dcterms:modified kept). */
async function withDates(dates: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(EPUB))
  const opf = await zip.file('content.opf')?.async('string')
  if (!opf?.includes('<dc:date>2023-03-06T18:06:57Z</dc:date>')) throw new Error('fixture changed')
  zip.file('content.opf', opf.replace('<dc:date>2023-03-06T18:06:57Z</dc:date>', dates))
  return zip.generateAsync({ type: 'uint8array' })
}

const extract = async (dates: string) =>
  extractBytes(await withDates(dates), 'developers-reference.epub', LIMITS)

describe('EPUB dc:date', () => {
  it('a modification date alone is the file’s date, not the publication', async () => {
    const doc = await extract('<dc:date opf:event="modification">2024-01-15</dc:date>')
    expect(doc.provenance.publishedAt?.detail ?? '').not.toMatch(/dc:date/)
    expect(doc.publishedAt).not.toBe('2024-01-15')
    expect(doc.fileDate).toBe('2024-01-15')
  })

  it('the publication event wins wherever it is listed', async () => {
    const doc = await extract(
      '<dc:date opf:event="modification">2024-01-15</dc:date><dc:date opf:event="publication">2018-02-03</dc:date>',
    )
    expect(doc.publishedAt).toBe('2018-02-03')
    expect(doc.provenance.publishedAt?.detail).toBe('EPUB dc:date (publication)')
  })
})
