/**
 * Bibliographic metadata from an HTML page's head: `<meta>` (OpenGraph, `article:*`, Dublin Core, Highwire
 * `citation_*`, plain `author`/`date`), JSON-LD (`NewsArticle`, `ScholarlyArticle`, `Report` …), `<time>`, the
 * canonical link and the document language. Read before Readability runs, because Readability changes the DOM.
 */
import type { CitationType, PartialDate } from '@shared/contract'
import { parseDate } from './dates'
import type { DomDocument, DomElement } from './dom'
import { oneLine } from './normalise'

export type HtmlMetadata = {
  title: string | null
  authors: string[]
  publishedAt: PartialDate | null
  siteName: string | null
  publisher: string | null
  containerTitle: string | null
  doi: string | null
  url: string | null
  language: string | null
  citationType: CitationType | null
  description: string | null
}

type JsonObject = { [key: string]: unknown }

const MAX_JSONLD_CHARS = 512 * 1024
const MAX_JSONLD_NODES = 5000

const ARTICLE_TYPES: Record<string, CitationType> = {
  newsarticle: 'article-newspaper',
  reportagenewsarticle: 'article-newspaper',
  analysisnewsarticle: 'article-newspaper',
  opinionnewsarticle: 'article-newspaper',
  scholarlyarticle: 'article-journal',
  medicalscholarlyarticle: 'article-journal',
  report: 'report',
  book: 'book',
  chapter: 'chapter',
  article: 'webpage',
  blogposting: 'webpage',
  techarticle: 'webpage',
  webpage: 'webpage',
}

/** All `<meta>` values keyed by lower-cased name / property / itemprop / http-equiv. */
function collectMeta(document: DomDocument): Map<string, string[]> {
  const metas = new Map<string, string[]>()
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const key = (
      meta.getAttribute('name') ??
      meta.getAttribute('property') ??
      meta.getAttribute('itemprop') ??
      meta.getAttribute('http-equiv') ??
      ''
    )
      .trim()
      .toLowerCase()
    const content = meta.getAttribute('content')?.trim()
    if (!key || !content) continue
    const list = metas.get(key)
    if (list) list.push(content)
    else metas.set(key, [content])
  }
  return metas
}

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every object in the page's JSON-LD blocks, walked iteratively (never recursion over untrusted trees). */
function jsonLdNodes(document: DomDocument): JsonObject[] {
  const nodes: JsonObject[] = []
  for (const script of Array.from(document.querySelectorAll('script'))) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue
    const raw = script.textContent ?? ''
    if (raw.length > MAX_JSONLD_CHARS) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      continue
    }
    const stack: unknown[] = [parsed]
    while (stack.length > 0 && nodes.length < MAX_JSONLD_NODES) {
      const value = stack.pop()
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push(value[i])
      } else if (isObject(value)) {
        nodes.push(value)
        if (Array.isArray(value['@graph'])) stack.push(value['@graph'])
      }
    }
  }
  return nodes
}

function typesOf(node: JsonObject): string[] {
  const t = node['@type']
  const list = Array.isArray(t) ? t : [t]
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase())
}

function stringOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) return stringOf(value[0])
  if (isObject(value)) return stringOf(value.name ?? value['@value'])
  return null
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value]
  return list
    .map((v) => (typeof v === 'string' ? v : isObject(v) ? stringOf(v.name) : null))
    .filter((v): v is string => !!v && !/^https?:\/\//i.test(v))
}

