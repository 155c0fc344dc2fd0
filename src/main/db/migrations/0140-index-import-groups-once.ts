import type { Db } from '../../core/context'

/**
 * The importer indexes each write group's new documents in one statement (issue #14's import speed;
 * importers/store.ts, `withDeferredIndex` in text/search-text.ts): documents_ai stays quiet on its connection while it
 * writes a group. FTS5 writes its pending terms out as a new segment at every savepoint and at every statement that
 * opens a statement journal — an INSERT firing a trigger does — so indexing through the trigger wrote one segment per
 * document, and each was merged again later. Measured (1,000 White House documents, groups of 6 files each in its own
 * savepoint as the importer writes them, CPU of the writing thread, 2026-12-06, load ~19): trigger 1.70 / 1.69 s,
 * one statement per group 1.30 / 1.33 s (−22 %); groups of 32: 1.73 / 2.06 s vs 1.12 / 1.70 s. The index holds the
 * same rows either way (FTS5's integrity-check passes, searches are unchanged). Every other writer — metadata edits,
 * the CLI, another process, a connection without the function's flag set — indexes through the trigger as before.
 */
export function migrate0140(db: Db): void {
  db.exec(`
    DROP TRIGGER documents_ai;
    CREATE TRIGGER documents_ai AFTER INSERT ON documents WHEN lectern_index_deferred() = 0 BEGIN
      INSERT INTO documents_fts(rowid, title, authors, source, text)
        VALUES (new.id, lectern_search_text(new.title), lectern_search_text(new.authors),
                lectern_search_text(new.source), lectern_search_text(new.text));
    END;
  `)
}
