import type { Db } from '../../core/context'
import { INVISIBLE_IN_WORDS } from '../../text/script-folds'

/**
 * Soft hyphens, zero-width spaces and word joiners inside words are now dropped from the word's term instead of
 * splitting it (script-folds.ts: "Bundes&shy;regierung" is found by "Bundesregierung"). A library holding any is
 * re-indexed, or its rows' index entries would no longer match what lectern_search_text gives for them (FTS5
 * deletes by value), and the vocabulary of "did you mean" is rebuilt. Libraries without them skip all of it.
 */
const HOLDS = `*[${INVISIBLE_IN_WORDS.map((cp) => String.fromCharCode(cp)).join('')}]*`

export function migrate0190(db: Db): void {
  const documents = db
    .prepare(
      'SELECT 1 FROM documents WHERE title GLOB @p OR authors GLOB @p OR source GLOB @p OR text GLOB @p LIMIT 1',
    )
    .get({ p: HOLDS })
  if (documents)
    db.exec(`INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
      INSERT OR REPLACE INTO search_cache(key, data) VALUES ('vocab.rebuild', '1');`)
  const quotes = db
    .prepare('SELECT 1 FROM quotes WHERE exact GLOB @p OR note GLOB @p LIMIT 1')
    .get({ p: HOLDS })
  if (quotes) db.exec(`INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')`)
}
