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

/**
 * Gregorian month names as Hindi, Marathi, Arabic (Egyptian and Levantine: "١٦ كانون الأول ٢٠٠٦" in samplebook.pdf),
 * Persian and Thai (in full and abbreviated: "ธ.ค.") documents print them ("०८ डिसेंबर, २०२१", "30 เมษายน 2017"). Hijri and Persian solar months are left out on purpose: their years are no
 * Gregorian years, and a converted date would be a guess about calendars, not what the page prints.
 */
const SCRIPT_MONTH_NAMES: [number, string[]][] = [
  [1, ['जानेवारी', 'जनवरी', 'يناير', 'ژانویه', 'كانون الثاني', 'มกราคม', 'ม.ค.']],
  [2, ['फेब्रुवारी', 'फ़रवरी', 'फरवरी', 'فبراير', 'فوریه', 'شباط', 'กุมภาพันธ์', 'ก.พ.']],
  [3, ['मार्च', 'مارس', 'آذار', 'มีนาคม', 'มี.ค.']],
  [4, ['एप्रिल', 'अप्रैल', 'أبريل', 'ابريل', 'إبريل', 'آوریل', 'نيسان', 'เมษายน', 'เม.ย.']],
  [5, ['मे', 'मई', 'مايو', 'مه', 'أيار', 'ايار', 'พฤษภาคม', 'พ.ค.']],
  [6, ['जून', 'يونيو', 'ژوئن', 'حزيران', 'มิถุนายน', 'มิ.ย.']],
  [7, ['जुलै', 'जुलाई', 'يوليو', 'ژوئیه', 'تموز', 'กรกฎาคม', 'ก.ค.']],
  [8, ['ऑगस्ट', 'अगस्त', 'أغسطس', 'اغسطس', 'اوت', 'آب', 'สิงหาคม', 'ส.ค.']],
  [9, ['सप्टेंबर', 'सितंबर', 'सितम्बर', 'سبتمبر', 'سپتامبر', 'أيلول', 'ايلول', 'กันยายน', 'ก.ย.']],
  [10, ['ऑक्टोबर', 'अक्टूबर', 'أكتوبر', 'اكتوبر', 'اکتبر', 'تشرين الأول', 'ตุลาคม', 'ต.ค.']],
  [11, ['नोव्हेंबर', 'नवंबर', 'नवम्बर', 'نوفمبر', 'نوامبر', 'تشرين الثاني', 'พฤศจิกายน', 'พ.ย.']],
  [12, ['डिसेंबर', 'दिसंबर', 'दिसम्बर', 'ديسمبر', 'دسامبر', 'كانون الأول', 'ธันวาคม', 'ธ.ค.']],
]
const SCRIPT_MONTHS: Record<string, number> = Object.fromEntries(
  SCRIPT_MONTH_NAMES.flatMap(([n, names]) => names.map((name) => [name, n])),
)
// Longest first; an abbreviation's dots literal, a two-word name's space any run of spaces.
const SCRIPT_MONTH = `(${Object.keys(SCRIPT_MONTHS)
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/\./g, '\\.').replace(/ /g, '\\s+'))
  .join('|')})(?![\\p{L}\\p{M}])`
/** The zeros of the decimal digits such documents print: ASCII, Arabic-Indic, Persian, Devanagari, Bengali, Thai. */
const ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50]
const DIGIT = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9\\u0966-\\u096F\\u09E6-\\u09EF\\u0E50-\\u0E59]'
function digitsValue(s: string): number {
  let n = 0
  for (const ch of s) {
    const c = ch.codePointAt(0) as number
    const zero = ZEROS.find((z) => c >= z && c <= z + 9) as number
    n = n * 10 + (c - zero)
  }
  return n
}
/**
 * A Thai year: the Buddhist era (พ.ศ. 2566 = 2023 CE) when the page says พ.ศ. or the year is past 2400 (BE 2400 is
 * 1857 CE; no Thai document is dated CE 2400); the Christian era when it says ค.ศ. or the year is below 2400.
 */
function thaiYear(year: number, era: string | undefined): number {
  if (era?.startsWith('ค')) return year
  return era?.startsWith('พ') || year >= 2400 ? year - 543 : year
}

/** The year before each Japanese era's first (its year 1 is this + 1). */
const ERAS: Record<string, number> = { 明治: 1867, 大正: 1911, 昭和: 1925, 平成: 1988, 令和: 2018 }

