import type { Db } from '../../core/context'

/**
 * Hangul is now indexed as overlapping bigrams (src/main/text/scripts.ts), so a word is found inside the phrase that
 * carries its particles ("데비안" in "데비안은"). A library holding Hangul is re-indexed: its rows' index entries would
 * otherwise no longer match what lectern_search_text gives for them (FTS5 deletes by value), and the vocabulary of
 * "did you mean" is rebuilt from the new terms. Libraries without Hangul skip the rebuild.
 */
const HANGUL = '*[\u1100-\u11ff\u3131-\u318e\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff]*'

export function migrate0170(db: Db): void {
  const documents = db
    .prepare(
      'SELECT 1 FROM documents WHERE title GLOB @p OR authors GLOB @p OR source GLOB @p OR text GLOB @p LIMIT 1',
    )
    .get({ p: HANGUL })
  if (documents) {
    db.exec(`INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
      INSERT OR REPLACE INTO search_cache(key, data) VALUES ('vocab.rebuild', '1');`)
  }
  const quotes = db
    .prepare('SELECT 1 FROM quotes WHERE exact GLOB @p OR note GLOB @p LIMIT 1')
    .get({ p: HANGUL })
  if (quotes) db.exec(`INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')`)
}
