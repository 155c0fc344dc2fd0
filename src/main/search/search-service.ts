/**
 * search.query: parse → compile → count → rank → passages → suggestions.
 *
 * Ranking is FTS5 bm25 with column weights (title 10 > authors 4 = source 4 > body 1). What it costs, measured at
 * 100,000 documents (BBC + White House corpora; scripts/bench/search.ts and the numbers below from it): bm25 first
 * walks each phrase's whole doclist to count its documents (the IDF), then visits every occurrence of every query
 * word in every document it scores — and a short prefix or a common word matches nearly every document:
 *
 *   query             matches   naive count+bm25+snippet()   count   bm25 over the newest 500 | 2,000 matches
 *   "m*" (1 letter)    99,964          103 ms                  3.5 ms        ~2 | 8 ms
 *   "the"             100,000           97 ms                  3.2 ms        ~2 | 8 ms
 *   "president"        61,156           33 ms                  1.4 ms        ~1 | 4 ms
 *   "climate change"    8,978           12 ms                  0.6 ms        ~1 | 2 ms
 *
 * Decisions (each measured in the benchmark against "FTS5 naive", same run):
 * 1. Up to RANK_ALL matches, exact bm25. Above, bounded tiers: the matches newest first (import order: FTS5 walks
 *    rowids backwards for free) cut into tiers of CANDIDATES, each tier ranked by bm25, paging walking the tiers in
 *    order. Such queries are a word still being typed or a very common word, where "the best of the most recently
 *    imported" is a fair answer; `total` still counts every match (counting is cheap); one more letter usually
 *    brings the query under RANK_ALL, where ranking is exact again.
 * 2. Phrases in a tier are scored through relaxedMatch (the AND of their words): bm25's per-phrase document count
 *    would otherwise check word positions in every document holding the words ("white house": 10 → 6 ms).
 * 3. A query matching most of the library (UNSELECTIVE_SHARE: `i*` while typing, "the") is listed newest first
 *    unscored. Date order walks the date index when matches are dense instead of sorting them all.
 * 4. Filters read a narrow covering index (migration 0030), never the wide document rows (0.4 vs 4 µs per match).
 * 5. FlexSearch is not used. Full text at this size needs 940–1,180 MB (issue measurements) against a 400 MB budget;
 *    on titles + authors alone it answers a keystroke in 0.02 ms (p50) but adds ~110 MB of heap, ~0.1–0.3 s to
 *    import its exported index at every start, a second index to keep in step with SQLite, and still gives ids only
 *    (no body ranking, no passages). Bounded FTS5 already answers keystrokes with ranked, marked passages within the
 *    goals. Two runs, 2 shared cores, load average 2–3: full-query p95 12.8 ms (naive 61–62 ms, ×4.8), keystroke p95
 *    21–28 ms wall / 20–21 ms CPU (naive 138–144 ms, ×5–6.5), process RSS 142–149 MB, CLI cold start ≤ 245 ms.
 * 6. A one-letter prefix while typing (`s`, `nuclear w`, `tag:sport c`) is bounded (TYPING_COUNT_CAP): the count
 *    visits at most the newest 10,000 text matches and reports a lower bound (`totalIsEstimate`, "10,000+ results");
 *    bm25 leaves the letter out (it still filters the matches). Full queries keep exact totals. Median of 5 at
 *    100,000 documents, before → after: "s" 9 → 5.5 ms, "t" 18 → 6, "nuclear w" 10.6 → 6.5, "gordon b" 8.3 → 5.3,
 *    "tag:sport c" 44 → 8.5. Bench, same machine, load 0.7–1.3: keystroke p95 20.7 → 19.3 ms wall, 20.4 → 19.3 CPU
 *    (the brief's 33.8 ms p95 with "s" at 141 ms was a run under heavier load; idle, "s" was already ~9 ms). The
 *    keystroke p95 is now set by multi-letter prefixes ("pres", "econ", "tag:sport ch", "climate chan": 31–35 ms).
 * 7. Stemming (stems.ts) turns a word into an OR of its forms. Documents holding the words as typed rank first and
 *    are scored by bm25 over the typed words (typedFirst: the cost of search without stemming); the stemmed query is
 *    scored only for a page they do not fill. `npm run bench -- search --compare-stems`, CPU p95 with stemming on
 *    against off in the same run (load 8–16): full query +30.6 → +11…36 %, keystroke +17.8 → +1.5…9.7 %.
 */

import type {
  DocumentFormat,
  DocumentId,
  QuoteId,
  SearchArgs,
  SearchHit,
  SearchPassage,
  SearchResult,
  Suggestion,
} from '@shared/contract'
import type { Db } from '../db/connection'
import { all, get, type Sql, sql } from '../db/sql'
import { pageLabelOf, parsePageLabels } from '../text/page-labels'
import { displayTerm } from '../text/scripts'
import { foldLoose, tokenize } from './fold'
import { bestPassages, markedSlice, markWhole } from './passages'
import {
  type PrintedWord,
  printedFirst,
  printedQuotesFirst,
  printedWords,
} from './printed-diacritics'
import { printedForm } from './printed-forms'
import type { QueryNode } from './query-ast'
import {
  ftsPhrase,
  hasOneLetterPrefix,
  type MarkTerm,
  markTerms,
  QueryCompiler,
  relaxedMatch,
} from './query-compiler'
import { parseQuery } from './query-parser'
import { expandStems } from './stems'
import { corrections, looksMisspelt, vocabulary } from './vocabulary'

/** bm25 column weights: title, authors, source, text. */
export const COLUMN_WEIGHTS = [10, 4, 4, 1] as const
const BM25 = `bm25(documents_fts, ${COLUMN_WEIGHTS.join(', ')})`

