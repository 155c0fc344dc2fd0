/**
 * SQL over `quotes` and `quote_tags` (and the quote trash): every statement the quotes domain runs, on the one `sql`
 * template. Rows come back as stored (snake_case); quote-rows.ts turns them into the contract's `Quote`.
 */
import type { DocumentFormat, QuoteListArgs } from '@shared/contract'
import type { Db } from '../db/connection'
import { all, get, run, type SqlValue, sql } from '../db/sql'

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

/** A quote row with the document fields a `Quote` carries. */
export type JoinedQuoteRow = QuoteRow & {
  d_title: string
  d_authors: string
  d_published_at: string | null
  d_source: string | null
  d_url: string | null
  d_format: DocumentFormat
  d_language: string | null
  d_page_label: unknown
}

/** The printed label of the quote's page comes from the document's page table (migration 0070), when it has one. */
const SELECT_JOINED = sql`
  SELECT q.*, d.title AS d_title, d.authors AS d_authors, d.published_at AS d_published_at,
         d.source AS d_source, d.url AS d_url, d.format AS d_format, d.language AS d_language,
         CASE WHEN q.page IS NOT NULL AND json_valid(d.pages)
              THEN json_extract(d.pages, '$[' || (q.page - 1) || '].label') END AS d_page_label
    FROM quotes q JOIN documents d ON d.id = q.document_id`

/** What reanchoring reads of each quote of a document. */
export type AnchorRow = {
  id: number
  exact: string
  prefix: string
  suffix: string
  start: number | null
  end: number | null
  page: number | null
  paragraph: number | null
  placement: string
  currentText: string | null
}

export type QuoteTagRow = { quoteId: number; id: number; name: string; color: string | null }

/** A new quote's stored fields (placement starts 'exact'). */
export type NewQuoteRow = {
  documentId: number
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  page: number | null
  paragraph: number | null
  note: string
  color: string
  rects: string | null
  now: string
}

const idsJson = (ids: readonly number[]): string => JSON.stringify(ids)

function listWhere(args: QuoteListArgs) {
  const where = [
    args.documentId !== undefined ? sql`q.document_id = ${args.documentId}` : null,
    args.placement !== undefined ? sql`q.placement = ${args.placement}` : null,
    args.ids !== undefined
      ? sql`q.id IN (SELECT value FROM json_each(${idsJson(args.ids)}))`
      : null,
    args.tag !== undefined
      ? sql`q.id IN (SELECT qt.quote_id FROM quote_tags qt JOIN tags t ON t.id = qt.tag_id WHERE t.name = ${args.tag})`
      : null,
  ].filter((w) => w !== null)
  return where.length > 0 ? sql` WHERE ${sql.join(where, ' AND ')}` : sql.empty
}

