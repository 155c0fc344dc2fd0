import type { Db } from '../../core/context'
import { stemLanguage, stemPairs } from '../../text/stemming'

/**
 * Also: Thai-like scripts' vowel and tone marks kept in the index (see the end of migrate0130).
 *
 * Stemming (issue #14; src/main/text/stemming.ts, src/main/search/stems.ts). `search_stems` maps a stem to the
 * words of the library that have it, per language: `change` is searched as change OR changes OR changed OR changing,
 * whichever the documents print. Only pairs whose stem differs from the word are kept (the bare stem is always
 * tried as a word too), and stale pairs of deleted or edited documents are harmless: they name a word the index no
 * longer holds. Kept by triggers calling `lectern_stem_pairs` (registered on every connection with
 * lectern_search_text), so every writer — re-extraction, metadata edits, CLI, another process — keeps it current; a
 * document is stemmed by its own language, so a change of language adds that language's pairs. The importer writes
 * its groups' pairs itself, skipping those already stored, while the triggers stay quiet on its connection
 * (importers/stem-pairs-writer.ts: the triggers cost the import +66 % of its main-thread write time).
 *
 * Why not a stemmed FTS column or table (measured at 100,000 documents, see scripts/bench): a column in
 * documents_fts doubles the index with its positions and the one-to-three-letter prefix indexes, and puts stems into
 * the spelling vocabulary; a second FTS table cannot be OR-ed with documents_fts inside one MATCH, which bm25,
 * the ranking tiers and the title-first pass all rely on. This table is a few MB and its lookups take microseconds.
 */
export function migrate0130(db: Db): void {
  db.exec(`
    CREATE TABLE search_stems (
      stem TEXT NOT NULL,
      lang TEXT NOT NULL,
      term TEXT NOT NULL,
      PRIMARY KEY (stem, lang, term)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER search_stems_ai AFTER INSERT ON documents
      WHEN lectern_stem_language(new.language) IS NOT NULL BEGIN
      INSERT OR IGNORE INTO search_stems(stem, lang, term)
        SELECT value ->> 0, value ->> 1, value ->> 2
          FROM json_each(lectern_stem_pairs(new.language, new.title, new.text));
    END;
    CREATE TRIGGER search_stems_au AFTER UPDATE OF title, text, language ON documents
      WHEN lectern_stem_language(new.language) IS NOT NULL BEGIN
      INSERT OR IGNORE INTO search_stems(stem, lang, term)
        SELECT value ->> 0, value ->> 1, value ->> 2
          FROM json_each(lectern_stem_pairs(new.language, new.title, new.text));
    END;

  `)
  // Existing documents: the distinct pairs of the whole library gathered first, then written once each (per document
  // through the trigger's JSON, 100,000 documents took 27 minutes on a loaded machine: ~300 ignored inserts each).
  const pairs = new Map<string, string[]>()
  const rows = db
    .prepare<[], { language: string; title: string; text: string }>(
      'SELECT language, title, text FROM documents WHERE language IS NOT NULL',
    )
    .iterate()
  for (const row of rows) {
    const lang = stemLanguage(row.language)
    if (!lang) continue
    for (const [stem, term] of stemPairs(row.language, [row.title, row.text])) {
      pairs.set(`${lang}\u0000${stem}\u0000${term}`, [stem as string, lang, term as string])
    }
  }
  const insert = db.prepare('INSERT OR IGNORE INTO search_stems(stem, lang, term) VALUES (?, ?, ?)')
  for (const pair of pairs.values()) insert.run(pair)

  // Thai, Lao, Khmer and Myanmar vowel and tone marks are now indexed (as stand-ins, src/main/text/scripts.ts) instead
  // of dropped: a library holding such text is re-indexed, or its rows' index entries would no longer match what
  // lectern_search_text gives for them (FTS5 deletes by value). Most libraries hold none and skip the rebuild.
  const WORDS_SCRIPT = '*[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]*'
  const thaiDocuments = db
    .prepare(
      `SELECT 1 FROM documents WHERE title GLOB @p OR authors GLOB @p OR source GLOB @p OR text GLOB @p LIMIT 1`,
    )
    .get({ p: WORDS_SCRIPT })
  if (thaiDocuments) {
    db.exec(`INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
      INSERT OR REPLACE INTO search_cache(key, data) VALUES ('vocab.rebuild', '1');`)
  }
  const thaiQuotes = db
    .prepare('SELECT 1 FROM quotes WHERE exact GLOB @p OR note GLOB @p LIMIT 1')
    .get({ p: WORDS_SCRIPT })
  if (thaiQuotes) db.exec(`INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')`)
}