/** Exact ranking up to this many matches; above it, rank the newest CANDIDATES (see the header). */
export const RANK_ALL = { typing: 1000, full: 2000 } as const
export const CANDIDATES = { typing: 300, full: 500 } as const
/**
 * A query matching more than this share of the library — while typing a one- or two-letter prefix, or a stopword
 * such as "the" — is listed newest first without bm25: its words occur hundreds of times per document, bm25 walks
 * every occurrence, and a score for "i*" or "the" carries no meaning anyway. One more letter and ranking resumes.
 */
export const UNSELECTIVE_SHARE = { typing: 0.5, full: 0.9 } as const
/**
 * While typing, a query holding a one-letter prefix (`s`, `nuclear w`) counts its documents only up to this many and
 * reports `total` as a lower bound (`totalIsEstimate`, shown as "10,000+ results"). FTS5 streams a prefix's doclists,
 * so stopping early is nearly free, while the exact count walks every word starting with the letter. Measured at
 * 100,000 documents (bench library, median of 5): count "s*" 3.9 ms → capped 0.06 ms, "t*" 10.7 → 0.07 ms,
 * "nuclear w*" 1.4 → 0.23 ms (at a cap of 1,001). The cap is 10,000 rather than RANK_ALL so that a word plus a
 * letter ("nuclear w", 7,401) still shows its exact count: only near-library-wide prefixes become estimates. Their
 * ranking leaves the one-letter prefix out of bm25 (relaxedMatch dropOneLetterPrefixes): still only documents
 * matching the whole query are listed, ranked by the other words ("nuclear w" tier bm25 3.3 → ~0.3 ms); a lone
 * letter is listed newest first, as an unselective query always was. Bench numbers: decision 6 in the header.
 */
export const TYPING_COUNT_CAP = 10_000
/** Quotes are short, but "i*" still matches them all: rank the newest this many when there are more. */
const QUOTE_CANDIDATES = 300

export const DEFAULT_LIMIT = 20

/**
 * Suggestions are looked for only when a query finds few documents — fewer than 3, or than 1 in 200 of the library
 * (libraries hold their own misspellings: "Afganistan" occurs in a few documents and must not hide the correction) —
 * so a query with plenty of results never pays for loading the vocabulary. While typing, only a query that finds
 * nothing is checked, so keystrokes stay cheap.
 */
const SUGGEST_BELOW = 3
const SUGGEST_BELOW_SHARE = 1 / 200

type DocRow = {
  id: number
  title: string
  authors: string
  source: string | null
  published_at: string | null
  format: DocumentFormat
  language: string | null
  text: string
  page_starts: string | null
  page_labels: string | null
}

type QuoteRow = {
  id: number
  document_id: number
  exact: string
  note: string
  page: number | null
  page_label: string | null
  rank: number
}

/** Text shown without marks (sentinels in the source removed, whitespace collapsed). */
const plain = (text: string): string => markedSlice(text, 0, text.length, [])

function parseAuthors(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string') : []
  } catch {
    return []
  }
}

function parsePageStarts(json: string | null): number[] | null {
  if (!json) return null
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) && value.every((n) => typeof n === 'number') ? value : null
  } catch {
    return null
  }
}

/** Tag ids for a tag name, compared with the search folding (case, accents); prefix while typing. */
function tagResolver(db: Db, problems: string[]): (name: string, prefix: boolean) => number[] {
  let tags: { id: number; folded: string }[] | null = null
  return (name, prefix) => {
    tags ??= (all<{ id: number; name: string }>(db, sql`SELECT id, name FROM tags`) ?? []).map(
      (t) => ({
        id: t.id,
        folded: foldLoose(t.name),
      }),
    )
    const wanted = foldLoose(name)
    const ids = tags
      .filter((t) => (prefix ? t.folded.startsWith(wanted) : t.folded === wanted))
      .map((t) => t.id)
    if (ids.length === 0 && !prefix) problems.push(`There is no tag named “${name}”.`)
    return ids
  }
}

const where = (conditions: Sql[]): Sql =>
  conditions.length === 0 ? sql`` : sql` AND ${sql.join(conditions, ' AND ')}`

/** The filter columns live in a narrow covering index (migration 0030): no visit to the wide document rows. */
const DOCS = sql.trusted('documents d INDEXED BY documents_search_filters')

type Ranked = {
  ids: number[]
  scores: Map<number, number>
  /** Only the newest this many matches were ranked by relevance (0: listed newest first, unranked). */
  rankedAmongNewest?: number
}

/**
 * Title matches are ranked first whenever the cut applies: a document whose title holds every query word (a known
 * item: "kenya railway" for "Kenya railway financing agreement") must never fall off page 1 because it was imported
 * long ago. Only when they are few (at most this many); a query whose words fill many titles keeps the tiers.
 */
const TITLE_FIRST_MAX = 100

/** Documents matching `match` whose title alone matches it too, best first; null when there are too many. */
function titleMatches(
  db: Db,
  match: string,
  from: Sql,
  conditions: Sql[],
  exact: string | null,
  typed: TypedQuery | null,
  printed: PrintedWord[] | null,
): Ranked | null {
  // Without exclusions, a title match of the expression is a match of it: one walk over its doclists instead of two
  // (the title-first count was the costliest statement of a stemmed query: each form's doclist walked twice).
  const inTitle = (expression: string) =>
    / NOT /.test(expression)
      ? `(${expression}) AND (title : (${expression}))`
      : `title : (${expression})`
  const titled = inTitle(match)
  const ranked = (expression: string) =>
    all<{ id: number; rank: number }>(
      db,
      sql`SELECT documents_fts.rowid AS id, ${sql.trusted(BM25)} AS rank FROM ${from}
          WHERE documents_fts MATCH ${expression}${where(conditions)} ORDER BY rank, documents_fts.rowid DESC`,
    )
  try {
    const n =
      get<{ n: number }>(
        db,
        sql`SELECT count(*) AS n FROM (SELECT documents_fts.rowid FROM ${from}
            WHERE documents_fts MATCH ${titled}${where(conditions)} LIMIT ${TITLE_FIRST_MAX + 1})`,
      )?.n ?? 0
    if (n === 0 || n > TITLE_FIRST_MAX) return null
    // With stemming, titles holding the typed words come first, scored by them alone (typedFirst); the stemmed
    // expression is scored only when some title matched through another form.
    const rows = printedFirst(
      db,
      printed,
      typed !== null
        ? typedFirst(ranked(inTitle(typed.match)), printed === null ? n : Infinity, () =>
            ranked(titled),
          )
        : exactFirstRows(db, exact, ranked(titled)),
    )
    return { ids: rows.map((r) => r.id), scores: new Map(rows.map((r) => [r.id, -r.rank])) }
  } catch {
    // A query FTS5 cannot restrict to the title (nested column filters): the tiers alone answer it.
    return null
  }
}

