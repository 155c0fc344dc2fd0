/**
 * SQL over `documents` for the library views. Lists never read `text`, `html` or the other large columns: a page of
 * ids comes from an index walk, then only that page's summary columns, tags and quote counts are read, so a list
 * stays fast at 100,000 documents (see migration 0020 for the sort indexes).
 */
import type {
  DocumentId,
  DocumentMetadata,
  DocumentSortKey,
  PartialDate,
  TagId,
  TagRef,
} from '@shared/contract'
import type { Db } from '../db/connection'
import { all, get, run, type Sql, type SqlValue, sql } from '../db/sql'
import { type DocumentRow, type DocumentSummaryRow, SUMMARY_COLUMNS } from './document-rows'

export type DocumentFilter = {
  tags?: readonly string[]
  source?: string
  after?: PartialDate
  before?: PartialDate
}

/** Sort expressions, one per key; a switch over the closed union keeps user text out of the SQL. */
function sortExpression(key: DocumentSortKey, order: 'asc' | 'desc'): Sql {
  switch (key) {
    case 'title':
      return sql.trusted('d.title COLLATE NOCASE')
    case 'authors':
      return sql.trusted('d.authors COLLATE NOCASE')
    case 'publishedAt':
      // Undated documents last in both directions (NULL sorts lowest); index documents_by_published_at_dated_first.
      return sql.trusted(
        order === 'asc' ? 'd.published_at IS NULL, d.published_at' : 'd.published_at',
      )
    case 'source':
      return sql.trusted('d.source COLLATE NOCASE')
    case 'wordCount':
      return sql.trusted('d.word_count')
    case 'importedAt':
      return sql.trusted('d.imported_at')
  }
}

/**
 * Upper bound for an inclusive `before` on partial dates: `before 2025-04` must keep `2025-04-30`, so compare
 * against `2025-04~` ('~' sorts after every digit and '-').
 */
const inclusiveUpper = (date: PartialDate): string => `${date}~`

function whereClause(filter: DocumentFilter): Sql {
  const parts: Sql[] = []
  for (const tag of new Set(filter.tags ?? [])) {
    // One indexed IN per tag (document_tags_by_tag); together they intersect: every tag must be present.
    parts.push(
      sql`d.id IN (SELECT dt.document_id FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE t.name = ${tag})`,
    )
  }
  if (filter.source !== undefined) parts.push(sql`d.source = ${filter.source} COLLATE NOCASE`)
  if (filter.after !== undefined) parts.push(sql`d.published_at >= ${filter.after}`)
  if (filter.before !== undefined)
    parts.push(sql`d.published_at < ${inclusiveUpper(filter.before)}`)
  return parts.length > 0 ? sql`WHERE ${sql.join(parts, ' AND ')}` : sql.empty
}

const idList = (ids: readonly number[]): string => JSON.stringify(ids)

