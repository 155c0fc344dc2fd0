/**
 * DOI, ISBN (checksum-verified), arXiv id, ISSN (checksum-verified) and URLs found in a document's metadata and first
 * pages. Values are normalised (DOI lower-cased, ISBN/ISSN without hyphens) so the same work found as PDF and HTML
 * compares equal.
 */
import type { DocumentIdentifier, IdentifierType } from '@shared/contract'

const DOI = /\b(10\.\d{4,9}\/[^\s"'<>]+)/g
const ISBN =
  /\bISBN(?:-1[03])?:?\s*((?:97[89][-\s]?)?\d{1,5}[-\s]?\d{1,7}[-\s]?\d{1,7}[-\s]?[\dX])\b/gi
const ARXIV = /\barXiv:\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/gi
const ISSN = /\bE?ISSN:?\s*(\d{4}-?\d{3}[\dX])\b/gi
const URL_RE = /\bhttps?:\/\/[^\s"'<>()[\]{}]+[^\s"'<>()[\]{}.,;:!?]/gi

export function normaliseDoi(raw: string): string | null {
  const m = /10\.\d{4,9}\/\S+/.exec(
    raw.trim().replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, ''),
  )
  return m ? m[0].replace(/[.,;:)\]]+$/, '').toLowerCase() : null
}

function isbnOk(digits: string): boolean {
  if (digits.length === 10) {
    let sum = 0
    for (let i = 0; i < 10; i++) {
      const c = digits[i] ?? '0'
      sum += (c === 'X' ? 10 : Number(c)) * (10 - i)
    }
    return sum % 11 === 0
  }
  if (digits.length === 13 && /^\d{13}$/.test(digits)) {
    let sum = 0
    for (let i = 0; i < 13; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3)
    return sum % 10 === 0
  }
  return false
}

export function normaliseIsbn(raw: string): string | null {
  const digits = raw.replace(/[^\dX]/gi, '').toUpperCase()
  return isbnOk(digits) ? digits : null
}

export function normaliseIssn(raw: string): string | null {
  const d = raw.replace(/[^\dX]/gi, '').toUpperCase()
  if (d.length !== 8) return null
  let sum = 0
  for (let i = 0; i < 7; i++) sum += Number(d[i]) * (8 - i)
  const check = (11 - (sum % 11)) % 11
  return (check === 10 ? 'X' : String(check)) === d[7] ? `${d.slice(0, 4)}-${d.slice(4)}` : null
}

const NORMALISE: Record<IdentifierType, (raw: string) => string | null> = {
  doi: normaliseDoi,
  isbn: normaliseIsbn,
  issn: normaliseIssn,
  arxiv: (raw) => raw.trim().replace(/^arxiv:\s*/i, '') || null,
  url: (raw) => (/^https?:\/\/\S+$/i.test(raw.trim()) ? raw.trim() : null),
}

/** Normalise one identifier; null when it is not valid (bad checksum, not a DOI). */
export function identifier(
  type: IdentifierType,
  raw: string | null | undefined,
): DocumentIdentifier | null {
  if (!raw) return null
  const value = NORMALISE[type](raw)
  return value ? { type, value } : null
}

/** Every identifier in `text` (the first pages: callers pass a bounded head), URLs capped. */
export function findIdentifiers(text: string, maxUrls = 5): DocumentIdentifier[] {
  const found: DocumentIdentifier[] = []
  const add = (id: DocumentIdentifier | null): void => {
    if (id && !found.some((f) => f.type === id.type && f.value === id.value)) found.push(id)
  }
  for (const m of text.matchAll(DOI)) add(identifier('doi', m[1]))
  for (const m of text.matchAll(ISBN)) add(identifier('isbn', m[1]))
  for (const m of text.matchAll(ARXIV)) add(identifier('arxiv', m[1]))
  for (const m of text.matchAll(ISSN)) add(identifier('issn', m[1]))
  let urls = 0
  for (const m of text.matchAll(URL_RE)) {
    if (urls >= maxUrls) break
    if (/doi\.org\//i.test(m[0])) continue
    const before = found.length
    add(identifier('url', m[0]))
    if (found.length > before) urls++
  }
  return found
}

/** Merge identifier lists, first occurrence wins, DOIs first. */
export function mergeIdentifiers(...lists: DocumentIdentifier[][]): DocumentIdentifier[] {
  const out: DocumentIdentifier[] = []
  for (const list of lists)
    for (const id of list)
      if (!out.some((o) => o.type === id.type && o.value === id.value)) out.push(id)
  const order: IdentifierType[] = ['doi', 'isbn', 'arxiv', 'issn', 'url']
  return out.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))
}
