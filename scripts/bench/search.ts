/**
 * Search benchmark (issue 5): a 100,000-document library built from the BBC and White House corpora (replicated with
 * distinct ids, cached under the temp folder), Lectern's search against the baseline "FTS5 naive" (bm25 + snippet()
 * over all matches) measured in the same run.
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/bench/search.ts [--count N] [--reps N]
 *
 * Reports full-query and per-keystroke p50/p95, the "did you mean" hit rate over misspellings, cold start of the CLI
 * (`node out/main/cli.js search`, process start to results) and RSS. The corpus comes from LECTERN_CORPUS or
 * ../shared/corpus; without it the benchmark says so and exits 0.
 *
 * `--compare-stems` measures only full queries and keystrokes, with stemmed search off and on (stems.ts), alternating
 * query by query in the same run on the same library, prints both with their ratio and the queries stemming costs
 * most, and reports the size of search_stems beside the FTS index (issue #14):
 *
 *   npm run bench -- search --compare-stems        (or: npx tsx --tsconfig tsconfig.node.json scripts/bench/search.ts --compare-stems)
 *
 * `--compare-printed` times only searches that suggest (the "did you mean" cases), showing the folded term as before
 * and the printed spelling (printed-forms.ts, cold and cached), alternating in the same run:
 *
 *   npm run bench -- search --compare-printed
 *
 * `--compare-diacritics` times queries typed with accents (printed-diacritics.ts: documents printing the marks ranked
 * first) against the same queries ranked as before, alternating in the same run, full queries and keystrokes:
 *
 *   npm run bench -- search --compare-diacritics
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDb } from '../../src/main/db/connection'
import { terms } from '../../src/main/search/fold'
import { printedRanking } from '../../src/main/search/printed-diacritics'
import { forgetPrintedForms, printedSuggestions } from '../../src/main/search/printed-forms'
import { searchLibrary } from '../../src/main/search/search-service'
import { stemmedSearch } from '../../src/main/search/stems'
import { refreshVocabulary, vocabulary } from '../../src/main/search/vocabulary'
import type { SearchArgs } from '../../src/shared/contract'
import { buildLibrary, corpusDir, loadCorpus } from './search/corpus'
import { type FlexReport, measureFlexTitles } from './search/flexsearch-titles'
import { naiveSearch } from './search/naive'
import { FULL_QUERIES, MISSPELLINGS, TYPED_QUERIES } from './search/queries'
import { numberArg as arg } from './support/bench-args'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../..')

function pct(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1).padStart(7) : '    n/a')

/** CPU milliseconds (user + system) of the last `time` call: immune to the other processes sharing the cores. */
let lastCpu = 0

function time(fn: () => unknown): number {
  const c = process.cpuUsage()
  const t = performance.now()
  fn()
  const wall = performance.now() - t
  const used = process.cpuUsage(c)
  lastCpu = (used.user + used.system) / 1000
  return wall
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Measured = {
  documents: number
  vocabularyRebuildMs: number | null
  full: {
    ours: number[]
    naive: number[]
    oursCpu: number[]
    naiveCpu: number[]
    slowest: [string, number][]
  }
  typing: {
    ours: number[]
    naive: number[]
    oursCpu: number[]
    naiveCpu: number[]
    slowest: [string, number][]
    keystrokes: number
  }
  fuzzy: { hand: [number, number]; generated: [number, number]; misses: string[] }
  rssMb: number
}

/** Whether searching `typed` suggests `intended` (compared folded: suggestions show the printed spelling). */
function found(db: ReturnType<typeof openDb>, typed: string, intended: string): boolean {
  const result = searchLibrary(db, { query: typed, limit: 20 })
  const word = terms(typed)[0] ?? ''
  return result.suggestions.some(
    (s) => terms(s.word)[0] === word && terms(s.replacement)[0] === intended,
  )
}

/** The "did you mean" cases: the hand-picked misspellings the library knows, then 100 generated ones. */
function didYouMeanCases(
  db: ReturnType<typeof openDb>,
  documents: number,
): { typed: string; intended: string; generated: boolean }[] {
  const vocab = vocabulary(db)
  const cases: { typed: string; intended: string; generated: boolean }[] = []
  for (const [typed, intended] of MISSPELLINGS) {
    if (vocab.docs.has(intended)) cases.push({ typed, intended, generated: false })
  }
  const next = random(7)
  const common = [...vocab.docs]
    .filter(([t, n]) => n >= documents / 200 && t.length >= 6 && /^[a-z]+$/.test(t))
    .map(([t]) => t)
    .sort()
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  let generated = 0
  while (generated < 100 && common.length > 0) {
    const word = common[Math.floor(next() * common.length)] ?? ''
    const at = 1 + Math.floor(next() * (word.length - 2))
    const letter = letters[Math.floor(next() * 26)] ?? 'e'
    const kind = Math.floor(next() * 4)
    const typed =
      kind === 0
        ? word.slice(0, at) + word.slice(at + 1)
        : kind === 1
          ? word.slice(0, at) + letter + word.slice(at)
          : kind === 2
            ? word.slice(0, at) + letter + word.slice(at + 1)
            : word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2)
    if (typed === word || vocab.docs.has(typed)) continue // an edit that makes another real word is no typo
    generated++
    cases.push({ typed, intended: word, generated: true })
  }
  return cases
}

