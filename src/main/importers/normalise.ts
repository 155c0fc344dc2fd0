/**
 * Text clean-up shared by every extractor, and the content hash that finds duplicates.
 */
import { createHash } from 'node:crypto'

// C0 controls other than tab, newline and form feed (form feed becomes a newline); DEL. NUL is among them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g

/**
 * The stored plain text: line endings `\n`, NULs and stray control characters removed, a leading BOM dropped,
 * trailing spaces at line ends and blank lines at both ends trimmed. Quotes and search offsets refer to this text.
 */
export function cleanText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  if (text.includes('\f')) text = text.replace(/\f/g, '\n')
  CONTROL.lastIndex = 0
  if (CONTROL.test(text)) text = text.replace(CONTROL, '')
  text = text.replace(/[ \t]+\n/g, '\n')
  return text.replace(/^\s*\n/, '').trimEnd()
}

/** Collapse runs of spaces and tabs inside lines and trim; for titles and other one-line fields. */
export function oneLine(value: string, max = 500): string {
  const line = value.replace(CONTROL, '').replace(/\s+/g, ' ').trim()
  if (line.length <= max) return line
  const cut = line.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/**
 * sha256 of the normalised text (Unicode NFC, whitespace runs collapsed, trimmed): two files whose text differs
 * only in line endings, encoding or spacing are duplicates. Files without text hash their bytes instead, so two
 * different scanned PDFs are not "duplicates" of each other.
 */
export function contentHash(text: string, bytes: Uint8Array): string {
  const hash = createHash('sha256')
  const normalised = text.normalize('NFC').replace(/\s+/g, ' ').trim()
  if (normalised.length > 0) hash.update(`text:${normalised}`)
  else hash.update('bytes:').update(bytes)
  return hash.digest('hex')
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** Whitespace-separated words that contain a letter or digit. */
export function wordCount(text: string): number {
  let count = 0
  let inWord = false
  let hasAlnum = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x3000) {
      if (inWord && hasAlnum) count++
      inWord = false
      hasAlnum = false
    } else {
      inWord = true
      if (!hasAlnum) {
        if (c < 0x80) hasAlnum = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)
        else hasAlnum = LETTER_OR_DIGIT.test(text[i] as string)
      }
    }
  }
  if (inWord && hasAlnum) count++
  return count
}
