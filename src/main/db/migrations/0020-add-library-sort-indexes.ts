import type { Db } from '../../core/context'

/**
 * Indexes for the library table's sort keys, so `documents.list` walks an index for one page instead of sorting
 * every row (and reading past the large `text` column) at 100,000 documents. `title`, `authors` and `source` sort
 * case-insensitively, as people expect; `published_at`, `imported_at` and exact-case `source` indexes exist since 0010.
 */
export function migrate0020(db: Db): void {
  db.exec(`
    CREATE INDEX documents_by_title ON documents(title COLLATE NOCASE);
    CREATE INDEX documents_by_authors ON documents(authors COLLATE NOCASE);
    CREATE INDEX documents_by_source_nocase ON documents(source COLLATE NOCASE);
    CREATE INDEX documents_by_word_count ON documents(word_count);
  `)
}
