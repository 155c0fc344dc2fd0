/**
 * Text clean-up shared by every extractor, and the content hash that finds duplicates.
 */
import { createHash } from 'node:crypto'
import { hasSpecial, joinsWithoutSpace, wordSegmenter } from '../text/scripts'

// C0 controls other than tab, newline and form feed (form feed becomes a newline); DEL. NUL is among them.
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
  const line = value
    .replace(CONTROL, '')
    // A hard wrap inside Chinese/Japanese/Thai text is not a word break: no space there (text/scripts.ts).
    .replace(/[^\S\n]*\n\s*/g, (gap, at: number, all: string) =>
      joinsWithoutSpace(
        all.slice(Math.max(0, at - 2), at),
        all.slice(at + gap.length, at + gap.length + 2),
      )
        ? ''
        : ' ',
    )
    .replace(/\s+/g, ' ')
    .trim()
  if (line.length <= max) return line
  const cut = line.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}

const HASH_CHUNK = 1 << 20

/**
 * sha256 of the normalised text (Unicode NFC, whitespace runs collapsed to one space, trimmed): two files whose
 * text differs only in line endings, encoding or spacing are duplicates. Files without text hash their bytes instead,
 * so two different scanned PDFs are not "duplicates" of each other. Works in 1 MB pieces cut at whitespace, so a
 * 150 MB text never needs a second full-size copy (a global replace over it builds a list of every match).
 */
export function contentHash(text: string, bytes: Uint8Array): string {
  const hash = createHash('sha256')
  let wrote = false
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + HASH_CHUNK)
    if (end < text.length) {
      // Cut at whitespace so neither a combining sequence (NFC) nor a word is split between pieces.
      let cut = end
      while (cut > start && !/\s/.test(text[cut] as string)) cut--
      if (cut > start) end = cut
    }
    const piece = text.slice(start, end).normalize('NFC').replace(/\s+/g, ' ').trim()
    if (piece.length > 0) {
      hash.update(wrote ? ` ${piece}` : `text:${piece}`)
      wrote = true
    }
    start = end
  }
  if (!wrote) hash.update('bytes:').update(bytes)
  return hash.digest('hex')
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * Words that contain a letter or digit: whitespace-separated chunks, except that a chunk holding Chinese, Japanese,
 * Thai, Lao, Khmer or Myanmar (written without spaces) counts the words ICU's dictionary segmenter finds in it —
 * a Japanese paragraph is one chunk but dozens of words.
 */
export function wordCount(text: string): number {
  if (!hasSpecial(text)) return chunkCount(text)
  let count = 0
  let segmented = 0
  let segmentedWords = 0
  let unsegmented = 0
  const segmenter = wordSegmenter()
  for (const chunk of text.split(/[\s\u3000]+/)) {
    if (!hasSpecial(chunk)) count += chunkCount(chunk)
    else if (segmented >= SEGMENT_BUDGET) unsegmented += chunk.length
    else {
      segmented += chunk.length
      // In pieces: ICU's dictionary segmentation of one long unspaced string is far slower than of short ones.
      for (let at = 0; at < chunk.length; at += SEGMENT_PIECE) {
        for (const segment of segmenter.segment(chunk.slice(at, at + SEGMENT_PIECE)))
          if (segment.isWordLike) segmentedWords++
      }
    }
  }
  const rest = segmented > 0 ? Math.round((unsegmented * segmentedWords) / segmented) : 0
  return count + segmentedWords + rest
}

/**
 * Characters of unspaced text segmented for a word count; beyond, the rest is counted at the same words per character
 * (an estimate). ICU segments ~0.3 M characters/s here on a loaded 2-core machine (40,000 Japanese characters in
 * 130 ms; one long unspaced string is slower still, hence pieces): a 5-million-character text would take ~15 s.
 */
const SEGMENT_BUDGET = 200_000
const SEGMENT_PIECE = 1_000

/** Whitespace-separated words that contain a letter or digit. */
function chunkCount(text: string): number {
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