const absoluteHttp = (value: string | null | undefined): string | null => {
  if (!value) return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"]; leaves bylines that are not name lists alone. */
export function splitByline(byline: string): string[] {
  const cleaned = oneLine(byline, 300)
    .replace(/^by\s+/i, '')
    .replace(/\s*[|•·].*$/, '')
    .trim()
  if (!cleaned) return []
  const parts = cleaned.split(/\s*(?:,|;|\band\b|&)\s*/i).filter(Boolean)
  const nameLike = parts.every((p) => p.split(/\s+/).length <= 5 && /\p{Lu}/u.test(p))
  return nameLike ? parts : [cleaned]
}

/** Language tags as BCP 47: `en_US` → `en-US`. */
export function normaliseLanguage(value: string | null | undefined): string | null {
  const v = value?.trim().replace(/_/g, '-')
  if (!v || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(v)) return null
  const [lang, ...rest] = v.split('-')
  return [lang?.toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join('-')
}

const uniq = (list: string[]): string[] => {
  const seen = new Set<string>()
  const out: string[] = []
  for (const item of list.map((s) => oneLine(s, 200)).filter(Boolean)) {
    const key = item.toLowerCase()
    if (!seen.has(key)) {
      seen.add(key)
      out.push(item)
    }
  }
  return out
}

/** At most this many `lang` elements are weighed: a page quoting hundreds of words in other languages is not read twice. */
const MAX_LANG_ELEMENTS = 200

/**
 * The language declared on the element that holds most of the page's text, when the page declares none as a whole:
 * DocBook's HTML (the Debian Handbook in 30 languages) puts `lang` on the chapter's `<div>`, never on `<html>`, and
 * its Japanese pages were detected as English from their command listings. The deepest element holding at least
 * half the body's text wins, so a chapter in Japanese inside a wrapper marked English is Japanese.
 */
function contentLanguage(document: DomDocument): string | null {
  const body = document.body
  const total = body?.textContent?.trim().length ?? 0
  if (!body || total === 0) return null
  const declared = body.querySelectorAll('[lang]')
  let found: string | null = null
  for (let i = 0; i < Math.min(declared.length, MAX_LANG_ELEMENTS); i++) {
    const element = declared[i] as DomElement
    const language = normaliseLanguage(element.getAttribute('lang'))
    if (language && (element.textContent?.trim().length ?? 0) * 2 >= total) found = language
  }
  return found
}

/** Read the page's metadata. */
export function htmlMetadata(document: DomDocument): HtmlMetadata {
  const meta = collectMeta(document)
  const first = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = meta.get(k)?.[0]
      if (v) return v
    }
    return null
  }
  const all = (...keys: string[]): string[] => keys.flatMap((k) => meta.get(k) ?? [])

  const ld = jsonLdNodes(document)
  const article =
    ld.find((n) => typesOf(n).some((t) => t in ARTICLE_TYPES && t !== 'webpage')) ??
    ld.find((n) => typesOf(n).includes('webpage'))
  const ldType = article ? typesOf(article).find((t) => t in ARTICLE_TYPES) : undefined
  const ldPublisher = article ? stringOf(article.publisher) : null

  const title =
    first('citation_title', 'dc.title', 'dcterms.title', 'og:title', 'twitter:title') ??
    (article ? stringOf(article.headline ?? article.name) : null)

  let authors = uniq(all('citation_author'))
  if (authors.length === 0 && article) authors = uniq(namesOf(article.author ?? article.creator))
  if (authors.length === 0) authors = uniq(all('dc.creator', 'dcterms.creator'))
  if (authors.length === 0) authors = uniq(all('author').flatMap(splitByline))
  if (authors.length === 0)
    authors = uniq(
      all('article:author')
        .filter((a) => !/^https?:\/\//i.test(a))
        .flatMap(splitByline),
    )

  let publishedAt =
    parseDate(first('citation_publication_date', 'citation_date', 'citation_online_date')) ??
    parseDate(first('article:published_time', 'og:published_time')) ??
    (article ? parseDate(stringOf(article.datePublished ?? article.dateCreated)) : null) ??
    parseDate(
      first(
        'dc.date.issued',
        'dcterms.issued',
        'dcterms.created',
        'dc.date',
        'dcterms.date',
        'date',
        'pubdate',
        'publish-date',
        'publish_date',
        'publication_date',
        'sailthru.date',
        'parsely-pub-date',
        'datepublished',
      ),
    )
  if (!publishedAt) {
    const times = Array.from(document.querySelectorAll('time'))
    const preferred =
      times.find(
        (t: DomElement) =>
          t.hasAttribute('pubdate') || t.getAttribute('itemprop') === 'datePublished',
      ) ?? times[0]
    publishedAt = parseDate(preferred?.getAttribute('datetime') ?? preferred?.textContent ?? null)
  }

  const siteName = first('og:site_name', 'application-name') ?? ldPublisher
  const publisher = first('citation_publisher', 'dc.publisher', 'dcterms.publisher') ?? ldPublisher
  const containerTitle = first(
    'citation_journal_title',
    'citation_conference_title',
    'citation_book_title',
    'prism.publicationname',
  )
  const doiRaw = first('citation_doi', 'prism.doi', 'dc.identifier', 'dcterms.identifier')
  const doi = doiRaw ? (/\b(10\.\d{4,9}\/\S+)/.exec(doiRaw)?.[1] ?? null) : null

  const canonical = Array.from(document.querySelectorAll('link')).find((l) =>
    (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  )
  const url =
    absoluteHttp(canonical?.getAttribute('href')) ??
    absoluteHttp(first('og:url', 'citation_public_url', 'citation_abstract_html_url')) ??
    (article ? absoluteHttp(stringOf(article.url)) : null)

  const language =
    normaliseLanguage(document.documentElement?.getAttribute('lang')) ??
    normaliseLanguage(document.documentElement?.getAttribute('xml:lang')) ??
    normaliseLanguage(
      first('content-language', 'dc.language', 'dcterms.language', 'citation_language'),
    ) ??
    normaliseLanguage(first('og:locale')) ??
    (article ? normaliseLanguage(stringOf(article.inLanguage)) : null) ??
    contentLanguage(document)

  let citationType: CitationType | null = ldType ? (ARTICLE_TYPES[ldType] ?? null) : null
  if (!citationType || citationType === 'webpage') {
    if (containerTitle && meta.has('citation_journal_title')) citationType = 'article-journal'
    else if (meta.has('citation_technical_report_institution')) citationType = 'report'
    else if (meta.has('citation_dissertation_institution')) citationType = 'report'
  }

  return {
    title: title ? oneLine(title, 500) : null,
    authors,
    publishedAt,
    siteName: siteName ? oneLine(siteName, 200) : null,
    publisher: publisher ? oneLine(publisher, 200) : null,
    containerTitle: containerTitle ? oneLine(containerTitle, 300) : null,
    doi,
    url,
    language,
    citationType,
    description: first('description', 'og:description', 'dc.description'),
  }
}

/** The charset an HTML file declares in its first bytes (`<meta charset>`, http-equiv, XML declaration). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, 4096),
  ).toString('latin1')
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)
  return m?.[1] ?? null
}
