/**
 * Dates as people and metadata write them → `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (as precise as the source says).
 * The date part is taken as written: a time zone never moves the day.
 */
import type { PartialDate } from '@shared/contract'

/**
 * Month names as documents print them: English (abbreviated too), and in full in the other languages the library
 * holds (French, German, Spanish, Italian, Portuguese, Dutch): "16 Mars 2018" (hyph-utf8.pdf), "16. März 2018",
 * "16 de marzo de 2018". Compared lower-cased.
 */
const MONTH_NAMES: [number, string[]][] = [
  [1, ['jan', 'january', 'janvier', 'januar', 'jänner', 'enero', 'gennaio', 'janeiro', 'januari']],
  [
    2,
    [
      'feb',
      'february',
      'février',
      'fevrier',
      'februar',
      'febrero',
      'febbraio',
      'fevereiro',
      'februari',
    ],
  ],
  [3, ['mar', 'march', 'mars', 'märz', 'maerz', 'marzo', 'março', 'maart']],
  [4, ['apr', 'april', 'avril', 'abril', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei']],
  [6, ['jun', 'june', 'juin', 'juni', 'junio', 'giugno', 'junho']],
  [7, ['jul', 'july', 'juillet', 'juli', 'julio', 'luglio', 'julho']],
  [8, ['aug', 'august', 'août', 'aout', 'agosto', 'augustus']],
  [
    9,
    ['sep', 'sept', 'september', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro'],
  ],
  [10, ['oct', 'october', 'octobre', 'oktober', 'octubre', 'ottobre', 'outubro']],
  [11, ['nov', 'november', 'novembre', 'noviembre', 'novembro']],
  [
    12,
    ['dec', 'december', 'décembre', 'decembre', 'dezember', 'diciembre', 'dicembre', 'dezembro'],
  ],
]
const MONTHS: Record<string, number> = Object.fromEntries(
  MONTH_NAMES.flatMap(([n, names]) => names.map((name) => [name, n])),
)
// Longest first, so "march" is not read as "mar" + "ch".
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?(?![\\p{L}])`
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
  // 2023年2月4日, 2023年2月 (Chinese and Japanese)
  {
    re: /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/,
    make: (m) => build(+m[1]!, +m[2]!, m[3] ? +m[3] : undefined),
  },
  // April 24, 2025 · Apr. 24 2025 · Thursday, April 24th, 2025
  {
    re: new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu'),
    make: (m) => build(+m[3]!, MONTHS[m[1]!.toLowerCase()], +m[2]!),
  },
  // 24 April 2025 · Thu, 24 Apr 2025 10:00:00 GMT · 24th of April, 2025 · 16 mars 2018 · 1er avril 2020 ·
  // 16. März 2018 · 16 de marzo de 2018
  {
    re: new RegExp(
      `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th|er|\\.)?(?:\\s+of|\\s+de)?\\s+${MONTH}(?:,|\\s+de)?\\s+(\\d{4})(?!\\d)`,
      'iu',
    ),
    make: (m) => build(+m[3]!, MONTHS[m[2]!.toLowerCase()], +m[1]!),
  },
  // April 2025 · juin 2011 · marzo de 2018
  {
    re: new RegExp(`^${MONTH}(?:,|\\s+de)?\\s+(\\d{4})(?!\\d)`, 'iu'),
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
