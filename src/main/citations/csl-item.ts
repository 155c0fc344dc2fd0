/**
 * A document's bibliographic fields → one CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/).
 * Every document yields a valid item: no author and no date are left to the style ("n.d.", title in the author
 * position); when only a source is known it stands as an organisational author, as style guides ask.
 */

import { parse as parseName } from '@citation-js/name'
import { isOneOfAuthors } from '@shared/byline'
import type { CitationType, DocumentId } from '@shared/contract'

/** The fields a citation needs, as stored. */
export type CitableDocument = {
  id: DocumentId
  title: string
  authors: string[]
  publishedAt: string | null
  source: string | null
  url: string | null
  language: string | null
  citationType: CitationType
  containerTitle: string | null
  publisher: string | null
  doi: string | null
  accessedAt: string | null
  contentHash: string
  /** The stored BibTeX key (bibtex-keys.ts), when one was assigned. */
  bibtexKey?: string | null
  identifiers?: { type: string; value: string }[]
}

export type CslName = {
  family?: string
  given?: string
  suffix?: string
  literal?: string
  'non-dropping-particle'?: string
  'dropping-particle'?: string
}
export type CslDate = { 'date-parts': [number, number?, number?][] }

/** The CSL-JSON variables Lectern writes. */
export type CslItem = {
  id: string
  type: string
  title: string
  author?: CslName[]
  issued?: CslDate
  accessed?: CslDate
  'container-title'?: string
  publisher?: string
  URL?: string
  DOI?: string
  ISBN?: string
  ISSN?: string
  language?: string
  /** BibTeX key; set per export so keys are unique within it. */
  'citation-key'?: string
}

const CITATION_TYPES: readonly CitationType[] = [
  'article-newspaper',
  'article-journal',
  'article-magazine',
  'report',
  'book',
  'chapter',
  'webpage',
  'speech',
  'document',
]

/** The CSL item id of a document (stable, so exports of the same library agree). */
export const cslIdOf = (documentId: number): string => `doc-${documentId}`

/** Words that mark a name as an organisation (agency, outlet, office…) rather than a person. */
const ORGANISATION_WORDS = new Set(
  `agency agence news press office ministry department government house university college school institute
  association council committee commission bank corporation company co inc ltd llc plc gmbh foundation
  organisation organization society center centre service services bureau times post journal herald tribune
  guardian network broadcasting radio television tv group party union nations federation authority board court
  senate congress parliament embassy editors editorial staff team project daily weekly magazine review gazette
  library museum hospital trust fund council program programme initiative channel media reuters`
    .split(/\s+/)
    .filter(Boolean),
)

/**
 * True when `name` reads as an organisation: an acronym ("BBC"), a single word ("Xinhua"), digits or "&", or an
 * organisation word ("The White House", "Office of the Press Secretary").
 */
export function isOrganisation(name: string): boolean {
  const trimmed = name.trim()
  if (/[&\d@]/.test(trimmed)) return true
  const words = trimmed.split(/\s+/)
  if (words.length === 1) return true
  if (words.length > 5) return true
  if (words.every((w) => /^[A-Z][A-Z.]+$/.test(w))) return true
  return words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase().replace(/[.,]/g, '')))
}

const SUFFIX = /,?\s+(Jr\.?|Sr\.?|II|III|IV)$/

/** A person's name as CSL name parts ("Barack Obama", "Obama, Barack", "Ludwig van Beethoven", "X Y Jr."). */
export function personName(name: string): CslName {
  const trimmed = name.trim()
  const suffix = SUFFIX.exec(trimmed)
  const base = suffix ? trimmed.slice(0, suffix.index) : trimmed
  const parsed = parseName(base)
  if (!parsed.family) return { literal: trimmed }
  const out: CslName = { ...parsed }
  if (suffix?.[1]) out.suffix = suffix[1]
  return out
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → CSL date-parts; anything else is dropped. */
export function cslDate(value: string | null): CslDate | undefined {
  if (!value) return undefined
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value)
  if (!m) return undefined
  const parts: [number, number?, number?] = [Number(m[1])]
  if (m[2]) parts.push(Number(m[2]))
  if (m[2] && m[3]) parts.push(Number(m[3]))
  return { 'date-parts': [parts] }
}

const CONTAINER_TYPES = new Set<CitationType>([
  'article-newspaper',
  'article-journal',
  'article-magazine',
  'webpage',
  'chapter',
])

