/**
 * SQL of the "did you mean" vocabulary (vocabulary.ts): the `search_vocab` snapshot, the documents pending for it
 * (`search_vocab_pending`, kept by triggers), its generation and rebuild flag in `search_cache`, and the FTS index's
 * own vocabulary (`documents_vocab`).
 */
import type { Db } from '../db/connection'
import { all, get, prepared, run, sql } from '../db/sql'

export type PendingDocument = {
  id: number
  title: string
  authors: string
  source: string
  text: string
}

export const vocabularyRepository = Object.freeze({
  generation(db: Db): string {
    return (
      get<{ data: string }>(db, sql`SELECT data FROM search_cache WHERE key = 'vocab.generation'`)
        ?.data ?? '0'
    )
  },

  bumpGeneration(db: Db): void {
    run(
      db,
      sql`INSERT INTO search_cache(key, data) VALUES ('vocab.generation', '1')
          ON CONFLICT(key) DO UPDATE SET data = CAST(CAST(data AS INTEGER) + 1 AS TEXT)`,
    )
  },

  rebuildFlagged(db: Db): boolean {
    return get(db, sql`SELECT 1 AS one FROM search_cache WHERE key = 'vocab.rebuild'`) !== undefined
  },

  clearRebuildFlag(db: Db): void {
    run(db, sql`DELETE FROM search_cache WHERE key = 'vocab.rebuild'`)
  },

  /** How many documents are pending, counting at most `cap` of them. */
  pendingCount(db: Db, cap: number): number {
    return (
      get<{ n: number }>(
        db,
        sql`SELECT count(*) AS n FROM (SELECT 1 FROM search_vocab_pending LIMIT ${cap})`,
      ) as { n: number }
    ).n
  },

  pendingIds(db: Db): number[] {
    return all<{ id: number }>(
      db,
      sql`SELECT document_id AS id FROM search_vocab_pending ORDER BY document_id`,
    ).map((r) => r.id)
  },

  pendingStats(db: Db): { n: number; top: number | null } {
    return get(
      db,
      sql`SELECT count(*) AS n, max(document_id) AS top FROM search_vocab_pending`,
    ) as { n: number; top: number | null }
  },

  /** Up to `limit` pending documents with the fields the index tokenizes. */
  pendingDocuments(db: Db, limit: number): PendingDocument[] {
    return all<PendingDocument>(
      db,
      sql`SELECT p.document_id AS id, d.title, d.authors, coalesce(d.source, '') AS source, d.text
            FROM search_vocab_pending p JOIN documents d ON d.id = p.document_id LIMIT ${limit}`,
    )
  },

  clearPending(db: Db): void {
    run(db, sql`DELETE FROM search_vocab_pending`)
  },

  donePending(db: Db, documentId: number): void {
    run(db, sql`DELETE FROM search_vocab_pending WHERE document_id = ${documentId}`)
  },

  clearSnapshot(db: Db): void {
    run(db, sql`DELETE FROM search_vocab`)
  },

  /** The snapshot straight from the index's vocabulary: terms of `min`–`max` letters with a non-digit. */
  snapshotFromIndex(db: Db, min: number, max: number): void {
    run(
      db,
      sql`INSERT INTO search_vocab(term, docs)
          SELECT term, doc FROM documents_vocab
           WHERE length(term) BETWEEN ${min} AND ${max} AND term GLOB '*[^0-9]*'`,
    )
  },

  /** The index's terms after `after`, in order, `limit` at a time, as [term, documents] pairs. */
  indexTermsAfter(db: Db, after: string, limit: number): [string, number][] {
    return prepared(
      db,
      'SELECT term, doc FROM documents_vocab WHERE term > ? ORDER BY term LIMIT ?',
    )
      .raw()
      .all(after, limit) as [string, number][]
  },

  insertTerm(db: Db, term: string, docs: number): void {
    run(db, sql`INSERT INTO search_vocab(term, docs) VALUES (${term}, ${docs})`)
  },

  addTerm(db: Db, term: string, docs: number): void {
    run(
      db,
      sql`INSERT INTO search_vocab(term, docs) VALUES (${term}, ${docs})
          ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs`,
    )
  },

  /** Every snapshot term with its document count, as [term, documents] pairs. */
  snapshotTerms(db: Db): Iterable<[string, number]> {
    return prepared(db, 'SELECT term, docs FROM search_vocab').raw().iterate() as Iterable<
      [string, number]
    >
  },

  /** Up to `limit` documents holding `match` (one FTS5 phrase), in index order. */
  documentsHolding(db: Db, match: string, limit: number): number[] {
    return prepared(db, 'SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?')
      .pluck()
      .all(match, limit) as number[]
  },

  /** A document's indexed fields, its text cut to the first `maxChars` characters (a huge one costs no more). */
  indexedFields(
    db: Db,
    documentId: number,
    maxChars: number,
  ): (PendingDocument & { bytes: number }) | undefined {
    return get<PendingDocument & { bytes: number }>(
      db,
      sql`SELECT id, title, authors, coalesce(source, '') AS source, substr(text, 1, ${maxChars}) AS text,
                 octet_length(text) AS bytes
            FROM documents WHERE id = ${documentId}`,
    )
  },

  /**
   * FTS5's own fragment of one document around `match`, its matched words between \u0002 and \u0003: it finds
   * them anywhere in the text (in C, from the index), where documentsHolding only reads the start.
   */
  markedFragment(db: Db, match: string, documentId: number): string | null {
    return (
      get<{ s: string | null }>(
        db,
        sql`SELECT snippet(documents_fts, -1, char(2), char(3), '', 16) AS s
              FROM documents_fts WHERE documents_fts MATCH ${match} AND rowid = ${documentId}`,
      )?.s ?? null
    )
  },

  /** Run `body` without waiting for another writer (busy timeout 0), then restore the timeout. */
  withoutBusyWait<T>(db: Db, body: () => T): T {
    const previous = db.pragma('busy_timeout', { simple: true }) as number
    try {
      db.pragma('busy_timeout = 0')
      return body()
    } finally {
      db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(previous))}`)
    }
  },
})