/** `first` (title matches) on top, then `rest` computed without them; offsets run over the whole list. */
function withTitlesFirst(
  first: Ranked | null,
  offset: number,
  limit: number,
  rest: (conditions: Sql[], offset: number, limit: number) => Ranked,
  conditions: Sql[],
): Ranked {
  if (!first) return rest(conditions, offset, limit)
  const head = first.ids.slice(offset, offset + limit)
  const scores = new Map([...head].map((id) => [id, first.scores.get(id) ?? 0]))
  const excluded = sql`documents_fts.rowid NOT IN (SELECT value FROM json_each(${JSON.stringify(first.ids)}))`
  const tail = rest(
    [...conditions, excluded],
    Math.max(0, offset - first.ids.length),
    limit - head.length,
  )
  for (const [id, score] of tail.scores) scores.set(id, score)
  return { ...tail, ids: [...head, ...tail.ids], scores }
}

/** Documents matching, regardless of paging (cheap: FTS5 only walks doclists; filters read the covering index). */
function countDocuments(db: Db, match: string | null, conditions: Sql[]): number {
  if (match === null) {
    const filter = conditions.length ? sql`WHERE ${sql.join(conditions, ' AND ')}` : sql``
    return get<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${DOCS} ${filter}`)?.n ?? 0
  }
  const from =
    conditions.length > 0
      ? sql`documents_fts JOIN ${DOCS} ON d.id = documents_fts.rowid`
      : sql`documents_fts`
  return (
    get<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM ${from} WHERE documents_fts MATCH ${match}${where(conditions)}`,
    )?.n ?? 0
  )
}

/**
 * countDocuments with bounded work: only the newest `cap` text matches are visited and the filters checked on those
 * (a filter must not make the walk unbounded: "tag:sport c" probes the tag of every c-word document, 29 ms).
 * `estimate` when the text matched at least `cap` documents: `count` is then a lower bound.
 */
function countDocumentsCapped(
  db: Db,
  match: string | null,
  conditions: Sql[],
  cap: number,
): { count: number; estimate: boolean } {
  if (match === null) return { count: countDocuments(db, match, conditions), estimate: false }
  const walked = sql`SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${cap}`
  const row =
    conditions.length === 0
      ? get<{ walked: number; n: number }>(
          db,
          sql`SELECT count(*) AS walked, count(*) AS n FROM (${walked})`,
        )
      : get<{ walked: number; n: number | null }>(
          db,
          sql`SELECT count(*) AS walked, sum(CASE WHEN ${sql.join(conditions, ' AND ')} THEN 1 ELSE 0 END) AS n
              FROM (${walked}) m JOIN ${DOCS} ON d.id = m.id`,
        )
  return { count: row?.n ?? 0, estimate: (row?.walked ?? 0) >= cap }
}

type DocQuery = {
  match: string | null
  conditions: Sql[]
  /** Matching documents; with `estimate`, a lower bound (TYPING_COUNT_CAP reached). */
  total: number
  estimate: boolean
  /** A cheaper superset expression to score with (relaxedMatch), or null. */
  relaxed: string | null
  /** The query holds a one-letter prefix being typed: score with `relaxed`, which leaves it out. */
  oneLetter: boolean
  /** The query's exact forms when stemming added others (stems.ts): those documents are ranked first. */
  exact: string | null
  /**
   * The query as typed, when stemming added forms and it reads with the same SQL conditions: its matches are the
   * exact ones, ranked by bm25 over the typed words alone (typedFirst).
   */
  typed: TypedQuery | null
  /** The query's words typed with diacritics (printed-diacritics.ts): documents printing them so rank first. */
  printed: PrintedWord[] | null
}

/** The query before stemming: its MATCH and relaxed expressions. */
type TypedQuery = { match: string; relaxed: string | null }

/**
 * Exact matches first, then the rest, without scoring every form when the page is full of exact matches. bm25 first
 * walks the whole doclist of every phrase to count its documents, so scoring the stemmed query costs each added form
 * its doclist ("government" with governments, governance, govern, governing…: 43 → 75 ms for one tier on a machine
 * at load 12, where the unstemmed query paid 43). The exact matches are the typed query's matches; ranked by bm25 of
 * the typed words alone they cost what search without stemming cost, and the stemmed query is scored only when they
 * do not fill the page. Rows are the candidates' ranked rows, best first; `needed` how many the caller keeps.
 */
function typedFirst(
  typedRows: { id: number; rank: number }[],
  needed: number,
  stemmedRows: () => { id: number; rank: number }[],
): { id: number; rank: number }[] {
  if (typedRows.length >= needed) return typedRows
  const exact = new Set(typedRows.map((r) => r.id))
  return [...typedRows, ...stemmedRows().filter((r) => !exact.has(r.id))]
}

