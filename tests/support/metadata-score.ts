/**
 * Scores extracted metadata against the hand-written expectations of tests/fixtures/metadata-set (see its README.md).
 * Shared by the test that enforces the goals and by scripts/metadata-set.ts, which prints the per-document table.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const METADATA_SET = join(import.meta.dirname, '..', 'fixtures', 'metadata-set')

export type Expected = {
  file: string
  title: string
  titleAlso?: string[]
  authors: string[]
  authorsAlso?: string[]
  date: string | null
  dateAlso?: string[]
  guessedTitle?: boolean
}

export type Got = { title: string; authors: string[]; publishedAt: string | null }

export type Verdict = {
  file: string
  title: boolean
  authors: boolean
  /** right · missing (none found, one expected) · wrong (a date the document does not support). */
  date: 'right' | 'missing' | 'wrong'
  got: Got
}

export function loadExpectations(): Expected[] {
  const raw = JSON.parse(readFileSync(join(METADATA_SET, 'expected.json'), 'utf8')) as {
    documents: Expected[]
  }
  return raw.documents
}

/** Case, accents, punctuation, spacing and a leading "Re:" do not count. */
export function foldTitle(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^\s*(?:re|fwd?):\s*/i, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const foldName = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** Same person: same family name (last word) and compatible given names or initials. */
function samePerson(a: string, b: string): boolean {
  const x = foldName(a).split(' ').filter(Boolean)
  const y = foldName(b).split(' ').filter(Boolean)
  if (x.length === 0 || y.length === 0) return false
  if (x.join(' ') === y.join(' ')) return true
  if (x[x.length - 1] !== y[y.length - 1]) return false
  const gx = x[0] ?? ''
  const gy = y[0] ?? ''
  return gx[0] === gy[0]
}

/** An author as printed in a citation must be a name: no e-mail address, no "(deceased)" or "original contents". */
const UNCITABLE = /[@<>()]|\b(?:contents|deceased|inactive)\b/i

export function scoreOne(expected: Expected, got: Got): Verdict {
  const titles = [expected.title, ...(expected.titleAlso ?? [])].map(foldTitle)
  const title = titles.includes(foldTitle(got.title))
  const allowed = [...expected.authors, ...(expected.authorsAlso ?? [])]
  const authors =
    expected.authors.every((e) => got.authors.some((g) => samePerson(e, g))) &&
    got.authors.every((g) => !UNCITABLE.test(g) && allowed.some((a) => samePerson(a, g)))
  const dates = [expected.date, ...(expected.dateAlso ?? [])].filter((d): d is string => !!d)
  let date: Verdict['date']
  if (got.publishedAt === null) date = expected.date === null ? 'right' : 'missing'
  else date = dates.includes(got.publishedAt) ? 'right' : 'wrong'
  return { file: expected.file, title, authors, date, got }
}

export type Summary = {
  count: number
  titles: number
  authors: number
  dates: number
  wrongDates: number
  verdicts: Verdict[]
}

export function summarise(verdicts: Verdict[]): Summary {
  const n = verdicts.length
  const share = (k: number): number => Math.round((1000 * k) / n) / 10
  return {
    count: n,
    titles: share(verdicts.filter((v) => v.title).length),
    authors: share(verdicts.filter((v) => v.authors).length),
    dates: share(verdicts.filter((v) => v.date === 'right').length),
    wrongDates: verdicts.filter((v) => v.date === 'wrong').length,
    verdicts,
  }
}
