/**
 * Bytes → string for text formats (STACK.md §7.6): BOM first, then a charset the file declares, then UTF-16 without
 * BOM (NUL-byte heuristic, which chardet misreads as ISO-8859-1), then strict UTF-8, then chardet + iconv-lite for
 * legacy encodings. Never throws on bad bytes: invalid sequences become U+FFFD.
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'
import { ImportError } from './errors'

export type Decoded = { text: string; encoding: string }

const SAMPLE = 64 * 1024

/** Which byte of each pair is mostly NUL in the first 4 KB: 'le' for ASCII-heavy UTF-16LE, 'be' for BE. */
export function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return null
  let odd = 0
  let even = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++
    if (bytes[i + 1] === 0) odd++
  }
  const pairs = n / 2
  if (odd > pairs * 0.4 && even < pairs * 0.05) return 'le'
  if (even > pairs * 0.4 && odd < pairs * 0.05) return 'be'
  return null
}

/**
 * True when the bytes look like a binary file rather than text in some 8-bit or UTF-8 encoding: more than 1% of the
 * first 8 KB are control bytes other than whitespace, ESC and NUL, or more than 30% are NULs (UTF-16 is detected
 * before this). Stray NULs in a text file are tolerated (they are stripped later); compressed or random data has
 * about 10% control bytes.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192)
  if (n === 0) return false
  let controls = 0
  let nuls = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number
    if (b === 0) nuls++
    else if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) controls++
    else if (b === 0x7f) controls++
  }
  return controls > n * 0.01 || nuls > n * 0.3
}

/** Count well-formed and malformed UTF-8 multi-byte sequences in a sample. */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0
  let invalid = 0
  const n = Math.min(bytes.length, SAMPLE)
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number
    if (b < 0x80) continue
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b <= 0xdf ? 1 : -1
    if (need < 0) {
      invalid++
      continue
    }
    let ok = true
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined) break // cut off by the sample end: neither
      if ((c & 0xc0) !== 0x80) ok = false
    }
    if (ok) {
      valid++
      i += need
    } else invalid++
  }
  return { valid, invalid }
}

function normaliseLabel(label: string): string | null {
  const l = label.trim().toLowerCase()
  if (!l) return null
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'us-ascii' || l === 'ascii')
    return 'windows-1252'
  if (l === 'utf8') return 'utf-8'
  return iconv.encodingExists(l) ? l : null
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
const lossyUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false })

/**
 * Decode text bytes. `declared` is a charset the file names (HTML `<meta charset>`, XML declaration); a BOM still
 * wins over it, as browsers do. Throws ImportError only for content that is clearly binary.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: lossyUtf8.decode(buf.subarray(3)), encoding: 'utf-8' }
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf16le'), encoding: 'utf-16le' }
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf16be'), encoding: 'utf-16be' }
  const utf16 = utf16WithoutBom(buf)
  if (utf16 === 'le') return { text: iconv.decode(buf, 'utf16le'), encoding: 'utf-16le' }
  if (utf16 === 'be') return { text: iconv.decode(buf, 'utf16be'), encoding: 'utf-16be' }
  if (looksBinary(buf)) throw new ImportError('binary content, not text')

  const named = declared ? normaliseLabel(declared) : null
  if (named && named !== 'utf-8' && !named.startsWith('utf-16'))
    return { text: iconv.decode(buf, named), encoding: named }

  try {
    return { text: strictUtf8.decode(buf), encoding: 'utf-8' }
  } catch {
    // Not valid UTF-8: mostly-UTF-8 with a few bad bytes stays UTF-8 (bad bytes → U+FFFD); otherwise a legacy encoding.
  }
  const { valid, invalid } = utf8Evidence(buf)
  if (named === 'utf-8' || (valid > 0 && valid >= invalid))
    return { text: lossyUtf8.decode(buf), encoding: 'utf-8' }
  const guess = chardet.detect(buf.subarray(0, SAMPLE))
  let encoding = (guess && normaliseLabel(guess)) || 'windows-1252'
  // chardet's UTF guesses on invalid UTF-8 are wrong by construction; Windows-1252 is the usual truth.
  if (encoding.startsWith('utf')) encoding = 'windows-1252'
  return { text: iconv.decode(buf, encoding), encoding }
}
