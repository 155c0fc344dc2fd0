/**
 * Reading quotes: the one place that knows how a `quotes` row (joined with its document and tags) becomes the
 * contract's `Quote`.
 */
import type {
  DocumentId,
  PageRect,
  Quote,
  QuoteColor,
  QuoteId,
  QuoteListArgs,
  QuotePlacement,
  TagId,
  TagRef,
} from '@shared/contract'
import { notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { wordSegments } from './quote-text'
import { type JoinedQuoteRow, quotesRepository } from './quotes.repository'

export const QUOTE_COLORS: readonly QuoteColor[] = [
  'yellow',
  'green',
  'blue',
  'pink',
  'purple',
  'orange',
]

export type { QuoteRow } from './quotes.repository'

type JoinedRow = JoinedQuoteRow

/** Authors are a JSON array in the documents table; a damaged value reads as no authors. */
export function parseAuthors(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : []
  } catch {
    return []
  }
}

/** Selection rectangles are JSON in `quotes.rects`; a damaged value reads as none (the text anchor still holds). */
export function parseRects(value: string | null | undefined): PageRect[] | null {
  if (!value) return null
  try {
    const parsed: unknown = JSON.parse(value)
    if (!Array.isArray(parsed)) return null
    const rects = parsed.filter(
      (r): r is PageRect =>
        typeof r === 'object' &&
        r !== null &&
        ['page', 'x', 'y', 'width', 'height'].every((k) =>
          Number.isFinite((r as Record<string, unknown>)[k]),
        ),
    )
    return rects.length > 0 ? rects : null
  } catch {
    return null
  }
}

const isColor = (c: string): c is QuoteColor => (QUOTE_COLORS as readonly string[]).includes(c)
const isPlacement = (p: string): p is QuotePlacement =>
  p === 'exact' || p === 'moved' || p === 'fuzzy' || p === 'unplaced'

function toQuote(row: JoinedRow, tags: TagRef[]): Quote {
  return {
    id: row.id as QuoteId,
    documentId: row.document_id as DocumentId,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start_offset,
    end: row.end_offset,
    page: row.page,
    pageLabel:
      typeof row.d_page_label === 'string' && row.d_page_label.trim() !== ''
        ? row.d_page_label
        : null,
    rects: parseRects(row.rects),
    paragraph: row.paragraph,
    note: row.note,
    color: isColor(row.color) ? row.color : 'yellow',
    placement: isPlacement(row.placement) ? row.placement : 'unplaced',
    sourceChange:
      row.current_text === null || row.current_text === undefined
        ? null
        : { currentText: row.current_text, diff: wordSegments(row.exact, row.current_text) },
    tags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    document: {
      title: row.d_title,
      authors: parseAuthors(row.d_authors),
      publishedAt: row.d_published_at,
      source: row.d_source,
      url: row.d_url,
      format: row.d_format,
      language: row.d_language,
    },
  }
}

/** Tags of many quotes in one query. */
function tagsOf(db: Db, ids: readonly number[]): Map<number, TagRef[]> {
  const byQuote = new Map<number, TagRef[]>()
  if (ids.length === 0) return byQuote
  for (const r of quotesRepository.tagRows(db, ids)) {
    const list = byQuote.get(r.quoteId) ?? []
    list.push({ id: r.id as TagId, name: r.name, color: r.color })
    byQuote.set(r.quoteId, list)
  }
  return byQuote
}

function hydrate(db: Db, rows: JoinedRow[]): Quote[] {
  const tags = tagsOf(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => toQuote(r, tags.get(r.id) ?? []))
}

/** One quote, or `not_found`. */
export function getQuote(db: Db, id: number): Quote {
  const row = quotesRepository.joinedById(db, id)
  if (!row) throw notFound('quote', id)
  return hydrate(db, [row])[0] as Quote
}

/** Quotes with these ids, in the order given; unknown ids are skipped. */
export function getQuotes(db: Db, ids: readonly number[]): Quote[] {
  if (ids.length === 0) return []
  const rows = quotesRepository.joinedByIds(db, ids)
  const byId = new Map(hydrate(db, rows).map((q) => [q.id as number, q]))
  return ids.map((id) => byId.get(id)).filter((q): q is Quote => q !== undefined)
}

export const DEFAULT_LIST_LIMIT = 500

/**
 * Filtered, paged list. Order: the given ids' order; within one document, reading order (unplaced last);
 * otherwise newest first.
 */
export function listQuotes(db: Db, args: QuoteListArgs): { total: number; quotes: Quote[] } {
  const total = quotesRepository.count(db, args)
  const rows = quotesRepository.page(db, args, args.limit ?? DEFAULT_LIST_LIMIT, args.offset ?? 0)
  return { total, quotes: hydrate(db, rows) }
}
