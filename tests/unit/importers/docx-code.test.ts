import { Document, Packer, Paragraph, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import { extractDocx } from '../../../src/main/importers/extractors/docx'

const limits = { maxFileBytes: 1e8, maxZipBytes: 1e8, maxZipEntries: 1000 }

/** A real .docx written by the `docx` library, with Word code styles as pandoc and Word name them. */
async function codeDocx(): Promise<Buffer> {
  const doc = new Document({
    styles: {
      paragraphStyles: [
        { id: 'SourceCode', name: 'Source Code', run: { font: 'Courier New' } },
        { id: 'HTMLPreformatted', name: 'HTML Preformatted', run: { font: 'Courier New' } },
      ],
      characterStyles: [
        { id: 'VerbatimChar', name: 'Verbatim Char', run: { font: 'Courier New' } },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Sorting with a key function is short.' }),
          new Paragraph({ style: 'SourceCode', text: 'sorted(words, key=str.lower)' }),
          new Paragraph({ style: 'HTMLPreformatted', text: 'print(result)' }),
          new Paragraph({
            children: [
              new TextRun('Call '),
              new TextRun({ text: 'sorted()', style: 'VerbatimChar' }),
              new TextRun(' on any iterable.'),
            ],
          }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

describe('DOCX code styles', () => {
  it('keeps code paragraphs and runs as <pre>/<code> (set in monospace by the reader), text unchanged', async () => {
    const bytes = await codeDocx()
    const doc = await extractDocx({ bytes: new Uint8Array(bytes), path: 'code.docx', limits })
    // Consecutive code paragraphs make one block, one line each.
    expect(doc.html).toContain('<pre>sorted(words, key=str.lower)\nprint(result)</pre>')
    expect(doc.html).toContain('<code>sorted()</code>')
    expect(doc.text).toContain('sorted(words, key=str.lower)')
    expect(doc.text).toContain('Call sorted() on any iterable.')
  })
})
