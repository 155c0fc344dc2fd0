/** Small display helpers shared by features. */
import type { DocumentFormat } from '@shared/contract'

/** `2025-04-24` → `24 Apr 2025`, `2025-04` → `Apr 2025`, `2025` → `2025`. */
export function formatPartialDate(date: string | null | undefined): string {
  if (!date) return ''
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date)
  if (!match) return date
  const [, year, month, day] = match
  if (!month) return year ?? date
  const monthName = MONTHS[Number(month) - 1] ?? month
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** An ISO timestamp as a short local date in the same form as `formatPartialDate` (`24 Apr 2025`). */
export function formatTimestamp(timestamp: string): string {
  const date = new Date(timestamp)
  if (Number.isNaN(date.getTime())) return ''
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`
}

/** An ISO timestamp with its time, in the person's locale (for tooltips). */
export function formatDateTime(timestamp: string): string {
  const date = new Date(timestamp)
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString()
}

/** `1234567` → `1,234,567`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}

/** "Name, Name & Name" with a cap. */
export function formatAuthors(authors: readonly string[], max = 3): string {
  if (authors.length <= max) return authors.join(', ')
  return `${authors.slice(0, max).join(', ')} et al.`
}

/** The last part of a path, for import reports. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] || path
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`
}

const FORMAT_LABELS: Record<DocumentFormat, string> = {
  pdf: 'PDF',
  html: 'HTML',
  epub: 'EPUB',
  docx: 'DOCX',
  md: 'MD',
  txt: 'TXT',
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })

/** Names already looked up: a library holds a handful of tags, and rows ask on every render (palette: per key). */
const knownNames = new Map<string, string>()

/** A language tag's English name (`ja` → `Japanese`), the tag itself when Intl does not know it or it is malformed. */
function languageName(tag: string): string {
  let name = knownNames.get(tag)
  if (name !== undefined) return name
  try {
    name = languageNames.of(tag) ?? tag
  } catch {
    name = tag
  }
  if (knownNames.size < 500) knownNames.set(tag, name)
  return name
}

/**
 * What kind of file a document is and its language: `PDF · ja` to show beside a title (two documents can share
 * one: a PDF and its TXT, a page in four languages), `PDF, Japanese` for a tooltip or an accessible name.
 */
export function documentKind(
  format: DocumentFormat,
  language: string | null,
): { short: string; long: string } {
  const label = FORMAT_LABELS[format] ?? format.toUpperCase()
  if (!language) return { short: label, long: label }
  return { short: `${label} · ${language}`, long: `${label}, ${languageName(language)}` }
}
