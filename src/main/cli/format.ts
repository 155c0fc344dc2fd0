/**
 * Text shaping for the CLI: marked snippets, tag lists and the JSON shapes documented in the README. Pure
 * functions, no I/O.
 */
import {
  type DocumentDetail,
  type DocumentSummary,
  MARK_END,
  MARK_START,
  type Quote,
  type SearchHit,
  type SearchResult,
} from '@shared/contract'

/** How marked text is shown: `**word**` in JSON and plain output, reverse video on a terminal. */
export type MarkStyle = { open: string; close: string }

export const PLAIN_MARKS: MarkStyle = { open: '**', close: '**' }
export const TERMINAL_MARKS: MarkStyle = { open: '\u001b[1;7m', close: '\u001b[0m' }

const ADJACENT_MARKS = new RegExp(`${MARK_END}([\\s\\p{P}]{0,3})${MARK_START}`, 'gu')

/**
 * Replace the search sentinels with visible marks. Marks separated only by a space or punctuation are joined, so
 * a matched phrase reads as one marked run: `**Mombasa-Nairobi Railway**`.
 */
export function markText(text: string, style: MarkStyle = PLAIN_MARKS): string {
  return text
    .replace(ADJACENT_MARKS, '$1')
    .replaceAll(MARK_START, style.open)
    .replaceAll(MARK_END, style.close)
}

/** Control characters other than tab and newline, removed before text reaches a terminal. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g
export const safeForTerminal = (text: string): string => text.replace(CONTROL, '')

/** A search hit as printed with `--json`: the API's fields, marks made visible. */
export function searchHitJson(hit: SearchHit, style: MarkStyle = PLAIN_MARKS) {
  return {
    type: hit.type,
    documentId: hit.documentId,
    ...(hit.quoteId !== undefined ? { quoteId: hit.quoteId } : {}),
    title: hit.title,
    source: hit.source,
    authors: hit.authors,
    publishedAt: hit.publishedAt,
    format: hit.format,
    snippet: markText(hit.snippet, style),
    passages: hit.passages.map((p) => ({
      text: markText(p.text, style),
      page: p.page,
      pageLabel: p.pageLabel,
    })),
    page: hit.page,
    pageLabel: hit.pageLabel,
    score: hit.score,
  }
}

export function searchJson(result: SearchResult) {
  return {
    total: result.total,
    hits: result.hits.map((hit) => searchHitJson(hit)),
    suggestions: result.suggestions,
    ...(result.message ? { message: result.message } : {}),
  }
}

/** A library row as printed with `--json` (tags by name). */
export function documentSummaryJson(doc: DocumentSummary) {
  return {
    id: doc.id,
    title: doc.title,
    authors: doc.authors,
    publishedAt: doc.publishedAt,
    source: doc.source,
    format: doc.format,
    language: doc.language,
    wordCount: doc.wordCount,
    tags: doc.tags.map((t) => t.name),
    quoteCount: doc.quoteCount,
    importedAt: doc.importedAt,
  }
}

/** `lectern show --json`. */
export function documentDetailJson(doc: DocumentDetail) {
  return {
    id: doc.id,
    title: doc.title,
    authors: doc.authors,
    publishedAt: doc.publishedAt,
    source: doc.source,
    url: doc.url,
    language: doc.language,
    format: doc.format,
    wordCount: doc.wordCount,
    tags: doc.tags.map((t) => t.name),
    quoteCount: doc.quoteCount,
    citationType: doc.citationType,
    containerTitle: doc.containerTitle,
    publisher: doc.publisher,
    doi: doc.doi,
    fileName: doc.fileName,
    sourcePath: doc.sourcePath,
    importedAt: doc.importedAt,
    updatedAt: doc.updatedAt,
    pageStarts: doc.pageStarts,
    warnings: doc.warnings,
    text: doc.text,
  }
}

/** A quote as printed with `--json`: `text` is the exact passage (the API's `exact`), tags by name. */
export function quoteJson(quote: Quote) {
  return {
    id: quote.id,
    documentId: quote.documentId,
    text: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: quote.start,
    end: quote.end,
    page: quote.page,
    paragraph: quote.paragraph,
    note: quote.note,
    color: quote.color,
    placement: quote.placement,
    tags: quote.tags.map((t) => t.name),
    createdAt: quote.createdAt,
    updatedAt: quote.updatedAt,
    document: quote.document,
  }
}

/** `Title — Source, 2025-04-24` for one-line listings. */
export function byline(doc: {
  title: string
  source: string | null
  publishedAt: string | null
  authors?: string[]
}): string {
  const who = doc.authors && doc.authors.length > 0 ? doc.authors.join(', ') : doc.source
  const parts = [who, doc.publishedAt].filter((p): p is string => Boolean(p))
  return parts.length > 0 ? `${doc.title} — ${parts.join(', ')}` : doc.title
}

/** Collapse whitespace and cut to `max` characters for one-line display. */
export function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