/** Per connection: an fts5vocab view of the documents index, for document frequencies of terms. */
const vocabReady = new WeakSet<Db>()
function ensureVocabView(db: Db): void {
  if (vocabReady.has(db)) return
  run(
    db,
    sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.lectern_documents_vocab USING fts5vocab(main, 'documents_fts', 'row')`,
  )
  vocabReady.add(db)
}

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

export type BibtexRow = {
  id: number
  title: string
  authors: string
  published_at: string | null
  source: string | null
  bibtex_key: string | null
}

export type MetadataReviewRow = {
  id: number
  title: string
  authors: string
  published_at: string | null
  provenance: string | null
}

export const documentsRepository = Object.freeze({
  /** Documents matching the filter, regardless of paging. */
  count(db: Db, filter: DocumentFilter): number {
    return get<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM documents d ${whereClause(filter)}`,
    )!.n
  },

  /** One page of ids in the requested order (ties broken by id, in the same direction). */
  pageIds(
    db: Db,
    filter: DocumentFilter,
    sort: DocumentSortKey,
    order: 'asc' | 'desc',
    offset: number,
    limit: number,
  ): DocumentId[] {
    const direction = order === 'desc' ? sql.trusted('DESC') : sql.trusted('ASC')
    const rows = all<{ id: DocumentId }>(
      db,
      sql`SELECT d.id FROM documents d ${whereClause(filter)}
          ORDER BY ${sortExpression(sort, order)} ${direction}, d.id ${direction}
          LIMIT ${limit} OFFSET ${offset}`,
    )
    return rows.map((r) => r.id)
  },

  /** Summary columns of the given documents (any order). */
  summaries(db: Db, ids: readonly number[]): DocumentSummaryRow[] {
    if (ids.length === 0) return []
    return all<DocumentSummaryRow>(
      db,
      sql`SELECT ${sql.trusted(SUMMARY_COLUMNS)} FROM documents d
          WHERE d.id IN (SELECT value FROM json_each(${idList(ids)}))`,
    )
  },

  /** Tags of each given document, by name. */
  tagsOf(db: Db, ids: readonly number[]): Map<number, TagRef[]> {
    const map = new Map<number, TagRef[]>()
    if (ids.length === 0) return map
    const rows = all<{ document_id: number; id: TagId; name: string; color: string | null }>(
      db,
      sql`SELECT dt.document_id, t.id, t.name, t.color FROM document_tags dt JOIN tags t ON t.id = dt.tag_id
          WHERE dt.document_id IN (SELECT value FROM json_each(${idList(ids)}))
          ORDER BY t.name COLLATE NOCASE`,
    )
    for (const row of rows) {
      const list = map.get(row.document_id) ?? []
      list.push({ id: row.id, name: row.name, color: row.color })
      map.set(row.document_id, list)
    }
    return map
  },

  /** Number of quotes of each given document (documents without quotes are absent). */
  quoteCounts(db: Db, ids: readonly number[]): Map<number, number> {
    if (ids.length === 0) return new Map()
    const rows = all<{ document_id: number; n: number }>(
      db,
      sql`SELECT document_id, count(*) AS n FROM quotes
          WHERE document_id IN (SELECT value FROM json_each(${idList(ids)})) GROUP BY document_id`,
    )
    return new Map(rows.map((r) => [r.document_id, r.n]))
  },

  getRow(db: Db, id: number): DocumentRow | undefined {
    return get<DocumentRow>(db, sql`SELECT * FROM documents WHERE id = ${id}`)
  },

  /** The subset of `ids` that exist. */
  existingIds(db: Db, ids: readonly number[]): Set<number> {
    if (ids.length === 0) return new Set()
    const rows = all<{ id: number }>(
      db,
      sql`SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(${idList(ids)}))`,
    )
    return new Set(rows.map((r) => r.id))
  },

  /** Write the given metadata fields (and `updated_at`). FTS rows follow through the `documents_au` trigger. */
  updateMetadata(db: Db, id: number, patch: Partial<DocumentMetadata>, now: string): void {
    const sets: Sql[] = []
    const set = (column: string, value: SqlValue): void => {
      sets.push(sql`${sql.trusted(column)} = ${value}`)
    }
    if (patch.title !== undefined) set('title', patch.title)
    if (patch.authors !== undefined) set('authors', JSON.stringify(patch.authors))
    if (patch.publishedAt !== undefined) set('published_at', patch.publishedAt)
    if (patch.source !== undefined) set('source', patch.source)
    if (patch.url !== undefined) set('url', patch.url)
    if (patch.language !== undefined) {
      set('language', patch.language)
      set('language_source', patch.language === null ? null : 'edited') // provenance (migration 0090)
    }
    if (patch.citationType !== undefined) set('citation_type', patch.citationType)
    if (patch.containerTitle !== undefined) set('container_title', patch.containerTitle)
    if (patch.publisher !== undefined) set('publisher', patch.publisher)
    if (patch.doi !== undefined) set('doi', patch.doi)
    if (patch.accessedAt !== undefined) set('accessed_at', patch.accessedAt)
    if (sets.length === 0) return
    // Every field a person sets is a `user` field: it wins over any later import or re-extraction.
    const corrected = (
      ['title', 'authors', 'publishedAt', 'source', 'publisher', 'language', 'url'] as const
    ).filter((f) => patch[f] !== undefined)
    if (patch.doi !== undefined) corrected.push('identifiers' as never)
    if (corrected.length > 0) {
      const userMark = JSON.stringify({ origin: 'user', confidence: 1 })
      let expr = sql`coalesce(provenance, '{}')`
      for (const field of corrected)
        expr = sql`json_set(${expr}, ${`$.${field}`}, json(${userMark}))`
      sets.push(sql`provenance = ${expr}`)
    }
    if (patch.doi !== undefined)
      sets.push(
        sql`identifiers = ${patch.doi ? JSON.stringify([{ type: 'doi', value: patch.doi.trim().toLowerCase() }]) : null}`,
      )
    set('updated_at', now)
    run(db, sql`UPDATE documents SET ${sql.join(sets, ', ')} WHERE id = ${id}`)
  },

  /** Distinct sources with counts, most documents first. */
  sources(db: Db): { source: string; count: number }[] {
    return all<{ source: string; count: number }>(
      db,
      sql`SELECT source, count(*) AS count FROM documents WHERE source IS NOT NULL AND source <> ''
          GROUP BY source COLLATE NOCASE ORDER BY count DESC, source COLLATE NOCASE`,
    )
  },

  /** Total number of documents. */
  total(db: Db): number {
    return get<{ n: number }>(db, sql`SELECT count(*) AS n FROM documents`)!.n
  },
  /** What quoting needs of a document: its text and page starts. */
  textOf(
    db: Db,
    id: number,
  ): { id: number; title: string; text: string; page_starts: string | null } | undefined {
    return get(db, sql`SELECT id, title, text, page_starts FROM documents WHERE id = ${id}`)
  },

  titleOf(db: Db, id: number): string | undefined {
    return get<{ title: string }>(db, sql`SELECT title FROM documents WHERE id = ${id}`)?.title
  },

  /** The citation fields of these documents (citations/csl-item.ts turns them into CSL). */
  citationRows(db: Db, ids: readonly number[]): DocumentCitationRow[] {
    return all<DocumentCitationRow>(
      db,
      sql`SELECT id, title, authors, published_at, source, url, language, citation_type, container_title,
                 publisher, doi, accessed_at, content_hash, imported_at, identifiers
            FROM documents WHERE id IN (SELECT value FROM json_each(${idList([...new Set(ids)])}))`,
    )
  },

  /** What a BibTeX key is made of, for these documents, by id. */
  bibtexRows(db: Db, ids: readonly number[]): BibtexRow[] {
    return all<BibtexRow>(
      db,
      sql`SELECT id, title, authors, published_at, source, bibtex_key FROM documents
           WHERE id IN (SELECT value FROM json_each(${idList([...new Set(ids)])})) ORDER BY id`,
    )
  },

  bibtexKeyTaken(db: Db, key: string): boolean {
    return get(db, sql`SELECT 1 AS one FROM documents WHERE bibtex_key = ${key}`) !== undefined
  },

  /** Store a document's first key (never replaces one). */
  storeBibtexKey(db: Db, id: number, key: string): void {
    run(db, sql`UPDATE documents SET bibtex_key = ${key} WHERE id = ${id} AND bibtex_key IS NULL`)
  },

  /** Title, authors, date and their provenance: what the metadata check reads (all documents, or these). */
  reviewRows(db: Db, ids?: readonly number[]): MetadataReviewRow[] {
    return ids
      ? all<MetadataReviewRow>(
          db,
          sql`SELECT id, title, authors, published_at, provenance FROM documents
               WHERE id IN (SELECT value FROM json_each(${idList(ids)})) ORDER BY id`,
        )
      : all<MetadataReviewRow>(
          db,
          sql`SELECT id, title, authors, published_at, provenance FROM documents ORDER BY id`,
        )
  },

  /** How many documents hold each term, from the full-text index (terms in none are left out). */
  documentFrequencies(db: Db, terms: readonly string[]): Map<string, number> {
    ensureVocabView(db)
    const out = new Map<string, number>()
    for (const term of terms) {
      const row = get<{ doc: number }>(
        db,
        sql`SELECT doc FROM temp.lectern_documents_vocab WHERE term = ${term}`,
      )
      if (row) out.set(term, row.doc)
    }
    return out
  },

  /** Documents matching an FTS5 expression, best first (bm25), except one; with their text and page starts. */
  matching(
    db: Db,
    match: string,
    excludeId: number,
    limit: number,
  ): {
    id: number
    title: string
    source: string | null
    published_at: string | null
    text: string
    page_starts: string | null
    page_labels: string | null
  }[] {
    return all(
      db,
      sql`SELECT d.id, d.title, d.source, d.published_at, d.text, d.page_starts,
                 (SELECT json_group_array(json_extract(value, '$.label') ORDER BY key) FROM json_each(CASE WHEN json_valid(d.pages) THEN d.pages END)) AS page_labels
            FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
           WHERE documents_fts MATCH ${match} AND documents_fts.rowid != ${excludeId}
           ORDER BY bm25(documents_fts) LIMIT ${limit}`,
    )
  },

  /** Documents whose file has this name and whose source path lies under `prefix` (a folder, with its separator). */
  underFolderNamed(
    db: Db,
    prefix: string,
    fileName: string,
  ): { id: DocumentId; path: string; text: string }[] {
    return all(
      db,
      sql`SELECT id, source_path AS path, text FROM documents
           WHERE file_name = ${fileName} AND substr(source_path, 1, ${prefix.length}) = ${prefix} ORDER BY id`,
    )
  },
})