function rankDocuments(
  db: Db,
  query: DocQuery,
  sort: 'relevance' | 'newest',
  offset: number,
  limit: number,
  typing: boolean,
): Ranked {
  const { match, conditions, total, estimate } = query
  const scores = new Map<number, number>()
  if ((!estimate && (total === 0 || offset >= total)) || limit <= 0) return { ids: [], scores }
  if (match === null) {
    // Filters and exclusions only: newest first.
    const filter = conditions.length ? sql`WHERE ${sql.join(conditions, ' AND ')}` : sql``
    const ids = all<{ id: number }>(
      db,
      sql`SELECT d.id FROM ${DOCS} ${filter} ORDER BY d.published_at DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`,
    ).map((r) => r.id)
    return { ids, scores }
  }
  const from =
    conditions.length > 0
      ? sql`documents_fts JOIN ${DOCS} ON d.id = documents_fts.rowid`
      : sql`documents_fts`

  if (sort === 'newest') {
    // Date order needs no bm25 (whose first step walks every match of every phrase again): scores stay 0.
    return { ids: newestMatches(db, match, conditions, total, estimate, offset, limit), scores }
  }

  const rankAll = typing ? RANK_ALL.typing : RANK_ALL.full
  const unselective = typing ? UNSELECTIVE_SHARE.typing : UNSELECTIVE_SHARE.full
  // A lone letter (nothing left to score once it is left out) with too many matches to count: newest first.
  const unscorable = estimate && query.relaxed === null
  if (unscorable || (!estimate && total > rankAll && total > unselective * librarySize(db))) {
    const newest = (where_: Sql[], skip: number, take: number): Ranked => ({
      ids:
        take <= 0
          ? []
          : all<{ id: number }>(
              db,
              sql`SELECT documents_fts.rowid AS id FROM ${from} WHERE documents_fts MATCH ${match}${where(where_)}
                  ORDER BY documents_fts.rowid DESC LIMIT ${take} OFFSET ${skip}`,
            ).map((r) => r.id),
      scores: new Map(),
      rankedAmongNewest: 0,
    })
    const titles = unscorable
      ? null
      : titleMatches(db, match, from, conditions, query.exact, query.typed, query.printed)
    return withTitlesFirst(titles, offset, limit, newest, conditions)
  }
  if (estimate || total > rankAll) {
    const size = typing ? CANDIDATES.typing : CANDIDATES.full
    const tiers = (where_: Sql[], skip: number, take: number): Ranked => ({
      ...(take <= 0
        ? { ids: [], scores: new Map<number, number>() }
        : rankTiers(db, { ...query, conditions: where_ }, from, size, skip, take)),
      rankedAmongNewest: size,
    })
    return withTitlesFirst(
      titleMatches(db, match, from, conditions, query.exact, query.typed, query.printed),
      offset,
      limit,
      tiers,
      conditions,
    )
  }
  // A word plus a letter with few matches ("mombasa r"): one tier holding every match, scored without the letter.
  if (query.oneLetter && query.relaxed !== null) {
    return rankTiers(db, query, from, rankAll, offset, limit)
  }
  return rankWindow(
    db,
    match,
    from,
    conditions,
    offset,
    limit,
    query.exact,
    query.typed,
    query.printed,
  )
}

/**
 * Bounded ranking that pages consistently: the matches, newest first, are cut into tiers of `size` (import order);
 * the list is tier 0 ranked by bm25, then tier 1 ranked, and so on. Page 1 is the best of the newest `size` matches;
 * paging on walks into older tiers without repeating or skipping anything.
 */
function rankTiers(
  db: Db,
  query: {
    match: string | null
    conditions: Sql[]
    relaxed: string | null
    exact: string | null
    typed: TypedQuery | null
    printed: PrintedWord[] | null
  },
  from: Sql,
  size: number,
  offset: number,
  limit: number,
): Ranked {
  const { match, conditions } = query
  const ids: number[] = []
  const scores = new Map<number, number>()
  if (match === null) return { ids, scores }
  for (let tier = Math.floor(offset / size); ids.length < limit; tier++) {
    const members = all<{ id: number }>(
      db,
      sql`SELECT documents_fts.rowid AS id FROM ${from} WHERE documents_fts MATCH ${match}${where(conditions)}
          ORDER BY documents_fts.rowid DESC LIMIT ${size} OFFSET ${tier * size}`,
    ).map((r) => r.id)
    if (members.length === 0) break
    const high = members[0] ?? 0
    const low = members[members.length - 1] ?? 0
    const skip = Math.max(0, offset - tier * size)
    const want = limit - ids.length
    const range = sql` AND documents_fts.rowid BETWEEN ${low} AND ${high}`
    const inTier = new Set(members)
    /** The whole tier ranked by `expression` (relaxed when it can be), best first. */
    const rankTier = (expression: string, relaxed: string | null) =>
      (relaxed !== null ? rankRelaxed(db, relaxed, from, conditions, inTier, low, high) : null) ??
      rankRows(db, expression, from, conditions, range, 0, size)
    const { typed } = query
    // Exact forms first within the tier (stems.ts): the whole tier is ranked, then cut. The typed query's matches
    // in the tier are its members holding the exact forms (the relaxed typed words keep those forms; everything
    // they leave out, every member satisfies).
    const { printed } = query
    const ranked =
      printed !== null
        ? printedFirst(
            db,
            printed,
            query.exact === null
              ? rankTier(match, query.relaxed)
              : typed !== null
                ? typedFirst(rankTier(typed.match, typed.relaxed), Infinity, () =>
                    rankTier(match, query.relaxed),
                  )
                : exactFirstRows(db, query.exact, rankTier(match, query.relaxed)),
          ).slice(skip, skip + want)
        : query.exact === null
          ? ((query.relaxed !== null
              ? rankRelaxed(db, query.relaxed, from, conditions, inTier, low, high)
              : null
            )?.slice(skip, skip + want) ?? rankRows(db, match, from, conditions, range, skip, want))
          : typed !== null
            ? typedFirst(rankTier(typed.match, typed.relaxed), skip + want, () =>
                rankTier(match, query.relaxed),
              ).slice(skip, skip + want)
            : exactFirstRows(db, query.exact, rankTier(match, query.relaxed)).slice(
                skip,
                skip + want,
              )
    for (const r of ranked) {
      ids.push(r.id)
      scores.set(r.id, -r.rank)
    }
    if (members.length < size) break
  }
  return { ids, scores }
}

