import type { Db } from '../../core/context'

/**
 * Issue 13, metadata you can cite:
 * - `documents.provenance`: JSON map field → {origin, confidence, detail} (where each bibliographic field came from;
 *   `user` for a person's correction, which re-imports and re-extraction keep);
 * - `documents.identifiers`: JSON list of {type, value} (DOI, ISBN, arXiv, ISSN, URLs, normalised); kept in the row
 *   so undo/restore and backups carry it with the document;
 * - `documents.file_date`: the file's own creation/conversion date, shown as "file date", never a publication date;
 * - `documents.bibtex_key`: the BibTeX key once assigned, so it stays stable across exports;
 * - an index on lower(doi): `doi:` search and "same DOI, other format" duplicate detection.
 */
export function migrate0080(db: Db): void {
  db.exec(`
    ALTER TABLE documents ADD COLUMN provenance TEXT;
    ALTER TABLE documents ADD COLUMN identifiers TEXT;
    ALTER TABLE documents ADD COLUMN file_date TEXT;
    ALTER TABLE documents ADD COLUMN bibtex_key TEXT;
    CREATE INDEX documents_doi ON documents(lower(doi)) WHERE doi IS NOT NULL;
    UPDATE documents SET identifiers = json_array(json_object('type', 'doi', 'value', lower(trim(doi))))
      WHERE doi IS NOT NULL AND trim(doi) <> '';
  `)
}