/** The CSL item for a document. */
export function toCslItem(doc: CitableDocument): CslItem {
  const item: CslItem = {
    id: cslIdOf(doc.id),
    type: CITATION_TYPES.includes(doc.citationType) ? doc.citationType : 'document',
    title: doc.title.trim() || 'Untitled',
  }
  const authors = doc.authors.map((a) => a.trim()).filter(Boolean)
  const source = doc.source?.trim() || null
  let sourceIsAuthor = false
  if (authors.length > 0) {
    item.author = authors.map((a) => (isOrganisation(a) ? { literal: a } : personName(a)))
  } else if (source) {
    item.author = [{ literal: source }]
    sourceIsAuthor = true
  }
  const issued = cslDate(doc.publishedAt)
  if (issued) item.issued = issued
  // APA 7 omits a site name or publisher that is the author ("Developer's Reference Team" as both an EPUB's
  // creator and its publisher); the stored fields keep both.
  const named = authors.length > 0 ? authors : source ? [source] : []
  const repeats = (party: string | null): boolean => isOneOfAuthors(party, named)
  const container = doc.containerTitle?.trim() || null
  if (container) {
    if (!repeats(container)) item['container-title'] = container
  } else if (
    source &&
    !sourceIsAuthor &&
    !repeats(source) &&
    CONTAINER_TYPES.has(doc.citationType)
  ) {
    item['container-title'] = source
  }
  const publisher = doc.publisher?.trim() || null
  if (publisher) {
    if (!repeats(publisher)) item.publisher = publisher
  } else if (
    source &&
    !sourceIsAuthor &&
    !repeats(source) &&
    !CONTAINER_TYPES.has(doc.citationType)
  ) {
    item.publisher = source
  }
  if (doc.url) item.URL = doc.url
  if (doc.doi) item.DOI = doc.doi
  const isbn = doc.identifiers?.find((i) => i.type === 'isbn')?.value
  if (isbn) item.ISBN = isbn
  const issn = doc.identifiers?.find((i) => i.type === 'issn')?.value
  if (issn) item.ISSN = issn
  if (!item.URL) {
    const arxiv = doc.identifiers?.find((i) => i.type === 'arxiv')?.value
    if (arxiv) item.URL = `https://arxiv.org/abs/${arxiv}`
  }
  if (doc.bibtexKey) item['citation-key'] = doc.bibtexKey
  if (doc.language) item.language = doc.language
  const accessed = cslDate(doc.accessedAt)
  if (accessed) item.accessed = accessed
  return item
}

/** A documents row as the documents repository reads it for citing. */
export type DocumentCitationRow = {
  id: number
  title: string
  authors: string
  published_at: string | null
  source: string | null
  url: string | null
  language: string | null
  citation_type: string
  container_title: string | null
  publisher: string | null
  doi: string | null
  accessed_at: string | null
  content_hash: string
  imported_at: string
  identifiers: string | null
}

function parseAuthorList(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : []
  } catch {
    return []
  }
}

function parseIdentifiers(value: string | null): { type: string; value: string }[] {
  if (!value) return []
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed)
      ? parsed.filter(
          (i): i is { type: string; value: string } =>
            typeof i === 'object' &&
            i !== null &&
            typeof i.type === 'string' &&
            typeof i.value === 'string',
        )
      : []
  } catch {
    return []
  }
}

/** Citation fields of these document rows (read by the documents repository), keyed by id. */
export function citableDocuments(
  rows: readonly DocumentCitationRow[],
): Map<number, CitableDocument> {
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id as DocumentId,
        title: r.title,
        authors: parseAuthorList(r.authors),
        publishedAt: r.published_at,
        source: r.source,
        url: r.url,
        language: r.language,
        citationType: (CITATION_TYPES as readonly string[]).includes(r.citation_type)
          ? (r.citation_type as CitationType)
          : 'document',
        containerTitle: r.container_title,
        publisher: r.publisher,
        doi: r.doi,
        // An online source's text was retrieved when it was imported: without a recorded access date, that is it
        // (APA prints "Retrieved <date>, from <URL>" for undated pages, which needs a date).
        accessedAt: r.accessed_at ?? (r.url ? r.imported_at.slice(0, 10) : null),
        contentHash: r.content_hash,
        identifiers: parseIdentifiers(r.identifiers),
      },
    ]),
  )
}
