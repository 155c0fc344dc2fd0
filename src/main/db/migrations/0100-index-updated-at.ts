import type { Db } from '../../core/context'

/**
 * Indexes on `updated_at` for the palette's "changed since" reads (src/main/palette): without them each change
 * event scans every document row, walking past the body text stored before the column. And one for the library's
 * date-ascending sort with undated documents last, so that order still walks an index at 100,000 documents.
 */
export function migrate0100(db: Db): void {
  db.exec(`
    CREATE INDEX IF NOT EXISTS documents_by_updated_at ON documents(updated_at);
    CREATE INDEX IF NOT EXISTS quotes_by_updated_at ON quotes(updated_at);
    CREATE INDEX IF NOT EXISTS documents_by_published_at_dated_first
      ON documents(published_at IS NULL, published_at);
  `)
}