const CHINESE_DIGITS = '〇一二三四五六七八九'
/** A year written digit by digit in Chinese numerals ("二零二一", "二〇二三"). */
function chineseYear(written: string): number {
  return Number(
    [...written.replace(/[零○]/gu, '〇')].map((c) => CHINESE_DIGITS.indexOf(c)).join(''),
  )
}
/** A month or a day in Chinese numerals, 1 to 39 ("三", "十一", "二十三", "三十一"), or null. */
function chineseNumber(written: string): number | null {
  const digit = CHINESE_DIGITS.indexOf(written)
  if (written.length === 1 && digit > 0) return digit
  const m = /^([二三]?)十([一二三四五六七八九]?)$/u.exec(written)
  if (!m) return null
  return (m[1] ? CHINESE_DIGITS.indexOf(m[1]) : 1) * 10 + (m[2] ? CHINESE_DIGITS.indexOf(m[2]) : 0)
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
  // 二零二一年十一月, 二〇二三年一月二日 (in Chinese numerals, lshort-zh-cn.pdf's version line)
  {
    re: /^([〇零○一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*日)?/u,
    make: (m) => {
      const month = chineseNumber(m[2]!)
      const day = m[3] ? chineseNumber(m[3]) : undefined
      return month === null || day === null ? null : build(chineseYear(m[1]!), month, day)
    },
  },
  // 昭和 62 年 3 月, 平成元年 4 月 1 日, 令和 5 年 (a Japanese era's year: 昭和 1 is 1926, 元 its first year)
  {
    re: /^(明治|大正|昭和|平成|令和)\s*(元|\d{1,2})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/u,
    make: (m) => {
      const year = (ERAS[m[1]!] ?? 0) + (m[2] === '元' ? 1 : +m[2]!)
      return build(year, m[3] ? +m[3] : undefined, m[4] ? +m[4] : undefined)
    },
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
  // ०८ डिसेंबर, २०२१ · ٢٥ ديسمبر ٢٠٢١ · 16 ธันวาคม พ.ศ. 2566 · डिसेंबर २०२१ (a Gregorian month in Devanagari, Arabic
  // or Thai script, in any of their digits)
  {
    re: new RegExp(
      `^(?:(${DIGIT}{1,2})\\s*)?${SCRIPT_MONTH},?\\s*((?:พ\\.\\s?ศ\\.|ค\\.\\s?ศ\\.)\\s*)?(${DIGIT}{4})(?!${DIGIT})`,
      'u',
    ),
    make: (m) => {
      const month = SCRIPT_MONTHS[m[2]!.replace(/\s+/g, ' ')]
      const thai = /[\u0E00-\u0E7F]/.test(m[2]!)
      const year = thai ? thaiYear(digitsValue(m[4]!), m[3]) : digitsValue(m[4]!)
      if (!thai && m[3]) return null
      // A year of the Hijri eras (lunar 1447, solar 1404 in 2025) beside a Gregorian month name is no Gregorian
      // year: no date rather than one six centuries off.
      if (/[\u0600-\u06FF]/.test(m[2]!) && year < 1600) return null
      return build(year, month, m[1] ? digitsValue(m[1]) : undefined)
    },
  },
  // 2025
  { re: /^(\d{4})(?![\d])/, make: (m) => build(+m[1]!) },
]

function precisionOf(date: PartialDate): Match['precision'] {
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year'
}

/** A date at the very start of `value`, with how many characters it took. */
export function dateAtStart(value: string): Match | null {
  const shown = unfoldPresentationForms(value)
  for (const { re, make } of PATTERNS) {
    const m = re.exec(shown)
    if (!m) continue
    // The first pattern that matches decides: "2025-02-30" is no date, not the year 2025.
    const date = make(m)
    const length = shown === value ? m[0].length : lengthIn(value, m[0].length)
    return date ? { date, length, precision: precisionOf(date) } : null
  }
  return null
}

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/
/** Arabic presentation forms ("ﻛﺎﻧﻮن اﻷول", as some PDFs give their text) read as the letters they show. */
function unfoldPresentationForms(value: string): string {
  return PRESENTATION_FORMS.test(value) ? value.normalize('NFKC') : value
}
/** How much of `value` its unfolded form's first `length` characters come from. */
function lengthIn(value: string, length: number): number {
  let n = 0
  for (const char of value) {
    if (unfoldPresentationForms(value.slice(0, n)).length >= length) break
    n += char.length
  }
  return n
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