/**
 * What showing printed spellings (printed-forms.ts) costs a search that suggests: the "did you mean" cases timed
 * with the folded term shown (as before) and with printed spellings, alternating in the same run. "Printed, cold"
 * forgets the spellings read before each query (the first search after the library changed); corrections stay
 * memoized in both, so the difference is the lookup itself.
 */
function comparePrinted(file: string, reps: number): void {
  const db = openDb(file)
  const documents = db.prepare('SELECT count(*) FROM documents').pluck().get() as number
  refreshVocabulary(db)
  const cases = didYouMeanCases(db, documents)
  for (const c of cases) searchLibrary(db, { query: c.typed, limit: 20 }) // warm: page cache, corrections memo
  const folded = { wall: [] as number[], cpu: [] as number[] }
  const cold = { wall: [] as number[], cpu: [] as number[] }
  const cached = { wall: [] as number[], cpu: [] as number[] }
  const timed = (into: { wall: number[]; cpu: number[] }, query: string) => {
    into.wall.push(time(() => searchLibrary(db, { query, limit: 20 })))
    into.cpu.push(lastCpu)
  }
  let hits = 0
  let hitsFolded = 0
  for (let r = 0; r < reps; r++) {
    for (const c of cases) {
      const runs: (() => void)[] = [
        () => {
          printedSuggestions.enabled = false
          timed(folded, c.typed)
          if (r === 0 && found(db, c.typed, c.intended)) hitsFolded++
          printedSuggestions.enabled = true
        },
        () => {
          forgetPrintedForms(db)
          timed(cold, c.typed)
          timed(cached, c.typed)
          if (r === 0 && found(db, c.typed, c.intended)) hits++
        },
      ]
      if (r % 2 === 1) runs.reverse()
      for (const run of runs) run()
    }
  }
  db.close()
  const row = (name: string, xs: { wall: number[]; cpu: number[] }) =>
    `    ${name.padEnd(31)} wall p50 ${fmt(pct(xs.wall, 50))} p95 ${fmt(pct(xs.wall, 95))} ms | CPU p50 ${fmt(pct(xs.cpu, 50))} p95 ${fmt(pct(xs.cpu, 95))} ms\n`
  process.stdout.write(
    `  did you mean, printed spellings vs folded terms (${cases.length} misspellings × ${reps}, alternating; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}):\n` +
      row('folded term shown (before)', folded) +
      row('printed spelling, cold lookup', cold) +
      row('printed spelling, cached', cached) +
      `    intended word suggested: folded ${hitsFolded}/${cases.length}, printed ${hits}/${cases.length}\n`,
  )
}

