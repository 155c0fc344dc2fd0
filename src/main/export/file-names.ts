/** Safe file names for exports (sanitize-filename: control and reserved characters, `.`/`..`, CON…, 255 bytes). */
import sanitize from 'sanitize-filename'

/**
 * File systems allow 255 bytes per name, but the atomic write first creates `<name>.<up to 10 digits>` beside the
 * target: keep room for that suffix.
 */
const MAX_NAME_BYTES = 240

/** Cut a string to at most `max` UTF-8 bytes without splitting a character. */
function truncateBytes(text: string, max: number): string {
  let out = ''
  let bytes = 0
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8')
    if (bytes + n > max) break
    out += ch
    bytes += n
  }
  return out
}

/**
 * A file name that is safe in any folder on any OS, ending in `.ext`: sanitised, never empty, never `.`/`..` or a
 * reserved device name, at most 240 bytes including the extension (room for the atomic write's temp suffix).
 */
export function safeFileName(wanted: string, ext: string, fallback = 'lectern-export'): string {
  const suffix = `.${ext}`
  let base = wanted.trim()
  if (base.toLowerCase().endsWith(suffix)) base = base.slice(0, -suffix.length)
  // Path separators become dashes first, so "a/b" reads as one name instead of losing "a/".
  base = sanitize(base.replace(/[/\\]+/g, '-'), { replacement: '' })
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
  base = truncateBytes(base, MAX_NAME_BYTES - Buffer.byteLength(suffix)).replace(/[\s.]+$/g, '')
  // sanitize-filename can return "" (or a name it would reject again after truncation): fall back.
  const name = `${base}${suffix}`
  if (!base || sanitize(name) !== name) return `${fallback}${suffix}`
  return name
}

/** "Quotes tagged “campaign”" exported 2025-04-24 as md → "Quotes tagged campaign 2025-04-24.md". */
export function defaultFileName(title: string, exportedAt: string, ext: string): string {
  const plain = title.replace(/[“”"]/g, '')
  return safeFileName(`${plain} ${exportedAt.slice(0, 10)}`, ext)
}
