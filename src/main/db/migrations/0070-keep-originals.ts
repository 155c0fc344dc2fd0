import type { Db } from '../../core/context'

/**
 * Originals and page data (issue #12). The outline lives in the existing `toc` column (PDF outline entries too).
 * - `originals`: one row per distinct original file kept under `<library>/files/ab/<sha256>.<ext>` (content-addressed,
 *   so two documents from the same bytes share one file).
 * - `documents.original_sha256`: the document's original; NULL for documents imported before Lectern kept originals
 *   (they say so: OriginalInfo.status `none`).
 * - `documents.pages`: JSON per page {label, removed, width, height} (PDF), aligned with `page_starts`.
 * - `quotes.rects`: JSON PageRect[] of a selection made on the printed page, or NULL.
 */
export function migrate0070(db: Db): void {
  db.exec(`
    CREATE TABLE originals (
      sha256 TEXT PRIMARY KEY,
      ext TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      media_type TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    ALTER TABLE documents ADD COLUMN original_sha256 TEXT;
    ALTER TABLE documents ADD COLUMN pages TEXT;
    ALTER TABLE quotes ADD COLUMN rects TEXT;
    CREATE INDEX documents_by_original ON documents(original_sha256);
  `)
}