/** Words with accents the BBC and White House texts print (and their unaccented forms, which they print too). */
const ACCENTED = [
  'café',
  'résumé',
  'naïve',
  'Pokémon',
  'fiancée',
  'protégé',
  'élite',
  'Beyoncé',
  'Zürich',
  'Nicolás',
]

function compareDiacritics(file: string, reps: number): void {
  const db = openDb(file)
  const queries: SearchArgs[] = []
  for (const word of ACCENTED) {
    queries.push({ query: word, limit: 20 })
    queries.push({ query: `${word} world`, limit: 20 })
    // Keystrokes: every prefix of the word from 3 letters on, as typed.
    for (let n = 3; n <= [...word].length; n++)
      queries.push({ query: [...word].slice(0, n).join(''), limit: 20, asYouType: true })
  }
  for (const q of queries) searchLibrary(db, q) // warm the page cache
  const before = { wall: [] as number[], cpu: [] as number[] }
  const after = { wall: [] as number[], cpu: [] as number[] }
  let reordered = 0
  for (let r = 0; r < reps; r++) {
    for (const q of queries) {
      let ids: string[][] = []
      const runs: (() => void)[] = [
        () => {
          printedRanking.enabled = false
          let result: ReturnType<typeof searchLibrary> | null = null
          before.wall.push(time(() => (result = searchLibrary(db, q))))
          before.cpu.push(lastCpu)
          printedRanking.enabled = true
          ids = [
            ...ids,
            (result as ReturnType<typeof searchLibrary> | null)?.hits.map(
              (h) => `${h.documentId}`,
            ) ?? [],
          ]
        },
        () => {
          let result: ReturnType<typeof searchLibrary> | null = null
          after.wall.push(time(() => (result = searchLibrary(db, q))))
          after.cpu.push(lastCpu)
          ids = [
            ...ids,
            (result as ReturnType<typeof searchLibrary> | null)?.hits.map(
              (h) => `${h.documentId}`,
            ) ?? [],
          ]
        },
      ]
      if (r % 2 === 1) runs.reverse()
      for (const run of runs) run()
      if (r === 0 && ids[0]?.join() !== ids[1]?.join()) reordered++
    }
  }
  db.close()
  const row = (name: string, xs: { wall: number[]; cpu: number[] }) =>
    `    ${name.padEnd(31)} wall p50 ${fmt(pct(xs.wall, 50))} p95 ${fmt(pct(xs.wall, 95))} ms | CPU p50 ${fmt(pct(xs.cpu, 50))} p95 ${fmt(pct(xs.cpu, 95))} ms\n`
  process.stdout.write(
    `  queries with accents, exact marks first vs as before (${queries.length} queries × ${reps}, alternating; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}):\n` +
      row('ranked as before', before) +
      row('exact marks first', after) +
      `    first page changed for ${reordered}/${queries.length} queries\n`,
  )
}

