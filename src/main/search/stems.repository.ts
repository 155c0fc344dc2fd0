/** SQL of stemmed search (stems.ts): the word pairs of `search_stems` (migration 0130) and the library's write state. */
import type { Db } from '../db/connection'
import { all, get, sql } from '../db/sql'

export const stemsRepository = Object.freeze({
  /**
   * The words sharing each wanted stem: `wanted` holds [language, stem, word index] triples, and each row names the
   * index of the word it was found for. One statement for every word of a query.
   */
  wordsWithStems(
    db: Db,
    wanted: readonly [string, string, number][],
  ): { word: number; stem: string; term: string }[] {
    return all(
      db,
      sql`SELECT j.value ->> 2 AS word, s.stem, s.term FROM json_each(${JSON.stringify(wanted)}) j
            JOIN search_stems s ON s.stem = j.value ->> 1 AND s.lang = j.value ->> 0`,
    )
  },

  /**
   * Changes whenever the library may have changed: `total_changes()` counts this connection's writes and
   * `data_version` moves when another connection commits.
   */
  writeState(db: Db): string {
    return (
      get<{ v: string }>(
        db,
        sql`SELECT total_changes() || ':' || data_version AS v FROM pragma_data_version()`,
      )?.v ?? ''
    )
  },
})
