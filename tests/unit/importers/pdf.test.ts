import { describe, expect, it } from 'vitest'
import {
  helveticaPagePdf,
  scannedPdf,
  textPdf,
  twoColumnPdf,
} from '../../../scripts/gen-hostile-fixtures'
import { ImportError } from '../../../src/main/importers/errors'
import { extractPdf } from '../../../src/main/importers/extractors/pdf'

const limits = { maxFileBytes: 1e8, maxZipBytes: 1e8, maxZipEntries: 1000 }
const extract = (bytes: Buffer, path = 'doc.pdf') => extractPdf({ bytes, path, limits })

describe('extractPdf', () => {
  it('reads text, info-dictionary title and creation date, and page starts', async () => {
    const doc = await extract(
      textPdf(['First line of the page.', 'Second line of the page.'], {
        title: 'A Generated Report',
      }),
    )
    expect(doc.title).toBe('A Generated Report')
    // Issue 13: a creation date whose year the page does not print is the file's date, not a publication date.
    expect(doc.publishedAt).toBeNull()
    expect(doc.fileDate).toBe('2024-03-15')
    expect(doc.pageStarts).toEqual([0])
    expect(doc.text).toContain('First line of the page.')
    expect(doc.citationType).toBe('report')
  })

  it('joins hyphenated line breaks', async () => {
    const doc = await extract(
      textPdf([
        'The committee considered the extra-',
        'ordinary proposal with great care and',
        'approved it unanimously.',
      ]),
    )
    expect(doc.text).toContain('extraordinary proposal')
    expect(doc.text).toContain('great care and approved it unanimously.')
  })

  it('reads two columns one after the other, even when the content stream interleaves them', async () => {
    const left = [
      'Left column starts here and',
      'continues on this line and',
      'ends the left story.',
      'More left words follow',
      'in the fourth line.',
      'Fifth left line.',
    ]
    const right = [
      'Right column begins with',
      'its own sentence that goes',
      'on to the end of it.',
      'Further right text',
      'on line four.',
      'Sixth right line.',
    ]
    const doc = await extract(twoColumnPdf(left, right))
    const leftAt = doc.text.indexOf('Left column starts here and continues on this line')
    const rightAt = doc.text.indexOf('Right column begins with its own sentence')
    expect(leftAt).toBeGreaterThanOrEqual(0)
    expect(rightAt).toBeGreaterThan(leftAt)
    expect(doc.text).not.toMatch(/starts here and Right column/)
  })

  it('imports a PDF with a JavaScript open action: text read, nothing executed', async () => {
    const doc = await extract(
      textPdf(['Inert text of a PDF that carries a script.'], {
        title: 'Scripted',
        catalogExtra: '/OpenAction 6 0 R',
        extraObjects: [
          '<< /Type /Action /S /JavaScript /JS (globalThis.__lecternPwned = true;) >>',
        ],
      }),
    )
    expect(doc.text).toContain('Inert text of a PDF that carries a script.')
    expect((globalThis as { __lecternPwned?: boolean }).__lecternPwned).toBeUndefined()
  })

  it('a PDF without a text layer imports with the "no text layer (scanned?)" warning', async () => {
    const doc = await extract(scannedPdf())
    expect(doc.text).toBe('')
    expect(doc.warnings).toContain('no text layer (scanned?)')
    expect(doc.title).toBe('Scanned page')
  })

  it('takes the biggest text on page 1 as title when the info dictionary has none', async () => {
    const content =
      'BT /F1 24 Tf 72 700 Td (The Big Title) Tj ET BT /F1 10 Tf 72 650 Td (Small body text under the title.) Tj ET'
    const pdf = helveticaPagePdf(content)
    expect((await extract(pdf, 'untitled-scan-0001.pdf')).title).toBe('The Big Title')
  })

  it('refuses a file without a PDF header and a truncated PDF with specific reasons', async () => {
    await expect(extract(Buffer.from('hello'))).rejects.toThrow('not a PDF (no %PDF header)')
    const whole = textPdf(['x'])
    const error = await extract(whole.subarray(0, Math.floor(whole.length * 0.45))).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ImportError)
    expect((error as Error).message).toMatch(/PDF/)
  })
})