/** bm25 over the matches (within the rowid range, when given), best first. */
function rankRows(
  db: Db,
  match: string,
  from: Sql,
  conditions: Sql[],
  range: Sql,
  offset: number,
  limit: number,
): { id: number; rank: number }[] {
  return all<{ id: number; rank: number }>(
    db,
    sql`SELECT documents_fts.rowid AS id, ${sql.trusted(BM25)} AS rank FROM ${from}
        WHERE documents_fts MATCH ${match}${range}${where(conditions)}
        ORDER BY rank, documents_fts.rowid DESC LIMIT ${limit} OFFSET ${offset}`,
  )
}

/**
 * Ranked rows with those matching the query's exact forms (`exact`: the query before stemming added other forms,
 * stems.ts) moved first, order otherwise kept. The exact query is evaluated only over the rows' rowid range: a
 * full evaluation per ranking step cost ~25 ms per query at 100,000 documents ("climate change" 9.5 → 35 ms CPU).
 */
function exactFirstRows(
  db: Db,
  exact: string | null,
  rows: { id: number; rank: number }[],
): { id: number; rank: number }[] {
  if (exact === null || rows.length === 0) return rows
  let low = Number.POSITIVE_INFINITY
  let high = 0
  for (const r of rows) {
    if (r.id < low) low = r.id
    if (r.id > high) high = r.id
  }
  // Only the rows' own ids come back: `+rowid` keeps the IN list away from FTS5, which would otherwise seek each id
  // through every doclist (~0.1 ms per id); the walk over the range stays one doclist merge. Returning every exact
  // match in the range instead cost up to 86 ms for title matches spread over the library ("president": 60,000
  // rows to JavaScript, 4 ms this way; load ~11).
  const exactIds = new Set(
    all<{ id: number }>(
      db,
      sql`SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ${exact}
          AND rowid BETWEEN ${low} AND ${high}
          AND +rowid IN (SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.id))}))`,
    ).map((r) => r.id),
  )
  return [...rows.filter((r) => exactIds.has(r.id)), ...rows.filter((r) => !exactIds.has(r.id))]
}

/** Exact ranking of every match. */
function rankWindow(
  db: Db,
  match: string,
  from: Sql,
  conditions: Sql[],
  offset: number,
  limit: number,
  exact: string | null,
  typed: TypedQuery | null,
  printed: PrintedWord[] | null,
): Ranked {
  const scores = new Map<number, number>()
  const every = (expression: string) =>
    rankRows(db, expression, from, conditions, sql``, 0, RANK_ALL.full)
  // With exact forms or printed diacritics to put first, every match is ranked (at most RANK_ALL here), then cut.
  const needed = printed === null ? offset + limit : Infinity
  const rows =
    exact === null && printed === null
      ? rankRows(db, match, from, conditions, sql``, offset, limit)
      : printedFirst(
          db,
          printed,
          exact === null
            ? every(match)
            : typed !== null
              ? typedFirst(every(typed.match), needed, () => every(match))
              : exactFirstRows(db, exact, every(match)),
        ).slice(offset, offset + limit)
  for (const r of rows) scores.set(r.id, -r.rank)
  return { ids: rows.map((r) => r.id), scores }
}

/**
 * Score a tier with the relaxed expression (query-compiler relaxedMatch: no phrase positions to check in bm25's
 * document counts, no one-letter prefix while typing) and keep the tier's real members. Only when the relaxed
 * expression matches at most 4× as many documents as the tier holds in its rowid range: free to know when the members
 * are dense there (at least a quarter of it), otherwise counted with that limit (a bounded doclist walk).
 */
function rankRelaxed(
  db: Db,
  relaxed: string,
  from: Sql,
  conditions: Sql[],
  members: Set<number>,
  low: number,
  high: number,
): { id: number; rank: number }[] | null {
  const most = members.size * 4
  if (high - low + 1 > most) {
    const n =
      get<{ n: number }>(
        db,
        sql`SELECT count(*) AS n FROM (SELECT documents_fts.rowid FROM ${from}
            WHERE documents_fts MATCH ${relaxed} AND documents_fts.rowid BETWEEN ${low} AND ${high}${where(conditions)}
            LIMIT ${most + 1})`,
      )?.n ?? 0
    if (n > most) return null
  }
  return all<{ id: number; rank: number }>(
    db,
    sql`SELECT documents_fts.rowid AS id, ${sql.trusted(BM25)} AS rank FROM ${from}
        WHERE documents_fts MATCH ${relaxed} AND documents_fts.rowid BETWEEN ${low} AND ${high}${where(conditions)}
        ORDER BY rank, documents_fts.rowid DESC`,
  ).filter((r) => members.has(r.id))
}

/** Highest document id: the library's size for "what share of it matches" (ids are dense; gaps only shrink it). */
function librarySize(db: Db): number {
  return get<{ n: number | null }>(db, sql`SELECT max(id) AS n FROM documents`)?.n ?? 0
}

/**
 * Matches newest first (published date, then id). When matches are dense (more than a tenth of the library), walking
 * the date index from the top and probing a set of matching ids stops after a few dozen rows; sorting every match
 * (the other branch) costs ~4 µs each.
 */
function newestMatches(
  db: Db,
  match: string,
  conditions: Sql[],
  total: number,
  estimate: boolean,
  offset: number,
  limit: number,
): number[] {
  // An estimate means at least TYPING_COUNT_CAP matches: dense enough for the date index walk.
  if (estimate || (total > RANK_ALL.full && total * 10 > librarySize(db))) {
    return all<{ id: number }>(
      db,
      sql`SELECT d.id FROM documents d INDEXED BY documents_by_published_at
          WHERE d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${match})${where(conditions)}
          ORDER BY d.published_at DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`,
    ).map((r) => r.id)
  }
  return all<{ id: number }>(
    db,
    sql`SELECT documents_fts.rowid AS id FROM documents_fts JOIN ${DOCS} ON d.id = documents_fts.rowid
        WHERE documents_fts MATCH ${match}${where(conditions)}
        ORDER BY d.published_at DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`,
  ).map((r) => r.id)
}