export const quotesRepository = Object.freeze({
  joinedById(db: Db, id: number): JoinedQuoteRow | undefined {
    return get<JoinedQuoteRow>(db, sql`${SELECT_JOINED} WHERE q.id = ${id}`)
  },

  /** Rows of these ids, in no particular order; unknown ids are skipped. */
  joinedByIds(db: Db, ids: readonly number[]): JoinedQuoteRow[] {
    return all<JoinedQuoteRow>(
      db,
      sql`${SELECT_JOINED} WHERE q.id IN (SELECT value FROM json_each(${idsJson(ids)}))`,
    )
  },

  count(db: Db, args: QuoteListArgs): number {
    return (
      get<{ n: number }>(db, sql`SELECT count(*) AS n FROM quotes q${listWhere(args)}`) ?? { n: 0 }
    ).n
  },

  /**
   * One page of the filtered list. Order: the given ids' order; within one document, reading order (unplaced
   * last); otherwise newest first.
   */
  page(db: Db, args: QuoteListArgs, limit: number, offset: number): JoinedQuoteRow[] {
    const order =
      args.ids !== undefined
        ? sql`(SELECT min(key) FROM json_each(${idsJson(args.ids)}) WHERE value = q.id), q.id`
        : args.documentId !== undefined
          ? sql`q.start_offset IS NULL, q.start_offset, q.id`
          : sql`q.created_at DESC, q.id DESC`
    return all<JoinedQuoteRow>(
      db,
      sql`${SELECT_JOINED}${listWhere(args)} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    )
  },

  /** Tags of many quotes in one query, by tag name. */
  tagRows(db: Db, ids: readonly number[]): QuoteTagRow[] {
    return all<QuoteTagRow>(
      db,
      sql`SELECT qt.quote_id AS quoteId, t.id, t.name, t.color
            FROM quote_tags qt JOIN tags t ON t.id = qt.tag_id
           WHERE qt.quote_id IN (SELECT value FROM json_each(${idsJson(ids)}))
           ORDER BY t.name COLLATE NOCASE`,
    )
  },

  exists(db: Db, id: number): boolean {
    return get(db, sql`SELECT 1 AS one FROM quotes WHERE id = ${id}`) !== undefined
  },

  insert(db: Db, q: NewQuoteRow): number {
    return run(
      db,
      sql`INSERT INTO quotes (document_id, exact, prefix, suffix, start_offset, end_offset, page, paragraph,
                              note, color, placement, created_at, updated_at, rects)
          VALUES (${q.documentId}, ${q.exact}, ${q.prefix}, ${q.suffix}, ${q.start}, ${q.end}, ${q.page},
                  ${q.paragraph}, ${q.note}, ${q.color}, 'exact', ${q.now}, ${q.now}, ${q.rects})`,
    ).lastInsertRowid
  },

  /** Put a deleted quote back (its id when given and free, else a new one); returns the id it got. */
  reinsert(db: Db, q: QuoteRow, id: number | null): number {
    return run(
      db,
      sql`INSERT INTO quotes (id, document_id, exact, prefix, suffix, start_offset, end_offset, page, paragraph,
                              note, color, placement, current_text, created_at, updated_at, rects)
          VALUES (${id}, ${q.document_id}, ${q.exact}, ${q.prefix}, ${q.suffix}, ${q.start_offset},
                  ${q.end_offset}, ${q.page}, ${q.paragraph}, ${q.note}, ${q.color}, ${q.placement},
                  ${q.current_text ?? null}, ${q.created_at}, ${q.updated_at}, ${q.rects ?? null})`,
    ).lastInsertRowid
  },

  setNote(db: Db, id: number, note: string, now: string): void {
    run(db, sql`UPDATE quotes SET note = ${note}, updated_at = ${now} WHERE id = ${id}`)
  },

  setColor(db: Db, id: number, color: string, now: string): void {
    run(db, sql`UPDATE quotes SET color = ${color}, updated_at = ${now} WHERE id = ${id}`)
  },

  touch(db: Db, id: number, now: string): void {
    run(db, sql`UPDATE quotes SET updated_at = ${now} WHERE id = ${id}`)
  },

  rowsByIds(db: Db, ids: readonly number[]): QuoteRow[] {
    return all<QuoteRow>(
      db,
      sql`SELECT * FROM quotes WHERE id IN (SELECT value FROM json_each(${idsJson(ids)})) ORDER BY id`,
    )
  },

  /** Tag names of these quotes, for the trash (a tag may be gone by the undo). */
  tagNames(
    db: Db,
    ids: readonly number[],
  ): { quoteId: number; name: string; color: string | null }[] {
    return all(
      db,
      sql`SELECT qt.quote_id AS quoteId, t.name, t.color FROM quote_tags qt JOIN tags t ON t.id = qt.tag_id
           WHERE qt.quote_id IN (SELECT value FROM json_each(${idsJson(ids)}))`,
    )
  },

  deleteMany(db: Db, ids: readonly number[]): number {
    return run(
      db,
      sql`DELETE FROM quotes WHERE id IN (SELECT value FROM json_each(${idsJson(ids)}))`,
    ).changes
  },

  /** Replace a quote's tag links with exactly these tag ids. */
  setTagLinks(db: Db, quoteId: number, tagIds: readonly number[]): void {
    run(db, sql`DELETE FROM quote_tags WHERE quote_id = ${quoteId}`)
    for (const id of tagIds) quotesRepository.linkTag(db, quoteId, id)
  },

  linkTag(db: Db, quoteId: number, tagId: number): void {
    run(db, sql`INSERT OR IGNORE INTO quote_tags (quote_id, tag_id) VALUES (${quoteId}, ${tagId})`)
  },

  anchorRows(db: Db, documentId: number): AnchorRow[] {
    return all<AnchorRow>(
      db,
      sql`SELECT id, exact, prefix, suffix, start_offset AS start, end_offset AS end, page, paragraph, placement,
                 current_text AS currentText
            FROM quotes WHERE document_id = ${documentId} ORDER BY id`,
    )
  },

  setAnchor(
    db: Db,
    id: number,
    a: {
      prefix: string
      suffix: string
      start: number
      end: number
      page: number | null
      paragraph: number | null
      placement: string
      currentText: string | null
    },
    now: string,
  ): void {
    run(
      db,
      sql`UPDATE quotes SET prefix = ${a.prefix}, suffix = ${a.suffix}, start_offset = ${a.start},
                 end_offset = ${a.end}, page = ${a.page}, paragraph = ${a.paragraph}, placement = ${a.placement},
                 current_text = ${a.currentText}, updated_at = ${now} WHERE id = ${id}`,
    )
  },

  unplace(db: Db, id: number, now: string): void {
    run(
      db,
      sql`UPDATE quotes SET start_offset = NULL, end_offset = NULL, page = NULL, paragraph = NULL,
                 placement = 'unplaced', current_text = NULL, updated_at = ${now} WHERE id = ${id}`,
    )
  },

  /** A quote's offsets and "source changed" text, with its document's text. */
  withDocumentText(
    db: Db,
    id: number,
  ):
    | { start: number | null; end: number | null; currentText: string | null; text: string }
    | undefined {
    return get(
      db,
      sql`SELECT q.start_offset AS start, q.end_offset AS end, q.current_text AS currentText, d.text AS text
            FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.id = ${id}`,
    )
  },

  setWords(
    db: Db,
    id: number,
    words: { exact: string; prefix: string; suffix: string },
    now: string,
  ): void {
    run(
      db,
      sql`UPDATE quotes SET exact = ${words.exact}, prefix = ${words.prefix}, suffix = ${words.suffix},
                 placement = 'exact', current_text = NULL, updated_at = ${now} WHERE id = ${id}`,
    )
  },

  /** Keep a delete's payload in the trash under `token`. */
  trash(db: Db, token: string, payload: string, now: string): void {
    run(
      db,
      sql`INSERT INTO trash (token, kind, payload, deleted_at) VALUES (${token}, 'quotes', ${payload}, ${now})`,
    )
  },

  trashed(db: Db, token: string): string | undefined {
    return get<{ payload: string }>(
      db,
      sql`SELECT payload FROM trash WHERE token = ${token} AND kind = 'quotes'`,
    )?.payload
  },

  untrash(db: Db, token: string): void {
    run(db, sql`DELETE FROM trash WHERE token = ${token}`)
  },

  /** A JSON value of the `settings` table. */
  setting(db: Db, key: string): string | undefined {
    return get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`)?.value
  },

  setSetting(db: Db, key: string, value: SqlValue): void {
    run(
      db,
      sql`INSERT INTO settings (key, value) VALUES (${key}, ${value})
          ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    )
  },
})
