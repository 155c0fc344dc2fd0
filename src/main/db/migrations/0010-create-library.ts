import type { Db } from '../../core/context'

/**
 * The first schema. External-content FTS5 tables are kept in sync by triggers
 * (https://www.sqlite.org/fts5.html#external_content_tables); the tokenizer folds case and diacritics
 * (`remove_diacritics 2`), so "cafe" finds "Café". Changing a tokenizer means a rebuild migration.
 */
export function migrate0010(db: Db): void {
  db.exec(`
    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      authors TEXT NOT NULL DEFAULT '[]',        -- JSON array of names
      published_at TEXT,                         -- YYYY, YYYY-MM or YYYY-MM-DD
      source TEXT,                               -- publisher / site / outlet
      url TEXT,
      language TEXT,
      format TEXT NOT NULL CHECK (format IN ('txt','md','html','pdf','epub','docx')),
      file_name TEXT,
      source_path TEXT,
      content_hash TEXT NOT NULL,
      text TEXT NOT NULL,
      html TEXT,                                 -- sanitized display HTML, or NULL
      page_starts TEXT,                          -- JSON array of offsets, or NULL
      toc TEXT,                                  -- JSON array, or NULL
      warnings TEXT NOT NULL DEFAULT '[]',       -- JSON array
      word_count INTEGER NOT NULL,
      citation_type TEXT NOT NULL DEFAULT 'document',
      container_title TEXT,
      publisher TEXT,
      doi TEXT,
      accessed_at TEXT,
      imported_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX documents_by_content_hash ON documents(content_hash);
    CREATE INDEX documents_by_source_path ON documents(source_path);
    CREATE INDEX documents_by_published_at ON documents(published_at);
    CREATE INDEX documents_by_imported_at ON documents(imported_at);
    CREATE INDEX documents_by_source ON documents(source);

    CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, authors, source, text,
      content='documents', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    );
    CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
      INSERT INTO documents_fts(rowid, title, authors, source, text)
        VALUES (new.id, new.title, new.authors, new.source, new.text);
    END;
    CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
      INSERT INTO documents_fts(documents_fts, rowid, title, authors, source, text)
        VALUES ('delete', old.id, old.title, old.authors, old.source, old.text);
    END;
    CREATE TRIGGER documents_au AFTER UPDATE OF title, authors, source, text ON documents BEGIN
      INSERT INTO documents_fts(documents_fts, rowid, title, authors, source, text)
        VALUES ('delete', old.id, old.title, old.authors, old.source, old.text);
      INSERT INTO documents_fts(rowid, title, authors, source, text)
        VALUES (new.id, new.title, new.authors, new.source, new.text);
    END;

    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      color TEXT
    ) STRICT;

    CREATE TABLE document_tags (
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (document_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX document_tags_by_tag ON document_tags(tag_id, document_id);

    CREATE TABLE quotes (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      exact TEXT NOT NULL,
      prefix TEXT NOT NULL DEFAULT '',
      suffix TEXT NOT NULL DEFAULT '',
      start_offset INTEGER,
      end_offset INTEGER,
      page INTEGER,
      paragraph INTEGER,
      note TEXT NOT NULL DEFAULT '',
      color TEXT NOT NULL DEFAULT 'yellow',
      placement TEXT NOT NULL DEFAULT 'exact' CHECK (placement IN ('exact','moved','fuzzy','unplaced')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX quotes_by_document ON quotes(document_id, start_offset);

    CREATE VIRTUAL TABLE quotes_fts USING fts5(
      exact, note,
      content='quotes', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    );
    CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
      INSERT INTO quotes_fts(rowid, exact, note) VALUES (new.id, new.exact, new.note);
    END;
    CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
      INSERT INTO quotes_fts(quotes_fts, rowid, exact, note) VALUES ('delete', old.id, old.exact, old.note);
    END;
    CREATE TRIGGER quotes_au AFTER UPDATE OF exact, note ON quotes BEGIN
      INSERT INTO quotes_fts(quotes_fts, rowid, exact, note) VALUES ('delete', old.id, old.exact, old.note);
      INSERT INTO quotes_fts(rowid, exact, note) VALUES (new.id, new.exact, new.note);
    END;

    CREATE TABLE quote_tags (
      quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (quote_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX quote_tags_by_tag ON quote_tags(tag_id, quote_id);

    CREATE TABLE import_log (
      id INTEGER PRIMARY KEY,
      path TEXT NOT NULL,
      size INTEGER,
      content_hash TEXT,
      format TEXT,
      status TEXT NOT NULL CHECK (status IN ('imported','duplicate','updated','failed','skipped')),
      reason TEXT,
      document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
      job_id TEXT,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX import_log_by_document ON import_log(document_id);

    CREATE TABLE saved_searches (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      query TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE comparisons (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      quote_ids TEXT NOT NULL,                   -- JSON array, in column order
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Deleted rows kept as JSON so a delete can be undone for the session.
    CREATE TABLE trash (
      token TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('documents','quotes')),
      payload TEXT NOT NULL,
      deleted_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- Derived caches (FlexSearch export and similar): rebuilt, never recovered.
    CREATE TABLE search_cache (
      key TEXT PRIMARY KEY,
      data TEXT NOT NULL
    ) STRICT;
  `)
}
