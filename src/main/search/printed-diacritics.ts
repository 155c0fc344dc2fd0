/**
 * Exact diacritics first. The index folds accents and tones (fold.ts, script-folds.ts), so "viet" finds "Việt" and
 * "cafe" finds "café": a reader who cannot type the marks still finds the word, as in Zotero (NFKD-folded search,
 * zotero/zotero#5979), Lucene's ASCIIFoldingFilter and ICU's primary-strength collation. But the marks carry meaning
 * (Vietnamese "Việt" and "viết" "to write" are one folded word; Spanish "esta" and "está"; Greek "πότε" "when" and
 * "ποτέ" "never"), so a query typed WITH marks ranks the documents printing its words with exactly those marks first,
 * then the folded-only matches: what Elasticsearch's guide recommends (index both forms, score the exact field
 * higher) and what Spotlight and KeePassium do (insensitive unless the query holds diacritics).
 *
 * The index keeps folded terms only, so the printed forms are checked on the candidates' stored text (instr), for the
 * best MAX_CHECKED of each ranking: a query without marks costs nothing.
 */
import type { Db } from '../db/connection'
import { all, type Sql, sql } from '../db/sql'
import type { QueryNode } from './query-ast'

/** Candidates checked for exact forms per ranking (the rest keep their order after them). */
export const MAX_CHECKED = 100

/**
 * A word of the query typed with marks: the spellings to look for in titles and authors (lower case, capitalised,
 * upper case) and in the text (lower case and capitalised, NFC and NFD: stored text is not normalised).
 */
export type PrintedWord = { heading: string[]; text: string[] }

const MARK = /\p{M}/u

/** Off only in the search bench, which times queries with marks ranked as before and exact-first in one run. */
export const printedRanking = { enabled: true }

/** The query's words typed with diacritics (outside NOT), each as its spellings; null when there are none. */
export function printedWords(root: QueryNode | null): PrintedWord[] | null {
  if (!printedRanking.enabled) return null
  const words: PrintedWord[] = []
  const seen = new Set<string>()
  const visit = (node: QueryNode) => {
    if (node.kind === 'and' || node.kind === 'or') node.children.forEach(visit)
    else if (node.kind === 'near') node.groups.forEach(visit)
    else if (node.kind === 'text' && node.typed) {
      const typed = node.typed.normalize('NFC')
      if (!MARK.test(typed.normalize('NFD')) || seen.has(typed.toLowerCase())) return
      seen.add(typed.toLowerCase())
      words.push(spellings(typed))
    }
  }
  if (root) visit(root)
  return words.length > 0 ? words : null
}

function spellings(word: string): PrintedWord {
  const lower = word.toLowerCase()
  const [first = '', ...rest] = lower
  const capital = first.toUpperCase() + rest.join('')
  const text = new Set([lower, capital, lower.normalize('NFD'), capital.normalize('NFD')])
  return { heading: [...new Set([lower, capital, lower.toUpperCase()])], text: [...text] }
}

/**
 * Rows with the documents printing more of the words exactly moved first (order otherwise kept); only the first
 * MAX_CHECKED rows are checked.
 */
export function printedFirst<R extends { id: number }>(
  db: Db,
  words: PrintedWord[] | null,
  rows: R[],
): R[] {
  return movedFirst(
    db,
    words,
    rows,
    (word) => [
      ...word.heading.map((f) => sql`instr(d.title, ${f}) > 0 OR instr(d.authors, ${f}) > 0`),
      ...word.text.map((f) => sql`instr(d.text, ${f}) > 0`),
    ],
    (ids, n) =>
      sql`SELECT d.id AS id, ${n} AS n FROM documents d WHERE d.id IN (SELECT value FROM json_each(${ids}))`,
  )
}

/**
 * The same for quotes: those whose words or note print more of the query's words exactly first ("está" above a
 * quote that says "esta"), as documents are ranked.
 */
export function printedQuotesFirst<R extends { id: number }>(
  db: Db,
  words: PrintedWord[] | null,
  rows: R[],
): R[] {
  return movedFirst(
    db,
    words,
    rows,
    (word) =>
      [...word.heading, ...word.text].map(
        (f) => sql`instr(q.exact, ${f}) > 0 OR instr(coalesce(q.note, ''), ${f}) > 0`,
      ),
    (ids, n) =>
      sql`SELECT q.id AS id, ${n} AS n FROM quotes q WHERE q.id IN (SELECT value FROM json_each(${ids}))`,
  )
}

/**
 * The first MAX_CHECKED rows ordered by how many of `words` each prints (`spellings`: the tests for one word; `count`:
 * the query giving each id's number `n`), the rest after them.
 */
function movedFirst<R extends { id: number }>(
  db: Db,
  words: PrintedWord[] | null,
  rows: R[],
  spellings: (word: PrintedWord) => Sql[],
  count: (ids: string, n: Sql) => Sql,
): R[] {
  if (words === null || rows.length === 0) return rows
  const checked = rows.slice(0, MAX_CHECKED)
  const n = sql.join(
    words.map((word) => sql`(${sql.join(spellings(word), ' OR ')})`),
    ' + ',
  )
  const counts = new Map(
    all<{ id: number; n: number }>(db, count(JSON.stringify(checked.map((r) => r.id)), n)).map(
      (r) => [r.id, r.n],
    ),
  )
  const ordered = checked
    .map((row, i) => ({ row, i, n: counts.get(row.id) ?? 0 }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.row)
  return [...ordered, ...rows.slice(MAX_CHECKED)]
}
