import type { Db } from '../../core/context'

/**
 * `documents.import_meta`: the bibliographic fields as the importer last extracted them (JSON). When a changed file
 * is re-imported, a field whose current value still equals the extracted one takes the new file's value, and a field
 * the person corrected since (title, authors, date…) is kept. NULL for documents that never came from a file.
 */
export function migrate0050(db: Db): void {
  db.exec('ALTER TABLE documents ADD COLUMN import_meta TEXT')
}
