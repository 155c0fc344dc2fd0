import type { Db } from '../connection'

/**
 * Indexes on `updated_at` for the palette's "changed since" reads (src/main/palette): without them each change
 * event scans every document row, walking past the body text stored before the column.
 */
export function migrate0100(db: Db): void {
  db.exec(`
    CREATE INDEX IF NOT EXISTS documents_by_updated_at ON documents(updated_at);
    CREATE INDEX IF NOT EXISTS quotes_by_updated_at ON quotes(updated_at);
  `)
}