/** Runs in a child process so the RSS is that of a process that only opened the library and searched. */
function measure(file: string, reps: number, quick = false): Measured {
  const db = openDb(file)
  const documents = db.prepare('SELECT count(*) FROM documents').pluck().get() as number
  // The vocabulary snapshot is built once after a bulk import (lazily, at the first "did you mean").
  const pending = db.prepare('SELECT count(*) FROM search_vocab_pending').pluck().get() as number
  const flagged = db.prepare("SELECT 1 FROM search_cache WHERE key = 'vocab.rebuild'").get()
  const vocabularyRebuildMs = pending > 0 || flagged ? time(() => refreshVocabulary(db)) : null

  const label = (q: SearchArgs) => `${q.query}${q.sort === 'newest' ? ' (newest)' : ''}`
  // Warm-up: page cache and statement cache, as in a running app.
  for (const q of FULL_QUERIES) {
    searchLibrary(db, { ...q, limit: 20 })
    naiveSearch(db, q.query, false)
  }
  const full = {
    ours: [] as number[],
    naive: [] as number[],
    oursCpu: [] as number[],
    naiveCpu: [] as number[],
    worst: new Map<string, number>(),
  }
  for (let r = 0; r < reps; r++) {
    for (const q of FULL_QUERIES) {
      const ms = time(() => searchLibrary(db, { ...q, limit: 20 }))
      full.ours.push(ms)
      full.oursCpu.push(lastCpu)
      full.worst.set(label(q), Math.max(full.worst.get(label(q)) ?? 0, ms))
      if (q.sort !== 'newest' && !quick) {
        let ran = true
        const naiveMs = time(() => {
          ran = naiveSearch(db, q.query, false) !== null
        })
        if (ran) {
          full.naive.push(naiveMs)
          full.naiveCpu.push(lastCpu)
        }
      }
    }
  }

  const typing = {
    ours: [] as number[],
    naive: [] as number[],
    oursCpu: [] as number[],
    naiveCpu: [] as number[],
    worst: new Map<string, number>(),
  }
  let keystrokes = 0
  for (let r = 0; r < Math.max(1, Math.ceil(reps / 2)); r++) {
    for (const q of TYPED_QUERIES) {
      for (let i = 1; i <= q.length; i++) {
        const typed = q.slice(0, i)
        const ms = time(() => searchLibrary(db, { query: typed, asYouType: true, limit: 20 }))
        typing.ours.push(ms)
        typing.oursCpu.push(lastCpu)
        keystrokes++
        typing.worst.set(typed, Math.max(typing.worst.get(typed) ?? 0, ms))
        if (quick) continue
        let ran = true
        const naiveMs = time(() => {
          ran = naiveSearch(db, typed, true) !== null
        })
        if (ran) {
          typing.naive.push(naiveMs)
          typing.naiveCpu.push(lastCpu)
        }
      }
    }
  }

  const top = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, 5) as [string, number][]
  if (quick) {
    const rssMb = process.memoryUsage().rss / 1024 / 1024
    db.close()
    return {
      documents,
      vocabularyRebuildMs,
      full: { ...full, slowest: top(full.worst) },
      typing: { ...typing, slowest: top(typing.worst), keystrokes },
      fuzzy: { hand: [0, 0], generated: [0, 0], misses: [] },
      rssMb,
    }
  }
  // "Did you mean": hand-picked misspellings, and generated ones (one random edit of a common word).
  const hit = (typed: string, intended: string): boolean => found(db, typed, intended)
  const misses: string[] = []
  let handHits = 0
  let handTotal = 0
  let genHits = 0
  let genTotal = 0
  for (const { typed, intended, generated } of didYouMeanCases(db, documents)) {
    if (generated) genTotal++
    else handTotal++
    if (hit(typed, intended)) {
      if (generated) genHits++
      else handHits++
    } else if (!generated || misses.length < 30) misses.push(`${typed}→${intended}`)
  }
  const rssMb = process.memoryUsage().rss / 1024 / 1024
  db.close()
  return {
    documents,
    vocabularyRebuildMs,
    full: { ...full, slowest: top(full.worst) },
    typing: { ...typing, slowest: top(typing.worst), keystrokes },
    fuzzy: { hand: [handHits, handTotal], generated: [genHits, genTotal], misses },
    rssMb,
  }
}

/** Process start → results, with peak RSS, via /usr/bin/time. */
function coldStart(argv: string[]): { ms: number; rssMb: number; ok: boolean } {
  const useTime = existsSync('/usr/bin/time')
  const t = performance.now()
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', 'RSS %M', process.execPath, ...argv], { encoding: 'utf8' })
    : spawnSync(process.execPath, argv, { encoding: 'utf8' })
  const ms = performance.now() - t
  const rss = /RSS (\d+)/.exec(r.stderr ?? '')
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, ok: r.status === 0 }
}

