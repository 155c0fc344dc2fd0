/**
 * What the full-text index is fed. unicode61 cannot split Han, kana, Hangul or Thai runs, nor fold full-width letters, so
 * for a text holding any of them the index receives its search terms (fold.ts + scripts.ts) joined by spaces; every
 * other text goes in unchanged, so English and European indexing is byte-for-byte what it was. The documents'
 * stored text is never changed: passages, quotes and find work on it and tokenize it the same way in JS.
 *
 * The index triggers and the FTS content view call this as the SQL function `lectern_search_text` (migration
 * 0090), so every connection that writes documents or quotes, or checks the index, must register it first.
 */
import type Database from 'better-sqlite3'
import { forEachToken } from './fold'
import { indexSplits } from './scripts'
import { stemLanguage, stemPairs } from './stemming'

export function searchText(text: string): string {
  if (!indexSplits(text)) return text
  const parts: string[] = []
  forEachToken(text, (term) => {
    parts.push(term)
  })
  return parts.join(' ')
}

export const SEARCH_TEXT_FUNCTION = 'lectern_search_text'

export const STEM_PAIRS_FUNCTION = 'lectern_stem_pairs'
export const STEM_LANGUAGE_FUNCTION = 'lectern_stem_language'

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/**
 * Connections whose importer is writing a group and stores its documents' stem pairs itself, skipping pairs it
 * already stored (importers/stem-pairs-writer.ts): the triggers' lectern_stem_pairs returns none meanwhile. Every other
 * writer (re-extraction, metadata edits, the CLI, another process) keeps going through the triggers.
 */
const writingOwnStems = new WeakSet<Database.Database>()

/** Run `write` with migration 0130's triggers adding no stem pairs on `db`: the caller writes them (synchronously). */
export function withOwnStemPairs<T>(db: Database.Database, write: () => T): T {
  writingOwnStems.add(db)
  try {
    return write()
  } finally {
    writingOwnStems.delete(db)
  }
}

/**
 * Connections whose importer is writing a group and indexes the group's new documents itself, in one statement at
 * its end (importers/store.ts): migration 0140's documents_ai trigger skips them meanwhile.
 */
const deferringIndex = new WeakSet<Database.Database>()
export const INDEX_DEFERRED_FUNCTION = 'lectern_index_deferred'

/** Run `write` with documents_ai not indexing inserts on `db`: the caller indexes them before `write` returns. */
export function withDeferredIndex<T>(db: Database.Database, write: () => T): T {
  deferringIndex.add(db)
  try {
    return write()
  } finally {
    deferringIndex.delete(db)
  }
}

export function registerSearchFunctions(db: Database.Database): void {
  db.function(SEARCH_TEXT_FUNCTION, { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? searchText(value) : value,
  )
  // The stem pairs of a document (migration 0130's triggers): a JSON array of [stem, lang, word] (text/stemming.ts).
  db.function(
    STEM_PAIRS_FUNCTION,
    { deterministic: true },
    (language: unknown, title: unknown, body: unknown) => {
      // [stem, lang, word] rows: the language in the JSON, not a call back into JS for every row inserted.
      const lang = stemLanguage(text(language))
      if (!lang || writingOwnStems.has(db)) return '[]'
      return JSON.stringify(
        stemPairs(text(language), [text(title), text(body)]).map(([stem, term]) => [
          stem,
          lang,
          term,
        ]),
      )
    },
  )
  db.function(STEM_LANGUAGE_FUNCTION, { deterministic: true }, (language: unknown) =>
    stemLanguage(text(language)),
  )
  // Not deterministic: its answer changes while an import group is written (withDeferredIndex).
  db.function(INDEX_DEFERRED_FUNCTION, { deterministic: false }, () =>
    deferringIndex.has(db) ? 1 : 0,
  )
}
