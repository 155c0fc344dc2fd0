/**
 * Dates as people and metadata write them → `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (as precise as the source says).
 * The date part is taken as written: a time zone never moves the day.
 */
import type { PartialDate } from '@shared/contract'

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?'

const pad = (n: number): string => String(n).padStart(2, '0')

function build(year: number, month?: number, day?: number): PartialDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return null
  if (month === undefined) return String(year)
  if (month < 1 || month > 12) return null
  if (day === undefined) return `${year}-${pad(month)}`
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day < 1 || day > days) return null
  return `${year}-${pad(month)}-${pad(day)}`
}

type Match = { date: PartialDate; length: number; precision: 'year' | 'month' | 'day' }

const PATTERNS: { re: RegExp; make: (m: RegExpExecArray) => PartialDate | null }[] = [
  // PDF dates: D:YYYYMMDDHHmmSS…
  {
    re: /^D:(\d{4})(\d{2})?(\d{2})?/i,
    make: (m) => build(+m[1]!, m[2] ? +m[2] : undefined, m[3] ? +m[3] : undefined),
  },
  // ISO 8601 and friends: 2025-04-24, 2025/04/24, 2025.04.24, 2025-04-24T10:00Z
  {
    re: /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/,
    make: (m) => build(+m[1]!, +m[2]!, +m[3]!),
  },
  { re: /^(\d{4})(\d{2})(\d{2})(?:T\d|$)/, make: (m) => build(+m[1]!, +m[2]!, +m[3]!) },
  { re: /^(\d{4})-(\d{2})(?![\d-])/, make: (m) => build(+m[1]!, +m[2]!) },
  // April 24, 2025 · Apr. 24 2025 · Thursday, April 24th, 2025
  {
    re: new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'i'),
    make: (m) => build(+m[3]!, MONTHS[m[1]!.toLowerCase()], +m[2]!),
  },
  // 24 April 2025 · Thu, 24 Apr 2025 10:00:00 GMT · 24th of April, 2025
  {
    re: new RegExp(
      `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH},?\\s+(\\d{4})(?!\\d)`,
      'i',
    ),
    make: (m) => build(+m[3]!, MONTHS[m[2]!.toLowerCase()], +m[1]!),
  },
  // April 2025
  {
    re: new RegExp(`^${MONTH},?\\s+(\\d{4})(?!\\d)`, 'i'),
    make: (m) => build(+m[2]!, MONTHS[m[1]!.toLowerCase()]),
  },
  // 2025
  { re: /^(\d{4})(?![\d])/, make: (m) => build(+m[1]!) },
]

function precisionOf(date: PartialDate): Match['precision'] {
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year'
}

/** A date at the very start of `value`, with how many characters it took. */
export function dateAtStart(value: string): Match | null {
  for (const { re, make } of PATTERNS) {
    const m = re.exec(value)
    if (!m) continue
    // The first pattern that matches decides: "2025-02-30" is no date, not the year 2025.
    const date = make(m)
    return date ? { date, length: m[0].length, precision: precisionOf(date) } : null
  }
  return null
}

/** Parse a metadata value that should be a date ("2025-04-24T10:00:00Z", "D:20150518", "April 24, 2025"). */
export function parseDate(value: string | null | undefined): PartialDate | null {
  if (!value) return null
  const trimmed = value.trim()
  return dateAtStart(trimmed)?.date ?? null
}

const KEYWORD =
  /^(?:date[d]?|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?)\s*[:\-–—]?\s*/i

/**
 * A line that starts with a date, optionally after a keyword (`date 2025-04-24 China and Kenya…`,
 * `Published: April 24, 2025`, `2025-04-24`). Returns the date and the rest of the line (which is body text,
 * never a title). Without a keyword only a full day counts when more text follows, so "2025 was a year…" is no date.
 */
export function leadingDateLine(line: string): { date: PartialDate; rest: string } | null {
  const trimmed = line.trim()
  const keyword = KEYWORD.exec(trimmed)
  const afterKeyword = keyword ? trimmed.slice(keyword[0].length) : trimmed
  const found = dateAtStart(afterKeyword)
  if (!found) return null
  const rest = afterKeyword.slice(found.length).replace(/^[\s,.;:|–—-]+/, '')
  // A bare date needs no keyword; a date followed by text needs a keyword or day precision.
  if (rest.length > 0 && !keyword && found.precision !== 'day') return null
  if (!keyword && found.precision === 'year' && rest.length === 0 && !/^\d{4}$/.test(trimmed))
    return null
  return { date: found.date, rest }
}