/** Hits for ranked document ids, by id (a document deleted meanwhile is simply absent). */
function documentHits(db: Db, ranked: Ranked, marks: MarkTerm[]): Map<number, SearchHit> {
  const hits = new Map<number, SearchHit>()
  if (ranked.ids.length === 0) return hits
  const list = sql.join(
    ranked.ids.map((id) => sql`${id}`),
    ', ',
  )
  const rows = all<DocRow>(
    db,
    sql`SELECT id, title, authors, source, published_at, format, language, text, page_starts,
               (SELECT json_group_array(json_extract(value, '$.label') ORDER BY key) FROM json_each(CASE WHEN json_valid(pages) THEN pages END)) AS page_labels
          FROM documents WHERE id IN (${list})`,
  )
  for (const row of rows) {
    const passages = bestPassages(
      row.text,
      marks,
      parsePageStarts(row.page_starts),
      {},
      parsePageLabels(row.page_labels),
    )
    hits.set(row.id, {
      type: 'document',
      documentId: row.id as DocumentId,
      title: row.title,
      source: row.source,
      authors: parseAuthors(row.authors),
      publishedAt: row.published_at,
      format: row.format,
      language: row.language,
      snippet: passages[0]?.text ?? '',
      passages,
      page: passages[0]?.page ?? null,
      pageLabel: passages[0]?.pageLabel ?? null,
      score: ranked.scores.get(row.id) ?? 0,
    })
  }
  return hits
}

function countQuotes(db: Db, match: string, conditions: Sql[]): number {
  return (
    get<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid
          WHERE quotes_fts MATCH ${match}${where(conditions)}`,
    )?.n ?? 0
  )
}

function rankQuotes(
  db: Db,
  match: string,
  conditions: Sql[],
  total: number,
  offset: number,
  limit: number,
  exact: string | null,
  printed: PrintedWord[] | null,
): QuoteRow[] {
  if (limit <= 0) return []
  // Quotes holding the query's exact forms first, as for documents (exactFirst).
  const exactQuotesFirst =
    exact === null
      ? sql``
      : sql`(quotes_fts.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ${exact})) DESC,`
  let window = sql``
  const candidates = Math.max(QUOTE_CANDIDATES, offset + limit)
  if (total > candidates) {
    const cutoff = get<{ id: number }>(
      db,
      sql`SELECT q.id FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid
          WHERE quotes_fts MATCH ${match}${where(conditions)}
          ORDER BY quotes_fts.rowid DESC LIMIT 1 OFFSET ${candidates - 1}`,
    )?.id
    if (cutoff !== undefined) window = sql` AND quotes_fts.rowid >= ${cutoff}`
  }
  // With words typed with diacritics, the best rows up to this page are ranked again by the forms they print.
  const from = printed === null ? offset : 0
  const rows = all<QuoteRow>(
    db,
    sql`SELECT q.id, q.document_id, q.exact, q.note, q.page, bm25(quotes_fts) AS rank,
               CASE WHEN q.page IS NOT NULL THEN (SELECT json_extract(d.pages, '$[' || (q.page - 1) || '].label')
                 FROM documents d WHERE d.id = q.document_id AND json_valid(d.pages)) END AS page_label
        FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid
        WHERE quotes_fts MATCH ${match}${window}${where(conditions)}
        ORDER BY ${exactQuotesFirst} rank, q.id DESC LIMIT ${limit + offset - from} OFFSET ${from}`,
  )
  return printed === null ? rows : printedQuotesFirst(db, printed, rows).slice(offset)
}

/**
 * Quote and note hits share the list with documents: every QUOTE_EVERY-th place (0, 4, 8, …) holds the next best
 * quote while there are quotes, so the reader's own passages show up at the top without crowding documents out.
 * Returns how many of each come before list position `offset`.
 */
export function splitOffset(
  offset: number,
  quoteTotal: number,
  docTotal: number,
): { quotes: number; docs: number } {
  let quotes = Math.min(quoteTotal, Math.ceil(offset / QUOTE_EVERY))
  let docs = offset - quotes
  if (docs > docTotal) {
    docs = docTotal
    quotes = Math.min(quoteTotal, offset - docs)
  }
  return { quotes, docs }
}

export const QUOTE_EVERY = 4

/** Hits for quote rows, aligned with them (undefined where the document vanished meanwhile). */
function quoteHits(db: Db, rows: QuoteRow[], marks: MarkTerm[]): (SearchHit | undefined)[] {
  if (rows.length === 0) return []
  const list = sql.join(
    [...new Set(rows.map((r) => r.document_id))].map((id) => sql`${id}`),
    ', ',
  )
  const docs = new Map(
    all<Omit<DocRow, 'text' | 'page_starts' | 'page_labels'>>(
      db,
      sql`SELECT id, title, authors, source, published_at, format, language FROM documents WHERE id IN (${list})`,
    ).map((d) => [d.id, d]),
  )
  const hits: (SearchHit | undefined)[] = []
  for (const row of rows) {
    const doc = docs.get(row.document_id)
    if (!doc) {
      hits.push(undefined)
      continue
    }
    const exact = markWhole(row.exact, marks)
    const note = row.note ? markWhole(row.note, marks) : null
    const isNote = exact === null && note !== null
    const at = {
      page: row.page,
      pageLabel: typeof row.page_label === 'string' ? row.page_label : null,
    }
    const passages: SearchPassage[] = isNote
      ? [
          { text: note ?? plain(row.note), ...at },
          { text: plain(row.exact), ...at },
        ]
      : [{ text: exact ?? plain(row.exact), ...at }, ...(note ? [{ text: note, ...at }] : [])]
    hits.push({
      type: isNote ? 'note' : 'quote',
      documentId: row.document_id as DocumentId,
      quoteId: row.id as QuoteId,
      title: doc.title,
      source: doc.source,
      authors: parseAuthors(doc.authors),
      publishedAt: doc.published_at,
      format: doc.format,
      language: doc.language,
      snippet: passages[0]?.text ?? '',
      passages,
      ...at,
      score: -row.rank,
    })
  }
  return hits
}

/**
 * Folded words the user typed in full (not prefixes, not excluded), for spelling checks. With `withPrefixes`, a
 * trailing prefix word counts too: used while typing when the query matched nothing, so "Nairboi" gets its
 * "did you mean" before a space is typed (a prefix that matches no word at all is as unknown as a whole word).
 */
function checkableWords(root: QueryNode | null, withPrefixes = false): string[] {
  const out = new Set<string>()
  const walk = (node: QueryNode) => {
    switch (node.kind) {
      case 'text':
        node.terms.forEach((t, i) => {
          if (withPrefixes || !(node.prefix && i === node.terms.length - 1)) out.add(t)
        })
        return
      case 'near':
        for (const g of node.groups) walk(g)
        return
      case 'and':
      case 'or':
        for (const c of node.children) walk(c)
        return
      default:
        return
    }
  }
  if (root) walk(root)
  return [...out].filter((w) => w.length >= 3 && !/^\d+$/.test(w))
}

/** Replace every occurrence of a folded word in the raw query with its correction. */
function replaceWord(query: string, fixes: Map<string, string>): string {
  let out = ''
  let at = 0
  for (const token of tokenize(query)) {
    const fix = fixes.get(token.term)
    if (fix === undefined) continue
    out += query.slice(at, token.start) + fix
    at = token.end
  }
  return out + query.slice(at)
}

/**
 * Documents holding `term` together with every one of `context` (capped: only an ordering is needed). Used to pick
 * between equally likely corrections: in "Presdent Ruto", "president" occurs with "ruto", "present" hardly does.
 */
function cooccurrence(db: Db, term: string, context: readonly string[]): number {
  const match = [term, ...context]
    .map((t) => ftsPhrase({ terms: [t], prefix: false }))
    .join(' AND ')
  return (
    get<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ${match} LIMIT 200)`,
    )?.n ?? 0
  )
}

