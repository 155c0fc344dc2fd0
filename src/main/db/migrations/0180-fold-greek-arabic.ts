import type { Db } from '../../core/context'
import { FOLDS_FURTHER_RANGES } from '../../text/script-folds'
import { stemLanguage, stemPairs } from '../../text/stemming'

/**
 * Greek accents and Arabic-script letter variants, harakat and attached articles are now folded by the search
 * (src/main/text/script-folds.ts): "γλωσσα" finds "γλώσσα", "لغة" finds "اللغة". A library holding such text is
 * re-indexed, or its rows' index entries would no longer match what lectern_search_text gives for them (FTS5 deletes
 * by value), and the vocabulary of "did you mean" is rebuilt from the new terms. Arabic documents' stem pairs are
 * added again under the new terms (the old ones name words the index no longer holds: harmless, see 0130).
 * Libraries without Greek or Arabic-script text skip all of it, as 0170 did for Hangul.
 */
const CLASS = FOLDS_FURTHER_RANGES.map(([a, b]) =>
  a === b ? String.fromCharCode(a) : `${String.fromCharCode(a)}-${String.fromCharCode(b)}`,
).join('')
const FOLDED = `*[${CLASS}]*`

export function migrate0180(db: Db): void {
  const documents = db
    .prepare(
      'SELECT 1 FROM documents WHERE title GLOB @p OR authors GLOB @p OR source GLOB @p OR text GLOB @p LIMIT 1',
    )
    .get({ p: FOLDED })
  if (documents) {
    db.exec(`INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
      INSERT OR REPLACE INTO search_cache(key, data) VALUES ('vocab.rebuild', '1');`)
    // Gathered first, then written: the connection cannot write while it iterates.
    const pairs = new Map<string, string[]>()
    const rows = db
      .prepare<{ p: string }, { language: string; title: string; text: string }>(
        'SELECT language, title, text FROM documents WHERE language IS NOT NULL AND (title GLOB @p OR text GLOB @p)',
      )
      .iterate({ p: FOLDED })
    for (const row of rows) {
      const lang = stemLanguage(row.language)
      if (!lang) continue
      for (const [stem, term] of stemPairs(row.language, [row.title, row.text]))
        pairs.set(`${lang}\u0000${stem}\u0000${term}`, [stem as string, lang, term as string])
    }
    const insert = db.prepare(
      'INSERT OR IGNORE INTO search_stems(stem, lang, term) VALUES (?, ?, ?)',
    )
    for (const pair of pairs.values()) insert.run(pair)
  }
  const quotes = db
    .prepare('SELECT 1 FROM quotes WHERE exact GLOB @p OR note GLOB @p LIMIT 1')
    .get({ p: FOLDED })
  if (quotes) db.exec(`INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')`)
}
