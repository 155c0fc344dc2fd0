/**
 * Known-item search above the exact-ranking cut (issue #11 defect 7): pick documents at random, query two of the
 * most common words of their title (the words a person remembers and that match thousands of documents), and see
 * where the document lands — Lectern's search (bounded tiers, title matches first) against exhaustive bm25 over
 * every match ("FTS5 naive" ranking), measured in the same run, with the time each takes.
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/bench/known-item.ts [--count N] [--queries N]
 *
 * The library is the search bench's (scripts/bench/search/corpus.ts), cached under the temp folder; set TMPDIR to
 * keep a library of your own (opening one migrates it to this version's schema).
 */

import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { openDb } from '../../src/main/db/connection'
import { all, sql } from '../../src/main/library/sql'
import { QueryCompiler } from '../../src/main/search/query-compiler'
import { parseQuery } from '../../src/main/search/query-parser'
import { searchLibrary } from '../../src/main/search/search-service'
import { buildLibrary, corpusDir, loadCorpus } from './search/corpus'
import { numberArg as arg, median } from './support/bench-args'

const STOP = new Set(
  'the a an and or of to in on for at by with from is are was be as it its this that remarks president first lady'.split(
    ' ',
  ),
)

function main(): void {
  const count = arg('--count', 100_000)
  const queries = arg('--queries', 60)
  const corpus = corpusDir()
  if (!corpus) {
    process.stdout.write('known-item bench: corpus not found; skipped.\n')
    return
  }
  const lib = buildLibrary(
    count,
    () => loadCorpus(corpus),
    (s) => process.stdout.write(`${s}\n`),
  )
  const db = openDb(lib.file)
  const documents = db.prepare('SELECT count(*) FROM documents').pluck().get() as number
  const df = (word: string): number =>
    (db
      .prepare(
        `SELECT count(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT 100000)`,
      )
      .pluck()
      .get(`"${word}"`) as number) ?? 0

  let seed = 0x2026
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
  const rows: {
    query: string
    id: number
    total: number
    ours: number
    exhaustive: number
    oursMs: number
    exMs: number
  }[] = []
  for (let tries = 0; rows.length < queries && tries < queries * 20; tries++) {
    const id = 1 + Math.floor(random() * documents)
    const title = db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(id) as
      | string
      | undefined
    if (!title) continue
    const words = [
      ...new Set((title.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !STOP.has(w))),
    ]
    if (words.length < 2) continue
    const [a, b] = words.map((w) => ({ w, n: df(w) })).sort((x, y) => y.n - x.n)
    if (!a || !b) continue
    const query = `${a.w} ${b.w}`
    const started = performance.now()
    const result = searchLibrary(db, { query, limit: 20, includeQuotes: false })
    const oursMs = performance.now() - started
    if (result.total <= 2000) continue // only queries above the cut say anything here
    const compiled = new QueryCompiler('documents', () => []).compile(
      parseQuery(query, { asYouType: false }).root ?? (undefined as never),
    )
    const t = performance.now()
    const exhaustive = all<{ id: number }>(
      db,
      sql`SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ${compiled.match ?? ''}
          ORDER BY bm25(documents_fts, 10, 4, 4, 1) LIMIT 20`,
    ).map((r) => r.id)
    const exMs = performance.now() - t
    const oursRank = result.hits.findIndex((h) => h.documentId === id)
    rows.push({
      query,
      id,
      total: result.total,
      ours: oursRank,
      exhaustive: exhaustive.indexOf(id),
      oursMs,
      exMs,
    })
  }
  const onPage = (k: 'ours' | 'exhaustive') => rows.filter((r) => r[k] >= 0).length
  process.stdout.write(
    `known-item bench: ${documents.toLocaleString('en')} documents, ${rows.length} two-title-word queries above the cut ` +
      `(median ${median(rows.map((r) => r.total))} matches), load ${loadavg()[0]?.toFixed(1)}\n` +
      `  on page 1 (top 20):  Lectern ${onPage('ours')}/${rows.length}   exhaustive bm25 ${onPage('exhaustive')}/${rows.length}\n` +
      `  median ms:           Lectern ${median(rows.map((r) => r.oursMs)).toFixed(1)}   exhaustive bm25 ${median(rows.map((r) => r.exMs)).toFixed(1)}\n`,
  )
  for (const r of rows.filter((x) => x.ours < 0).slice(0, 5))
    process.stdout.write(
      `  missed: "${r.query}" → #${r.id} (${r.total} matches; exhaustive rank ${r.exhaustive})\n`,
    )
  db.close()
}

main()