/** "Did you mean" for the words of a query that look misspelt. */
export function suggest(
  db: Db,
  query: string,
  root: QueryNode | null,
  typing = false,
): Suggestion[] {
  const words = checkableWords(root, typing)
  if (words.length === 0) return []
  const vocab = vocabulary(db)
  // The snapshot keeps words of deleted documents until its next rebuild: offer only words the index still has.
  const inIndex = (term: string) =>
    get<{ one: number }>(
      db,
      sql`SELECT 1 AS one FROM documents_fts WHERE documents_fts MATCH ${ftsPhrase({ terms: [term], prefix: false })} LIMIT 1`,
    ) !== undefined
  const best = new Map<string, ReturnType<typeof corrections>>()
  for (const word of words) {
    const found = corrections(vocab, word).filter((c) => inIndex(c.term))
    if (looksMisspelt(vocab.docs.get(word) ?? 0, found[0])) best.set(word, found)
  }
  if (best.size === 0) return []
  // The words spelt right are context: a correction found beside them beats a merely more common word.
  const context = words.filter((w) => !best.has(w) && (vocab.docs.get(w) ?? 0) > 0)
  if (context.length > 0) {
    for (const [word, list] of best) {
      const withContext = new Map(list.map((c) => [c.term, cooccurrence(db, c.term, context)]))
      best.set(
        word,
        [...list].sort((a, b) => (withContext.get(b.term) ?? 0) - (withContext.get(a.term) ?? 0)),
      )
    }
  }
  // Words are shown as the documents print them (printed-forms.ts), never as the index's folded terms; a correction
  // that no document prints (its documents were deleted meanwhile) is not offered.
  const typedAs = typedWords(query)
  const offered = new Map<string, { term: string; printed: string }[]>()
  for (const [word, list] of best) {
    const typed = typedAs.get(word) ?? displayTerm(word)
    const printed = list.flatMap((c) => {
      const form = printedForm(db, c.term, typed)
      return form === null ? [] : [{ term: c.term, printed: form }]
    })
    if (printed.length > 0) offered.set(word, printed)
  }
  const first = new Map([...offered].map(([w, list]) => [w, list[0]?.printed ?? w]))
  const suggestions: Suggestion[] = []
  for (const [word, list] of offered) {
    for (const c of list) {
      const fixes = new Map(first)
      fixes.set(word, c.printed)
      suggestions.push({
        word: typedAs.get(word) ?? displayTerm(word),
        replacement: c.printed,
        query: replaceWord(query, fixes),
      })
    }
  }
  return suggestions
}

/** Each folded word of the query as the user typed it (its first occurrence). */
function typedWords(query: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const token of tokenize(query)) {
    if (!out.has(token.term)) out.set(token.term, query.slice(token.start, token.end))
  }
  return out
}

/** The `total` a search for `query` would report (documents plus quotes and notes), without ranking or passages. */
export function countMatches(db: Db, query: string): number {
  const parsed = parseQuery(query)
  if (!parsed.root) return 0
  const root = expandStems(db, parsed.root).root
  const resolver = tagResolver(db, [])
  let docs = new QueryCompiler('documents', resolver).compile(root)
  if (docs.match === null) {
    docs = new QueryCompiler('documents', resolver, { tagForm: 'set' }).compile(root)
  }
  const quotes = new QueryCompiler('quotes', resolver).compile(root)
  const quoteTotal = quotes.match ? countQuotes(db, quotes.match, quotes.where) : 0
  return quoteTotal + countDocuments(db, docs.match, docs.where)
}

/**
 * The query as typed, for ranking its (exact) matches first: only when it compiles to a MATCH with the very same SQL
 * conditions as the stemmed query, so that its matches among the stemmed ones are exactly the exact ones.
 */
