/**
 * The palette's compact list: ids and the few short fields the renderer's FlexSearch worker indexes. With `since`
 * only rows changed after it are sent (an index on updated_at keeps that cheap), plus every live id as runs so the
 * receiver can drop deleted rows without a full reload.
 */
import type {
  DocumentFormat,
  DocumentId,
  IdRuns,
  PaletteEntries,
  PaletteEntriesArgs,
  PalettePart,
  PaletteQuoteRow,
  QuoteId,
  TagId,
} from '@shared/contract'
import type { Db } from '../db/connection'
import { all, sql } from '../db/sql'

const ALL_PARTS: readonly PalettePart[] = ['documents', 'quotes', 'tags', 'searches', 'comparisons']
/** Repeat rows written shortly before the last cursor: a write racing the previous read is sent again, not lost. */
const CURSOR_OVERLAP_MS = 2000
const QUOTE_WORDS = 12
const QUOTE_CHARS = 100

/** Sorted ids as inclusive runs: 100,000 mostly consecutive ids become a handful of pairs. */
export function idRuns(sortedIds: readonly number[]): IdRuns {
  const runs: IdRuns = []
  for (const id of sortedIds) {
    const last = runs[runs.length - 1]
    if (last && id === last[1] + 1) last[1] = id
    else runs.push([id, id])
  }
  return runs
}

/** The first words of a quote, as the palette shows and matches them. */
export function firstWords(text: string): string {
  const words = text.trim().split(/\s+/).slice(0, QUOTE_WORDS).join(' ')
  return words.length > QUOTE_CHARS ? `${words.slice(0, QUOTE_CHARS - 1)}…` : words
}

/**
 * Authors (a JSON array) as one line, joined in SQLite: parsing 100,000 arrays in JavaScript was most of the list
 * call's time. Malformed JSON gives '' rather than an error.
 */
const AUTHORS_LINE = sql`CASE WHEN json_valid(authors) AND json_type(authors) = 'array' THEN
  coalesce((SELECT group_concat(value, '; ') FROM json_each(authors) WHERE type = 'text'), '') ELSE '' END`

export function paletteEntries(db: Db, args: PaletteEntriesArgs): PaletteEntries {
  const parts = new Set(args.parts ?? ALL_PARTS)
  const since = args.since ?? null
  const cursor = new Date(Date.now() - CURSOR_OVERLAP_MS).toISOString()
  const result: PaletteEntries = { cursor }
  if (args.before !== undefined) parts.clear()
  if (args.before !== undefined) parts.add('documents')
  const read = db.transaction(() => {
    if (parts.has('documents')) {
      const changed = since === null ? sql`` : sql` AND updated_at >= ${since}`
      const rows = all<{
        id: number
        title: string
        authors: string
        source: string
        format: DocumentFormat
        language: string
      }>(
        db,
        args.limit === undefined
          ? sql`SELECT id, title, ${AUTHORS_LINE} AS authors, coalesce(source, '') AS source,
              format, coalesce(language, '') AS language
              FROM documents WHERE 1${changed} ORDER BY id`
          : // A page, newest first: the palette answers from the first page while the rest loads.
            sql`SELECT id, title, ${AUTHORS_LINE} AS authors, coalesce(source, '') AS source,
              format, coalesce(language, '') AS language
              FROM documents WHERE id < ${args.before ?? Number.MAX_SAFE_INTEGER}${changed}
              ORDER BY id DESC LIMIT ${args.limit + 1}`,
      )
      if (args.limit !== undefined && rows.length > args.limit) {
        rows.pop()
        result.next = (rows[rows.length - 1] as { id: number }).id
      }
      result.documents = rows.map((r) => [
        r.id as DocumentId,
        r.title,
        r.authors,
        r.source,
        r.format,
        r.language,
      ])
      // Live ids only tell a receiver what to drop, which only a `since` answer needs: a paged load starts empty,
      // and listing 100,000 ids took most of the first page's time.
      if (args.limit === undefined) {
        result.documentIds = idRuns(
          all<{ id: number }>(db, sql`SELECT id FROM documents ORDER BY id`).map((r) => r.id),
        )
      }
    }
    if (parts.has('quotes')) {
      const changed = since === null ? sql`` : sql` WHERE updated_at >= ${since}`
      const rows = all<{ id: number; document_id: number; exact: string }>(
        db,
        sql`SELECT id, document_id, substr(exact, 1, 400) AS exact FROM quotes${changed} ORDER BY id`,
      )
      result.quotes = rows.map(
        (r): PaletteQuoteRow => [r.id as QuoteId, r.document_id as DocumentId, firstWords(r.exact)],
      )
      result.quoteIds = idRuns(
        all<{ id: number }>(db, sql`SELECT id FROM quotes ORDER BY id`).map((r) => r.id),
      )
    }
    if (parts.has('tags')) {
      result.tags = all<{ id: number; name: string }>(
        db,
        sql`SELECT id, name FROM tags ORDER BY name COLLATE NOCASE`,
      ).map((r) => [r.id as TagId, r.name])
    }
    if (parts.has('searches')) {
      result.searches = all<{ id: number; name: string; query: string }>(
        db,
        sql`SELECT id, name, query FROM saved_searches ORDER BY name COLLATE NOCASE`,
      ).map((r) => [r.id, r.name, r.query])
    }
    if (parts.has('comparisons')) {
      result.comparisons = all<{ id: number; name: string }>(
        db,
        sql`SELECT id, name FROM comparisons ORDER BY updated_at DESC, id DESC`,
      ).map((r) => [r.id, r.name])
    }
  })
  read()
  return result
}
