/**
 * Format detection by content first (magic bytes, ZIP member names, HTML sniffing), extension second. A `.pdf`
 * that is really HTML is read as HTML; random bytes named `.txt` fail as binary; an image in a folder is skipped.
 */
import { extname } from 'node:path'
import type { DocumentFormat } from '@shared/contract'
import { looksBinary, utf16WithoutBom } from './decode'
import { ImportError } from './errors'

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.xht', '.shtml'])
const MD_EXT = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mdwn'])
const TEXT_EXT = new Set([
  '.txt',
  '.text',
  '.rst',
  '.org',
  '.adoc',
  '.asciidoc',
  '.textile',
  '.wiki',
  '',
])

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office file (.doc/.xls; save it as DOCX)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' },
  { bytes: [0x4d, 0x5a], what: 'a Windows program' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { bytes: [0x25, 0x21, 0x50, 0x53], what: 'a PostScript file' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF file' },
]

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean =>
  prefix.every((b, i) => bytes[i] === b)

function contains(bytes: Uint8Array, needle: string): boolean {
  return (
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, 0, 'latin1') >= 0
  )
}

/** The first KB as lower-case ASCII with NULs dropped (so UTF-16 HTML sniffs too). */
function headText(bytes: Uint8Array): string {
  const n = Math.min(bytes.length, 2048)
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, n)
  const text =
    utf16WithoutBom(buf) || buf[1] === 0 || buf[0] === 0
      ? buf.toString('latin1').replace(/\0/g, '')
      : buf.toString('latin1')
  return text
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF|^\u00FF\u00FE|^\u00FE\u00FF/, '')
    .trimStart()
    .toLowerCase()
}

/** Does the start of the file read as an HTML document? */
export function sniffHtml(bytes: Uint8Array): boolean {
  const head = headText(bytes).replace(/^(?:<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*)*/, '')
  return /^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<body[\s>]/.test(head)
}

/** Pick the extractor for a file, or throw ImportError (with `skip` for files that are not documents). */
export function detectFormat(bytes: Uint8Array, path: string): DocumentFormat {
  const ext = extname(path).toLowerCase()
  if (bytes.length === 0) throw new ImportError('empty file')

  const head1k = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString(
    'latin1',
  )
  if (head1k.includes('%PDF-')) return 'pdf'

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (
      head1k.slice(30, 38) === 'mimetype' &&
      head1k.slice(38, 58).includes('application/epub+zip')
    )
      return 'epub'
    if (contains(bytes, 'word/document.xml')) return 'docx'
    if (contains(bytes, 'META-INF/container.xml')) return 'epub'
    if (ext === '.epub') return 'epub'
    if (ext === '.docx') return 'docx'
    throw new ImportError(
      'unsupported file type: a ZIP archive that is neither EPUB nor DOCX',
      undefined,
      true,
    )
  }
  if (ext === '.epub') throw new ImportError('not a valid EPUB: the file is not a ZIP archive')
  if (ext === '.docx') throw new ImportError('not a valid DOCX: the file is not a ZIP archive')
  if (ext === '.pdf' && !sniffHtml(bytes)) throw new ImportError('not a PDF (no %PDF header)')

  for (const { bytes: magic, what } of MAGIC) {
    if (startsWith(bytes, magic))
      throw new ImportError(`unsupported file type: ${what}`, undefined, true)
  }

  if (HTML_EXT.has(ext)) return 'html'
  if (sniffHtml(bytes)) return 'html'
  if (MD_EXT.has(ext)) return 'md'
  if (TEXT_EXT.has(ext)) return 'txt'
  if (looksBinary(bytes) && !utf16WithoutBom(bytes))
    throw new ImportError(`unsupported file type (${ext}): binary content`, undefined, true)
  throw new ImportError(`unsupported file type (${ext})`, undefined, true)
}
