/**
 * Stable BibTeX keys: a document's key is assigned (citations/bibtex-keys.ts) and stored in documents.bibtex_key the
 * first time it is exported, so later exports (and a person's .bib file) keep it. In a read-only library the keys
 * are computed the same way but not stored.
 */
import { assignBibtexKeys } from '../citations/bibtex-keys'
import type { Db } from '../db/connection'
import { documentsRepository } from '../library/documents.repository'

/** The stored key of each document, assigning (and storing) one for documents that have none yet. */
export function ensureBibtexKeys(db: Db, ids: readonly number[]): Map<number, string> {
  const rows = documentsRepository.bibtexRows(db, ids)
  const taken = (key: string): boolean => documentsRepository.bibtexKeyTaken(db, key)
  try {
    return db.transaction(() => {
      const { keys, assigned } = assignBibtexKeys(rows, taken)
      for (const [id, key] of assigned) {
        try {
          documentsRepository.storeBibtexKey(db, id, key)
        } catch {
          // Read-only library: the key is still unique within this export.
        }
      }
      return keys
    })()
  } catch {
    return assignBibtexKeys(rows, taken).keys
  }
}