function main(): void {
  const count = arg('--count', 100_000)
  const reps = arg('--reps', 5)
  if (process.argv.includes('--flex')) {
    const file = process.argv[process.argv.indexOf('--flex') + 1] ?? ''
    const db = openDb(file, { readonly: true })
    void measureFlexTitles(db).then((r) => {
      process.stdout.write(`${JSON.stringify(r)}\n`)
      db.close()
    })
    return
  }
  if (process.argv.includes('--measure')) {
    const file = process.argv[process.argv.indexOf('--measure') + 1] ?? ''
    if (process.argv.includes('--no-stems')) stemmedSearch.enabled = false
    const quick = process.argv.includes('--quick')
    process.stdout.write(`${JSON.stringify(measure(file, reps, quick))}\n`)
    return
  }
  const corpus = corpusDir()
  if (!corpus) {
    process.stdout.write(
      'search bench: corpus not found (set LECTERN_CORPUS or put it at ../shared/corpus); skipped.\n',
    )
    return
  }
  process.stdout.write(
    `search bench: corpus ${corpus}; library of ${count.toLocaleString('en')} documents\n`,
  )
  const lib = buildLibrary(
    count,
    () => loadCorpus(corpus),
    (s) => process.stdout.write(`${s}\n`),
  )
  process.stdout.write(
    `  library ${lib.file} (${lib.built ? 'built now' : 'cached'}; build took ${lib.seconds.toFixed(0)} s)\n`,
  )
  if (process.argv.includes('--compare-printed')) {
    comparePrinted(lib.file, reps)
    return
  }
  if (process.argv.includes('--compare-diacritics')) {
    compareDiacritics(lib.file, reps)
    return
  }
  if (process.argv.includes('--compare-stems')) {
    compareStems(lib.file, reps)
    return
  }
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      '--measure',
      lib.file,
      '--reps',
      String(reps),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  if (child.status !== 0) {
    process.stderr.write(child.stderr)
    process.exit(1)
  }
  const m = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Measured
  const row = (name: string, ours: number[], naive: number[], goal: number) => {
    const o95 = pct(ours, 95)
    const n95 = pct(naive, 95)
    process.stdout.write(
      `  ${name.padEnd(22)} Lectern p50 ${fmt(pct(ours, 50))} p95 ${fmt(o95)} ms | FTS5 naive p50 ${fmt(pct(naive, 50))} p95 ${fmt(n95)} ms | naive/Lectern p95 ×${(n95 / o95).toFixed(1)} | goal p95 ≤ ${goal} ms ${o95 <= goal ? 'MET' : 'MISSED'}\n`,
    )
  }
  process.stdout.write(
    `\n  ${m.documents.toLocaleString('en')} documents; ${m.full.ours.length} full queries, ${m.typing.keystrokes} keystrokes\n`,
  )
  process.stdout.write(
    `  wall-clock time (inflated whenever other processes compete for the 2 cores):\n`,
  )
  row('full query', m.full.ours, m.full.naive, 15)
  row('per keystroke', m.typing.ours, m.typing.naive, 30)
  process.stdout.write(
    `  CPU time of the searching thread (user + system; what the query itself costs):\n`,
  )
  row('full query', m.full.oursCpu, m.full.naiveCpu, 15)
  row('per keystroke', m.typing.oursCpu, m.typing.naiveCpu, 30)
  process.stdout.write(
    `  load average during the run: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  )
  process.stdout.write(
    `  slowest full queries (ms): ${m.full.slowest.map(([q, ms]) => `${q} ${ms.toFixed(0)}`).join(', ')}\n` +
      `  slowest keystrokes (ms): ${m.typing.slowest.map(([q, ms]) => `"${q}" ${ms.toFixed(0)}`).join(', ')}\n`,
  )
  const [hh, ht] = m.fuzzy.hand
  const [gh, gt] = m.fuzzy.generated
  const all = ((hh + gh) / Math.max(1, ht + gt)) * 100
  process.stdout.write(
    `  did you mean: ${hh}/${ht} hand-picked, ${gh}/${gt} generated → ${all.toFixed(0)} % (goal ≥ 90 % ${all >= 90 ? 'MET' : 'MISSED'}; FTS5 naive has none)\n` +
      (m.fuzzy.misses.length ? `    misses: ${m.fuzzy.misses.slice(0, 12).join(', ')}\n` : '') +
      (m.vocabularyRebuildMs !== null
        ? `  vocabulary snapshot built once after the import: ${m.vocabularyRebuildMs.toFixed(0)} ms\n`
        : ''),
  )
  process.stdout.write(
    `  RSS of the measuring process after all queries: ${m.rssMb.toFixed(0)} MB (goal ≤ 400 MB ${m.rssMb <= 400 ? 'MET' : 'MISSED'})\n`,
  )

  const flex = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--flex', lib.file],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  if (flex.status === 0) {
    const f = JSON.parse(flex.stdout.trim().split('\n').pop() ?? '{}') as FlexReport
    process.stdout.write(
      `  FlexSearch 0.8 on titles + authors only (the alternative considered): build ${(f.buildMs / 1000).toFixed(1)} s, heap +${f.heapMb.toFixed(0)} MB (process RSS ${f.rssMb.toFixed(0)} MB), export ${f.exportMb.toFixed(0)} MB, import at start-up ${f.importMs.toFixed(0)} ms, per keystroke p50 ${f.keystrokeP50.toFixed(2)} / p95 ${f.keystrokeP95.toFixed(2)} ms (ids only: no ranking by body, no passages)\n`,
    )
  } else {
    process.stdout.write(`  FlexSearch comparison failed: ${flex.stderr.slice(0, 300)}\n`)
  }

  const cli = join(repo, 'out', 'main', 'cli.js')
  const naiveScript = `const D=require(${JSON.stringify(join(repo, 'node_modules', 'better-sqlite3'))});const db=new D(process.argv[1],{readonly:true});const q='"climate" "change"';db.prepare('SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?').get(q);console.log(JSON.stringify(db.prepare("SELECT rowid, bm25(documents_fts,10,4,4,1) r, snippet(documents_fts,3,'[',']','…',24) s FROM documents_fts WHERE documents_fts MATCH ? ORDER BY r LIMIT 20").all(q)).length)`
  const base = [0, 1, 2].map(() => coldStart(['-e', naiveScript, lib.file]))
  process.stdout.write(
    `  cold start, FTS5 naive (node -e: open + count + bm25/snippet): ${base.map((b) => b.ms.toFixed(0)).join(' / ')} ms, RSS ${base.map((b) => b.rssMb.toFixed(0)).join(' / ')} MB\n`,
  )
  if (existsSync(cli)) {
    const runs = ['climate change', 'president obama', '"health care"', 'mombasa', 'Mombassa'].map(
      (q) => coldStart([cli, '--library', lib.dir, 'search', q, '--json', '--limit', '20']),
    )
    const worst = Math.max(...runs.map((r) => r.ms))
    const rss = Math.max(...runs.map((r) => r.rssMb))
    const median = (xs: number[]) => pct(xs, 50)
    const bare = median([0, 1, 2, 3, 4].map(() => coldStart(['-e', '0']).ms))
    const help = median([0, 1, 2, 3, 4].map(() => coldStart([cli, '--help']).ms))
    const typical = median(runs.map((r) => r.ms))
    process.stdout.write(
      `  cold start, lectern search (node out/main/cli.js, process start to results and exit): ${runs.map((r) => `${r.ms.toFixed(0)}${r.ok ? '' : ' FAILED'}`).join(' / ')} ms; worst ${worst.toFixed(0)} ms (goal ≤ 500 ms ${worst <= 500 ? 'MET' : 'MISSED'}); peak RSS ${rss.toFixed(0)} MB\n` +
        `    of which: bare node ${bare.toFixed(0)} ms, loading the CLI bundle (lectern --help) ${(help - bare).toFixed(0)} ms, opening the library + searching ${Math.max(0, typical - help).toFixed(0)} ms (medians)\n`,
    )
  } else {
    process.stdout.write(
      '  cold start of the CLI: out/main/cli.js not built (npm run build); skipped\n',
    )
  }
}

/** Stemmed search off and on, alternating, on the same library (issue #14's measured goal). */
function compareStems(file: string, reps: number): void {
  // Opening migrates an older library: that is migration 0130 stemming every document once.
  const t = performance.now()
  const db = openDb(file)
  const migrateMs = performance.now() - t
  const bytes = (like: string) =>
    (db.prepare('SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?').pluck().get(like) as number) ??
    0
  const fts = bytes('documents_fts%')
  const stems = bytes('search_stems%')
  const pairs = db.prepare('SELECT count(*) FROM search_stems').pluck().get() as number
  const fileBytes =
    (db.pragma('page_count', { simple: true }) as number) *
    (db.pragma('page_size', { simple: true }) as number)
  db.close()
  process.stdout.write(
    `  opening (migrations, 0130 stems every document once when the library predates it): ${(migrateMs / 1000).toFixed(1)} s
` +
      `  documents_fts ${(fts / 1e6).toFixed(1)} MB; search_stems ${(stems / 1e6).toFixed(1)} MB (${pairs.toLocaleString('en')} pairs) = +${((stems / fts) * 100).toFixed(1)} % of the index, +${((stems / fileBytes) * 100).toFixed(2)} % of the ${(fileBytes / 1e6).toFixed(0)} MB file\n`,
  )
  // Alternating off/on query by query in one process: the machine's load drifts between separate runs (two child
  // processes measured one after the other differed by ±30 % on a loaded machine).
  const reader = openDb(file, { readonly: true })
  const keys = TYPED_QUERIES.flatMap((q) => [...q].map((_, i) => ({ query: q.slice(0, i + 1) })))
  const sets: [string, SearchArgs[], boolean][] = [
    ['full query', FULL_QUERIES, false],
    ['per keystroke', keys, true],
  ]
  for (const [name, queries, typing] of sets) {
    for (const q of queries) searchLibrary(reader, { ...q, asYouType: typing, limit: 20 })
    const off = { wall: [] as number[], cpu: [] as number[] }
    const on = { wall: [] as number[], cpu: [] as number[] }
    // CPU ms per query, off and on, for the queries stemming costs most.
    const perQuery = new Map<string, { off: number[]; on: number[] }>()
    for (let r = 0; r < Math.max(2, reps); r++) {
      for (const q of queries) {
        const mine = perQuery.get(q.query) ?? { off: [], on: [] }
        perQuery.set(q.query, mine)
        // Which goes first alternates: the second of a pair finds the pages the first read in the cache.
        const order = [
          [false, off, mine.off],
          [true, on, mine.on],
        ] as const
        for (const [enabled, into, own] of r % 2 === 0 ? order : [...order].reverse()) {
          stemmedSearch.enabled = enabled
          into.wall.push(time(() => searchLibrary(reader, { ...q, asYouType: typing, limit: 20 })))
          into.cpu.push(lastCpu)
          own.push(lastCpu)
        }
      }
    }
    stemmedSearch.enabled = true
    for (const kind of ['wall', 'cpu'] as const) {
      const a = pct(off[kind], 95)
      const b = pct(on[kind], 95)
      const goal = typing ? ' (goal ≤ +10 %)' : ` (goal p95 ≤ 15 ms: ${b <= 15 ? 'MET' : 'MISSED'})`
      process.stdout.write(
        `  ${`${name} (${kind === 'cpu' ? 'CPU' : 'wall'})`.padEnd(24)} stemming off p50 ${fmt(pct(off[kind], 50))} p95 ${fmt(a)} ms | on p50 ${fmt(pct(on[kind], 50))} p95 ${fmt(b)} ms | on/off p95 ×${(b / a).toFixed(2)} (${b >= a ? '+' : ''}${((b / a - 1) * 100).toFixed(1)} %)${goal}\n`,
      )
    }
    const costliest = [...perQuery]
      .map(([query, t]) => ({ query, off: pct(t.off, 50), on: pct(t.on, 50) }))
      .sort((x, y) => y.on - y.off - (x.on - x.off))
      .slice(0, 6)
    process.stdout.write(
      `    most added by stemming (median CPU off → on): ${costliest.map((c) => `"${c.query}" ${c.off.toFixed(1)} → ${c.on.toFixed(1)}`).join(', ')}\n`,
    )
  }
  reader.close()
  process.stdout.write(
    `  load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  )
}

main()
