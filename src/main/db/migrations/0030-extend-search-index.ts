import type { Db } from '../../core/context'

/**
 * Search, second step (src/main/search/):
 *
 * 1. `documents_fts` gains a one-letter prefix index (`prefix='1 2 3'`, was `'2 3'`). Measured at 100,000 documents
 *    (scripts/bench/search.ts): without it a one-letter prefix (`m*`, the first keystroke of every word typed in the
 *    search box) merges the doclists of every indexed term starting with that letter — 160–430 ms just to count the
 *    matches; with it `m*` costs what `mo*` does (~3 ms). Price, measured on 11,124 documents: FTS index 111.5 →
 *    131.8 MB (+18 %), indexing time +8–13 %. Also measured, and rejected: `'1 2 3 4 5'` makes 4–5 letter prefixes
 *    cheap too (`inte*` 31 → 3 ms to count) but costs +68 % index size and +87 % indexing time, for a keystroke p95
 *    that moved from 21–28 to 20–22 ms (goal 30 ms). The table keeps its name and columns, so the sync triggers of
 *    0010 keep working; existing rows are re-indexed with 'rebuild'.
 * 2. `documents_search_filters`, a narrow covering index over the columns search filters and sorts on. Document
 *    rows are wide (the full text is inline), so checking `type:pdf` or sorting by date through the table costs
 *    ~4 µs per matching document (400 ms for `t* type:pdf` at 100,000 documents); through this index, 0.4 µs (39 ms).
 * 3. The vocabulary behind "did you mean" (src/main/search/vocabulary.ts), a derived cache rebuilt from the index:
 *    - `documents_vocab` reads term statistics straight from the FTS5 index (full rebuilds, checks of single terms);
 *    - `search_vocab` is the snapshot the spelling corrector loads (term → number of documents);
 *    - `search_vocab_pending` lists documents added or changed since the snapshot, filled by triggers so that every
 *      writer (importer, CLI, another process) keeps it current; deleted documents leave it by the foreign key.
 *    A library that already has documents is flagged for a full vocabulary rebuild at first use.
 */
export function migrate0030(db: Db): void {
  db.exec(`
    DROP TABLE documents_fts;
    CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, authors, source, text,
      content='documents', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
    );
    INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');

    CREATE INDEX documents_search_filters ON documents(id, published_at, format, language);

    CREATE VIRTUAL TABLE documents_vocab USING fts5vocab(documents_fts, row);

    CREATE TABLE search_vocab (
      term TEXT PRIMARY KEY,
      docs INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE search_vocab_pending (
      document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
    ) STRICT;

    CREATE TRIGGER search_vocab_ai AFTER INSERT ON documents BEGIN
      INSERT OR IGNORE INTO search_vocab_pending(document_id) VALUES (new.id);
    END;
    CREATE TRIGGER search_vocab_au AFTER UPDATE OF title, authors, source, text ON documents BEGIN
      INSERT OR IGNORE INTO search_vocab_pending(document_id) VALUES (new.id);
    END;

    INSERT OR REPLACE INTO search_cache(key, data)
      SELECT 'vocab.rebuild', '1' WHERE EXISTS (SELECT 1 FROM documents);
  `)
}
