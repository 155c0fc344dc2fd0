import { describe, expect, it } from 'vitest'
import { buildDocx, buildEpub, randomBytes, textPdf } from '../../../scripts/gen-hostile-fixtures'
import { detectFormat, sniffHtml } from '../../../src/main/importers/detect'
import { ImportError } from '../../../src/main/importers/errors'

const reason = (fn: () => unknown): { message: string; skip: boolean } => {
  try {
    fn()
  } catch (error) {
    if (error instanceof ImportError) return { message: error.message, skip: error.skip }
    throw error
  }
  throw new Error('expected an ImportError')
}

describe('detectFormat', () => {
  it('goes by content before extension', async () => {
    expect(detectFormat(textPdf(['x']), 'report.txt')).toBe('pdf')
    expect(detectFormat(await buildEpub(), 'book.zip')).toBe('epub')
    expect(detectFormat(await buildDocx(['x']), 'letter.bin')).toBe('docx')
    expect(
      detectFormat(Buffer.from('<!DOCTYPE html><html><body>x</body></html>'), 'saved.pdf'),
    ).toBe('html')
    expect(detectFormat(Buffer.from('  <html lang="en"><p>x'), 'page')).toBe('html')
  })

  it('uses the extension for text formats', () => {
    expect(detectFormat(Buffer.from('# Heading\n\ntext'), 'notes.md')).toBe('md')
    expect(detectFormat(Buffer.from('plain'), 'notes.txt')).toBe('txt')
    expect(detectFormat(Buffer.from('plain'), 'README')).toBe('txt')
    expect(detectFormat(Buffer.from('<p>fragment</p>'), 'frag.htm')).toBe('html')
  })

  it('fails broken files of known types with a specific reason', () => {
    expect(reason(() => detectFormat(Buffer.alloc(0), 'empty.txt')).message).toBe('empty file')
    expect(reason(() => detectFormat(randomBytes(2048), 'x.pdf')).message).toBe(
      'not a PDF (no %PDF header)',
    )
    expect(reason(() => detectFormat(randomBytes(2048), 'x.epub')).message).toMatch(
      /not a valid EPUB: the file is not a ZIP/,
    )
    expect(reason(() => detectFormat(Buffer.from('hello'), 'x.docx')).message).toMatch(
      /not a valid DOCX: the file is not a ZIP/,
    )
  })

  it('skips files that are not documents', async () => {
    const png = reason(() => detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'a.txt'))
    expect(png).toEqual({ message: 'unsupported file type: a PNG image', skip: true })
    expect(reason(() => detectFormat(Buffer.from('col1,col2'), 'data.csv'))).toEqual({
      message: 'unsupported file type (.csv)',
      skip: true,
    })
    const zip = reason(() => detectFormat(Buffer.from('PK\u0003\u0004 not office'), 'a.zip'))
    expect(zip.skip).toBe(true)
  })

  it('sniffs HTML in UTF-16 too', () => {
    expect(sniffHtml(Buffer.from('\uFEFF<!doctype html><html>', 'utf16le'))).toBe(true)
    expect(sniffHtml(Buffer.from('Dear <name>, hello'))).toBe(false)
  })
})