function typedQuery(
  typed: QueryNode,
  stemmed: { where: Sql[] },
  resolver: (name: string, prefix: boolean) => number[],
  oneLetter: boolean,
): TypedQuery | null {
  const compiled = new QueryCompiler('documents', resolver).compile(typed)
  if (compiled.match === null) return null
  const same = (a: Sql[]) => JSON.stringify(a.map((c) => [c.text, c.params]))
  if (same(compiled.where) !== same(stemmed.where)) return null
  return {
    match: compiled.match,
    relaxed: relaxedMatch(typed, { dropOneLetterPrefixes: oneLetter }),
  }
}

/** Run one search. Never throws for any query text; database failures propagate to the dispatcher. */
export function searchLibrary(db: Db, args: SearchArgs): SearchResult {
  const started = performance.now()
  const limit = args.limit ?? DEFAULT_LIMIT
  const offset = args.offset ?? 0
  const sort = args.sort ?? 'relevance'
  const typing = args.asYouType === true
  const parsed = parseQuery(args.query, { asYouType: typing })
  const problems = [...parsed.problems]
  const finish = (result: Omit<SearchResult, 'tookMs' | 'message'>): SearchResult => ({
    ...result,
    ...(problems.length > 0 ? { message: [...new Set(problems)].join(' ') } : {}),
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  })
  if (!parsed.root) {
    if (args.query.trim().length > 0 && problems.length === 0) {
      problems.push('Nothing to search for: type a word, a "phrase" or a filter like tag:climate.')
    }
    return finish({ total: 0, hits: [], suggestions: [] })
  }
  const typed = parsed.root
  const oneLetter = typing && hasOneLetterPrefix(typed)
  // One read transaction: counts, ranking and rows come from the same snapshot of the library.
  const { total, docTotal, estimate, hits, rankedAmongNewest } = db.transaction(() => {
    // Plain words also find the other forms of their stem (stems.ts); passages mark those forms too.
    const { root, exact } = expandStems(db, typed)
    const marks = markTerms(root)
    const resolver = tagResolver(db, problems)
    let docs = new QueryCompiler('documents', resolver).compile(root)
    // No text drives the query: read tag filters as sets of documents rather than probing every row.
    if (docs.match === null) {
      docs = new QueryCompiler('documents', resolver, { tagForm: 'set' }).compile(root)
    }
    const quotesQuery =
      args.includeQuotes === false ? null : new QueryCompiler('quotes', resolver).compile(root)
    // The expanded words as typed: matches holding them are ranked above matches through another form.
    const exactDocs =
      exact && docs.match !== null
        ? new QueryCompiler('documents', () => []).compile(exact).match
        : null
    const exactQuotes =
      exact && quotesQuery?.match
        ? new QueryCompiler('quotes', () => []).compile(exact).match
        : null
    const typedDocs = exactDocs !== null ? typedQuery(typed, docs, resolver, oneLetter) : null

    const quoteTotal = quotesQuery?.match
      ? countQuotes(db, quotesQuery.match, quotesQuery.where)
      : 0
    const counted = oneLetter
      ? countDocumentsCapped(db, docs.match, docs.where, TYPING_COUNT_CAP)
      : { count: countDocuments(db, docs.match, docs.where), estimate: false }
    const docTotal = counted.count
    const estimate = counted.estimate
    const before = splitOffset(offset, quoteTotal, docTotal)
    const quoteRows = quotesQuery?.match
      ? rankQuotes(
          db,
          quotesQuery.match,
          quotesQuery.where,
          quoteTotal,
          before.quotes,
          Math.min(limit, quoteTotal - before.quotes),
          exactQuotes,
          printedWords(typed),
        )
      : []
    const ranked = rankDocuments(
      db,
      {
        match: docs.match,
        conditions: docs.where,
        total: docTotal,
        estimate,
        relaxed: relaxedMatch(root, { dropOneLetterPrefixes: oneLetter }),
        oneLetter,
        exact: exactDocs,
        typed: typedDocs,
        printed: printedWords(typed),
      },
      sort,
      before.docs,
      limit,
      typing,
    )
    // Interleave: place p is a quote when p % QUOTE_EVERY === 0 (or documents ran out) and a quote is left.
    const quoteList = quoteHits(db, quoteRows, marks)
    const order: ({ quote: number } | { doc: number })[] = []
    let qi = 0
    let di = 0
    for (let p = offset; order.length < limit; p++) {
      const quoteLeft = qi < quoteRows.length
      const docLeft = di < ranked.ids.length
      if (!quoteLeft && !docLeft) break
      if (quoteLeft && (p % QUOTE_EVERY === 0 || !docLeft)) order.push({ quote: qi++ })
      else order.push({ doc: ranked.ids[di++] ?? 0 })
    }
    const docIds = order.flatMap((o) => ('doc' in o ? [o.doc] : []))
    const docMap = documentHits(db, { ids: docIds, scores: ranked.scores }, marks)
    const hits = order.flatMap((o) => {
      const hit = 'quote' in o ? quoteList[o.quote] : docMap.get(o.doc)
      return hit ? [hit] : []
    })
    // A lower bound is at least what was listed (filters were checked on the newest matches only).
    const docsShown = estimate ? Math.max(docTotal, before.docs + ranked.ids.length) : docTotal
    return {
      total: quoteTotal + docsShown,
      docTotal,
      estimate,
      hits,
      rankedAmongNewest: ranked.rankedAmongNewest,
    }
  })()
  // Outside the transaction: refreshing the vocabulary may write.
  const fewResults = typing
    ? docTotal === 0 && !estimate
    : docTotal < SUGGEST_BELOW || docTotal < librarySize(db) * SUGGEST_BELOW_SHARE
  const suggestions = fewResults ? suggest(db, args.query, typed, typing) : []
  return finish({
    total,
    ...(estimate ? { totalIsEstimate: true } : {}),
    ...(rankedAmongNewest !== undefined ? { rankedAmongNewest } : {}),
    hits,
    suggestions,
  })
}
