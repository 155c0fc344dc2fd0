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

export const QUOTE_COLORS: readonly QuoteColor[] = [
  'yellow',
  'green',
  'blue',
  'pink',
  'purple',
  'orange',
]

/** A stored quote row, snake_case as in SQLite. */
export type QuoteRow = {
  id: number
  document_id: number
  exact: string
  prefix: string
  suffix: string
  start_offset: number | null
  end_offset: number | null
  page: number | null
  paragraph: number | null
  /** JSON PageRect[] (migration 0070); absent on rows read before it. */
  rects?: string | null
  note: string
  color: string
  placement: string
  /** The source's words at the quote's position when they differ from `exact` (see reanchor.ts). */
  current_text: string | null
  created_at: string
  updated_at: string
}

type JoinedRow = QuoteRow & {
  d_title: string
  d_authors: string
  d_published_at: string | null
  d_source: string | null
  d_url: string | null
  d_page_label: unknown
}

/** The printed label of the quote's page comes from the document's page table (migration 0070), when it has one. */
const SELECT_JOINED = `
  SELECT q.*, d.title AS d_title, d.authors AS d_authors, d.published_at AS d_published_at,
         d.source AS d_source, d.url AS d_url,
         CASE WHEN q.page IS NOT NULL AND json_valid(d.pages)
              THEN json_extract(d.pages, '$[' || (q.page - 1) || '].label') END AS d_page_label
    FROM quotes q JOIN documents d ON d.id = q.document_id`

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
    },
  }
}

/** Tags of many quotes in one query. */
function tagsOf(db: Db, ids: readonly number[]): Map<number, TagRef[]> {
  const byQuote = new Map<number, TagRef[]>()
  if (ids.length === 0) return byQuote
  const rows = db
    .prepare(
      `SELECT qt.quote_id AS quoteId, t.id, t.name, t.color
         FROM quote_tags qt JOIN tags t ON t.id = qt.tag_id
        WHERE qt.quote_id IN (SELECT value FROM json_each(?))
        ORDER BY t.name COLLATE NOCASE`,
    )
    .all(JSON.stringify(ids)) as {
    quoteId: number
    id: number
    name: string
    color: string | null
  }[]
  for (const r of rows) {
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
  const row = db.prepare(`${SELECT_JOINED} WHERE q.id = ?`).get(id) as JoinedRow | undefined
  if (!row) throw notFound('quote', id)
  return hydrate(db, [row])[0] as Quote
}

/** Quotes with these ids, in the order given; unknown ids are skipped. */
export function getQuotes(db: Db, ids: readonly number[]): Quote[] {
  if (ids.length === 0) return []
  const rows = db
    .prepare(`${SELECT_JOINED} WHERE q.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as JoinedRow[]
  const byId = new Map(hydrate(db, rows).map((q) => [q.id as number, q]))
  return ids.map((id) => byId.get(id)).filter((q): q is Quote => q !== undefined)
}

export const DEFAULT_LIST_LIMIT = 500

/**
 * Filtered, paged list. Order: the given ids' order; within one document, reading order (unplaced last);
 * otherwise newest first.
 */
export function listQuotes(db: Db, args: QuoteListArgs): { total: number; quotes: Quote[] } {
  const where: string[] = []
  const params: (string | number)[] = []
  if (args.documentId !== undefined) {
    where.push('q.document_id = ?')
    params.push(args.documentId)
  }
  if (args.placement !== undefined) {
    where.push('q.placement = ?')
    params.push(args.placement)
  }
  if (args.ids !== undefined) {
    where.push('q.id IN (SELECT value FROM json_each(?))')
    params.push(JSON.stringify(args.ids))
  }
  if (args.tag !== undefined) {
    where.push(
      'q.id IN (SELECT qt.quote_id FROM quote_tags qt JOIN tags t ON t.id = qt.tag_id WHERE t.name = ?)',
    )
    params.push(args.tag)
  }
  const whereSql = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''
  const total = (
    db.prepare(`SELECT count(*) AS n FROM quotes q${whereSql}`).get(...params) as { n: number }
  ).n
  const orderParams: string[] = []
  let order = 'q.created_at DESC, q.id DESC'
  if (args.ids !== undefined) {
    order = '(SELECT min(key) FROM json_each(?) WHERE value = q.id), q.id'
    orderParams.push(JSON.stringify(args.ids))
  } else if (args.documentId !== undefined) {
    order = 'q.start_offset IS NULL, q.start_offset, q.id'
  }
  const limit = args.limit ?? DEFAULT_LIST_LIMIT
  const offset = args.offset ?? 0
  const rows = db
    .prepare(`${SELECT_JOINED}${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, ...orderParams, limit, offset) as JoinedRow[]
  const quotes = hydrate(db, rows)
  return { total, quotes }
}
