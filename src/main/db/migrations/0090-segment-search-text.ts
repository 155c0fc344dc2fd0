import type { Db } from '../../core/context'

/**
 * Word search for scripts written without spaces, and language detection (issue #14; src/main/text/scripts.ts).
 *
 * 1. The full-text indexes (documents_fts, quotes_fts) are fed `lectern_search_text(column)` instead of the raw
 *    column: unchanged for texts without Han, kana, Thai-like or width-form characters, their search terms joined by
 *    spaces otherwise (src/main/text/search-text.ts). The external content becomes a view applying the same
 *    function, so 'rebuild' and FTS5's 'integrity-check' see what the triggers indexed. The function is registered
 *    on every connection (src/main/db/connection.ts) before this runs. Existing rows are re-indexed.
 * 2. `documents.language_source`: where `language` came from — 'declared' (HTML lang, EPUB/DOCX/PDF metadata, front
 *    matter), 'detected' (src/main/importers/language.ts, when nothing was declared) or 'edited' (by the person). Issue
 *    #13 builds a per-field provenance model; until it lands this one column records it for the language.
 */
export function migrate0090(db: Db): void {
  db.exec(`
    DROP TRIGGER documents_ai;
    DROP TRIGGER documents_ad;
    DROP TRIGGER documents_au;
    DROP TABLE documents_fts;
    DROP TABLE documents_vocab;

    CREATE VIEW documents_fts_content AS
      SELECT id, lectern_search_text(title) AS title, lectern_search_text(authors) AS authors,
             lectern_search_text(source) AS source, lectern_search_text(text) AS text
        FROM documents;
    CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, authors, source, text,
      content='documents_fts_content', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
    );
    CREATE VIRTUAL TABLE documents_vocab USING fts5vocab(documents_fts, row);
    CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
      INSERT INTO documents_fts(rowid, title, authors, source, text)
        VALUES (new.id, lectern_search_text(new.title), lectern_search_text(new.authors),
                lectern_search_text(new.source), lectern_search_text(new.text));
    END;
    CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
      INSERT INTO documents_fts(documents_fts, rowid, title, authors, source, text)
        VALUES ('delete', old.id, lectern_search_text(old.title), lectern_search_text(old.authors),
                lectern_search_text(old.source), lectern_search_text(old.text));
    END;
    CREATE TRIGGER documents_au AFTER UPDATE OF title, authors, source, text ON documents BEGIN
      INSERT INTO documents_fts(documents_fts, rowid, title, authors, source, text)
        VALUES ('delete', old.id, lectern_search_text(old.title), lectern_search_text(old.authors),
                lectern_search_text(old.source), lectern_search_text(old.text));
      INSERT INTO documents_fts(rowid, title, authors, source, text)
        VALUES (new.id, lectern_search_text(new.title), lectern_search_text(new.authors),
                lectern_search_text(new.source), lectern_search_text(new.text));
    END;
    INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');

    DROP TRIGGER quotes_ai;
    DROP TRIGGER quotes_ad;
    DROP TRIGGER quotes_au;
    DROP TABLE quotes_fts;
    CREATE VIEW quotes_fts_content AS
      SELECT id, lectern_search_text(exact) AS exact, lectern_search_text(note) AS note FROM quotes;
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
      exact, note,
      content='quotes_fts_content', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    );
    CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
      INSERT INTO quotes_fts(rowid, exact, note)
        VALUES (new.id, lectern_search_text(new.exact), lectern_search_text(new.note));
    END;
    CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
      INSERT INTO quotes_fts(quotes_fts, rowid, exact, note)
        VALUES ('delete', old.id, lectern_search_text(old.exact), lectern_search_text(old.note));
    END;
    CREATE TRIGGER quotes_au AFTER UPDATE OF exact, note ON quotes BEGIN
      INSERT INTO quotes_fts(quotes_fts, rowid, exact, note)
        VALUES ('delete', old.id, lectern_search_text(old.exact), lectern_search_text(old.note));
      INSERT INTO quotes_fts(rowid, exact, note)
        VALUES (new.id, lectern_search_text(new.exact), lectern_search_text(new.note));
    END;
    INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');

    ALTER TABLE documents ADD COLUMN language_source TEXT;
    UPDATE documents SET language_source = 'declared' WHERE language IS NOT NULL;
    INSERT OR REPLACE INTO search_cache(key, data)
      SELECT 'vocab.rebuild', '1' WHERE EXISTS (SELECT 1 FROM documents);
  `)
}
