/**
 * SQL of the import writer (store.ts): finding a file's earlier document, inserting or updating it, keeping its
 * original and the import log, and FTS5's merge policy during bulk imports. The write statements are the hot path of
 * an import, so they are prepared once per connection with named parameters (through db/sql.ts's `prepared`: text
 * fixed here, values always bound).
 */
import type { DocumentId, ImportStatus, Timestamp } from '@shared/contract'
import type { Db } from '../db/connection'
import { all, get, prepared, run, sql } from '../db/sql'

export type Statements = ReturnType<typeof prepare>

function prepare(db: Db) {
  return {
    byHash: prepared(db, 'SELECT id, title FROM documents WHERE content_hash = ?'),
    byPath: prepared(
      db,
      `SELECT id, content_hash, import_meta, title, authors, published_at, source, url, language, citation_type,
              container_title, publisher, doi, provenance
         FROM documents WHERE source_path = ? ORDER BY id DESC LIMIT 1`,
    ),
    byDoi: prepared(
      db,
      'SELECT id, title FROM documents WHERE lower(doi) = lower(?) AND doi IS NOT NULL ORDER BY id LIMIT 1',
    ),
    byId: prepared(
      db,
      `SELECT id, content_hash, import_meta, title, authors, published_at, source, url, language, citation_type,
              container_title, publisher, doi, provenance
         FROM documents WHERE id = ?`,
    ),
    insert: prepared(
      db,
      `INSERT INTO documents (title, authors, published_at, source, url, language, language_source, format, file_name, source_path,
         content_hash, text, html, page_starts, toc, warnings, word_count, citation_type, container_title, publisher,
         doi, imported_at, updated_at, import_meta, provenance, identifiers, file_date, pages, original_sha256)
       VALUES (@title, @authors, @publishedAt, @source, @url, @language, @languageSource, @format, @fileName, @sourcePath,
         @contentHash, @text, @html, @pageStarts, @toc, @warnings, @wordCount, @citationType, @containerTitle,
         @publisher, @doi, @now, @now, @importMeta, @provenance, @identifiers, @fileDate, @pages, @original)`,
    ),
    update: prepared(
      db,
      `UPDATE documents SET title = @title, authors = @authors, published_at = @publishedAt, source = @source,
         url = @url, language = @language, language_source = @languageSource, format = @format, file_name = @fileName, content_hash = @contentHash,
         text = @text, html = @html, page_starts = @pageStarts, toc = @toc, warnings = @warnings,
         word_count = @wordCount, citation_type = @citationType, container_title = @containerTitle,
         publisher = @publisher, doi = @doi, updated_at = @now, import_meta = @importMeta,
         provenance = @provenance, identifiers = @identifiers, file_date = @fileDate, pages = @pages,
         original_sha256 = coalesce(@original, original_sha256)
       WHERE id = @id`,
    ),
    // Re-extraction whose searchable fields came out the same: leaves title, authors, source and text out of the SET
    // list, so the search-index triggers (UPDATE OF those columns) do not re-segment and re-index an identical text.
    updateKeepingText: prepared(
      db,
      `UPDATE documents SET published_at = @publishedAt,
         url = @url, language = @language, language_source = @languageSource, format = @format, file_name = @fileName, content_hash = @contentHash,
         html = @html, page_starts = @pageStarts, toc = @toc, warnings = @warnings,
         word_count = @wordCount, citation_type = @citationType, container_title = @containerTitle,
         publisher = @publisher, doi = @doi, updated_at = @now, import_meta = @importMeta,
         provenance = @provenance, identifiers = @identifiers, file_date = @fileDate, pages = @pages,
         original_sha256 = coalesce(@original, original_sha256)
       WHERE id = @id`,
    ),
    keepOriginal: prepared(
      db,
      `INSERT OR IGNORE INTO originals (sha256, ext, bytes, media_type, created_at) VALUES (?, ?, ?, ?, ?)`,
    ),
    fillOriginal: prepared(
      db,
      'UPDATE documents SET original_sha256 = ? WHERE id = ? AND original_sha256 IS NULL',
    ),
    // A write group's new documents indexed in one statement (store.ts, migration 0140): a JSON array of ids.
    indexDocuments: prepared(
      db,
      `INSERT INTO documents_fts(rowid, title, authors, source, text)
         SELECT id, lectern_search_text(title), lectern_search_text(authors), lectern_search_text(source),
                lectern_search_text(text)
           FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ),
    // search_stems rows the importer writes itself, a write group's at once (stem-pairs-writer.ts): a JSON array of
    // [stem, lang, term].
    stemPairs: prepared(
      db,
      `INSERT OR IGNORE INTO search_stems(stem, lang, term)
         SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`,
    ),
    log: prepared(
      db,
      `INSERT INTO import_log (path, size, content_hash, format, status, reason, document_id, job_id, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  }
}

const cache = new WeakMap<Db, Statements>()
/** The import's write statements for this connection, prepared once (named parameters, values always bound). */
export function importStatements(db: Db): Statements {
  let s = cache.get(db)
  if (!s) {
    s = prepare(db)
    cache.set(db, s)
  }
  return s
}

/**
 * A document's bibliographic fields as imported and as they are now (for re-extraction's merge), with its file name,
 * text and page starts (re-extraction leaves an unchanged text, and its search index, alone).
 */
export function currentMeta(
  db: Db,
  id: number,
):
  | (Record<string, unknown> & {
      import_meta: unknown
      file_name: string | null
      text: string
      page_starts: string | null
    })
  | undefined {
  return get(
    db,
    sql`SELECT import_meta, title, authors, published_at, source, url, language, citation_type, container_title,
               publisher, doi, provenance, file_name, text, page_starts FROM documents WHERE id = ${id}`,
  )
}

export type ImportLogRow = {
  path: string
  status: ImportStatus
  reason: string | null
  format: string | null
  document_id: DocumentId | null
  at: Timestamp
  title: string | null
  warnings: string | null
}

/** The import log, newest first, with the title and warnings of the document each row produced. */
export function importLogRows(db: Db, limit: number): ImportLogRow[] {
  return all<ImportLogRow>(
    db,
    sql`SELECT l.path, l.status, l.reason, l.format, l.document_id, l.at, d.title, d.warnings
          FROM import_log l LEFT JOIN documents d ON d.id = l.document_id
         ORDER BY l.id DESC LIMIT ${limit}`,
  )
}

/** FTS5's `automerge` setting of the documents index, or null when never set. */
export function ftsAutomerge(db: Db): number | null {
  const row = get<{ v: unknown }>(db, sql`SELECT v FROM documents_fts_config WHERE k = 'automerge'`)
  return row ? Number(row.v) : null
}

/** FTS5 takes these settings as integer literals (a bound JS number arrives as a REAL and is ignored). */
const integer = (n: number) => sql.trusted(String(Math.trunc(n)))

export function setFtsAutomerge(db: Db, segments: number): void {
  run(
    db,
    sql`INSERT INTO documents_fts(documents_fts, rank) VALUES('automerge', ${integer(segments)})`,
  )
}

/** One FTS5 merge step of `pages` pages; returns how many rows it changed (fewer than 2: nothing left to merge). */
export function ftsMergeStep(db: Db, pages: number): number {
  const before = totalChanges(db)
  run(db, sql`INSERT INTO documents_fts(documents_fts, rank) VALUES('merge', ${integer(pages)})`)
  return totalChanges(db) - before
}

const totalChanges = (db: Db): number =>
  (get<{ n: number }>(db, sql`SELECT total_changes() AS n`) as { n: number }).n

/** This connection's WAL pages between automatic checkpoints (PRAGMA wal_autocheckpoint; SQLite's default 1000). */
export function walAutocheckpoint(db: Db): number {
  return Number(db.pragma('wal_autocheckpoint', { simple: true }))
}

export function setWalAutocheckpoint(db: Db, pages: number): void {
  db.pragma(`wal_autocheckpoint = ${Math.max(0, Math.trunc(pages))}`)
}
