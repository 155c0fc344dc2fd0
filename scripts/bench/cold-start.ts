/**
 * CLI cold-start benchmark (issue 5: "cold start, process start to first results, from the CLI ≤ 500 ms").
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/bench/cold-start.ts [--runs N] [--docs N] [--library DIR]
 *                                                                      [--live-wal N] [--profile] [--cli PATH]
 *
 * Builds a library of --docs (default 3,000) White House speeches as .txt files imported through the built CLI
 * (`lectern import`), then times whole processes, interleaved round by round so the shared machine's noise hits
 * every row alike:
 *   - baseline: `node -e 0` (process start alone, measured in the same run),
 *   - `node out/main/cli.js --version` (start + every module the CLI loads eagerly, no library opened),
 *   - `node out/main/cli.js --library LIB search "health care" --json` (start to first results; the goal row).
 * Medians and p95 over --runs (default 15), and each row minus the baseline.
 *
 * --live-wal N (default 3; 0 skips): the same search while another process holds the library open with a
 * non-empty write-ahead log, as the desktop app or the web host does after any write. Reported separately: it
 * shows what open-library's unclean-shutdown check costs a reader then.
 * --profile: one extra search under `node --cpu-prof`, summarised by package (where start-up goes).
 * --library DIR: reuse a library (not deleted) instead of building one. --cli PATH: time another build's cli.js.
 *
 * Needs the build (`npm run bench` builds first) and the corpus from LECTERN_CORPUS or ../shared/corpus; without
 * the corpus the benchmark says so and exits 0.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'

import { arg, median, quantile, whiteHouseCorpusFile } from './support/bench-args'

const REPO = resolve(__dirname, '..', '..')
const QUERY = 'health care'
const GOAL_MS = 500

const RUNS = Math.max(3, Number(arg('--runs') ?? 15))
const DOCS = Math.max(100, Number(arg('--docs') ?? 3_000))
const LIVE_WAL_RUNS = Math.max(0, Number(arg('--live-wal') ?? 3))
const PROFILE = process.argv.includes('--profile')
/** The built CLI to time (another build can be compared with --cli PATH). */
const CLI = resolve(arg('--cli') ?? join(REPO, 'out', 'main', 'cli.js'))

const ms = (n: number): string => `${n.toFixed(0).padStart(5)} ms`

/** Write the first `count` speeches as .txt files (title line, blank line, text). */
function writeSpeeches(corpus: string, dir: string, count: number): number {
  const lines = gunzipSync(readFileSync(corpus)).toString('utf8').split('\n').filter(Boolean)
  mkdirSync(dir, { recursive: true })
  let written = 0
  for (const line of lines.slice(0, count)) {
    const s = JSON.parse(line) as { id: string; title: string; text: string }
    const name = `${String(written).padStart(5, '0')}-${s.id.slice(0, 60).replace(/[^\w-]/g, '_')}.txt`
    writeFileSync(join(dir, name), `${s.title}\n\n${s.text}\n`)
    written++
  }
  return written
}

function run(args: string[]): { ms: number; stdout: string } {
  const started = process.hrtime.bigint()
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${r.status}: ${(r.stderr ?? '').slice(0, 500)}`)
  }
  return { ms: elapsed, stdout: r.stdout }
}

function documentCount(library: string): number {
  const info = JSON.parse(run([CLI, '--library', library, 'info', '--json']).stdout) as {
    documentCount: number
  }
  return info.documentCount
}

/** The search must answer with hits, or the timing is of an error path. */
function searchArgs(library: string): string[] {
  return [CLI, '--library', library, 'search', QUERY, '--json']
}
function checkedSearch(library: string): number {
  const r = run(searchArgs(library))
  const answer = JSON.parse(r.stdout) as { total?: number; hits?: unknown[] }
  if (!answer.hits || answer.hits.length === 0) throw new Error(`search "${QUERY}" found nothing`)
  return r.ms
}

function report(label: string, values: number[], baseline: number): void {
  const m = median(values)
  const extra = baseline > 0 ? `   +${(m - baseline).toFixed(0)} ms over node start` : ''
  process.stdout.write(
    `${label.padEnd(44)} median ${ms(m)}   p95 ${ms(quantile(values, 0.95))}   min ${ms(Math.min(...values))}${extra}\n`,
  )
}

/** A second process that keeps the library open and writes one row whenever asked (leaving the WAL non-empty). */
function startHolder(databaseFile: string): ChildProcess {
  const code = `
    const Database = require(${JSON.stringify(join(REPO, 'node_modules', 'better-sqlite3'))})
    const db = new Database(${JSON.stringify(databaseFile)})
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0')
    const write = db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('bench.cold-start', ?)")
    process.stdin.setEncoding('utf8')
    process.stdin.on('data', (chunk) => {
      for (const line of chunk.split('\\n').filter(Boolean)) {
        if (line === 'quit') { db.prepare("DELETE FROM settings WHERE key = 'bench.cold-start'").run(); db.close(); process.exit(0) }
        write.run(String(Date.now()))
        process.stdout.write('ok\\n')
      }
    })
    process.stdout.write('ready\\n')`
  return spawn(process.execPath, ['-e', code], { stdio: ['pipe', 'pipe', 'inherit'] })
}

function nextLine(child: ChildProcess): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const onData = (data: Buffer): void => {
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
      resolveLine(data.toString('utf8').trim())
    }
    const onExit = (): void => reject(new Error('the holder process exited'))
    child.stdout?.on('data', onData)
    child.once('exit', onExit)
  })
}

async function liveWal(library: string, baseline: number): Promise<void> {
  const holder = startHolder(join(library, 'library.sqlite'))
  try {
    await nextLine(holder)
    const times: number[] = []
    for (let i = 0; i < LIVE_WAL_RUNS; i++) {
      holder.stdin?.write('write\n')
      await nextLine(holder)
      times.push(checkedSearch(library))
    }
    report('search, a foreign (non-Lectern) process holds a live WAL', times, baseline)
  } finally {
    holder.stdin?.write('quit\n')
    await new Promise((done) => holder.once('exit', done))
  }
}

/**
 * The realistic case: the web host (a Lectern backend, which registers itself as the library's live owner) has the
 * library open and has just written, so its WAL is non-empty. A reader must not mistake that for a crash.
 */
async function liveHost(library: string, baseline: number): Promise<void> {
  const token = 'bench-cold-start-token-0123456789'
  const port = 4700 + Math.floor(Math.random() * 200)
  const host = spawn(
    process.execPath,
    [
      join(REPO, 'out', 'main', 'web-host.js'),
      '--library',
      library,
      '--port',
      String(port),
      '--token',
      token,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  try {
    await nextLine(host)
    // A host that starts on a library without today's backup takes one first (in a worker); let it finish so the
    // row measures the reader, not two processes sharing 2 cores.
    await new Promise((done) => setTimeout(done, 4000))
    const times: number[] = []
    for (let i = 0; i < LIVE_WAL_RUNS; i++) {
      const response = await fetch(`http://127.0.0.1:${port}/api/searches.save`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Lectern-Token': token,
          Origin: `http://127.0.0.1:${port}`,
        },
        body: JSON.stringify({ name: 'bench cold start', query: `health care ${i}` }),
      })
      if (!response.ok) throw new Error(`the web host refused the write (HTTP ${response.status})`)
      times.push(checkedSearch(library))
    }
    report('search, the web host holds the library (live WAL)', times, baseline)
  } finally {
    host.kill('SIGTERM')
    await new Promise((done) => host.once('exit', done))
  }
}

type ProfileNode = {
  id: number
  callFrame: { url: string; functionName: string }
  children?: number[]
}
type CpuProfile = {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

/** One search under --cpu-prof: inclusive time per package / built chunk (a sample counts once per key). */
function profile(library: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-cold-prof-'))
  try {
    run(['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', ...searchArgs(library)])
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
    if (!file) throw new Error('node --cpu-prof wrote no profile')
    const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile
    const byId = new Map(p.nodes.map((n) => [n.id, n]))
    const parent = new Map<number, number>()
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
    const keyOf = (url: string): string | null => {
      const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
      if (pkg) return pkg[1] as string
      if (url.includes('/out/main/'))
        return (url.split('/out/main/')[1] as string).replace(/-[\w-]{8}\.js$/, '')
      return null
    }
    const inclusive = new Map<string, number>()
    p.samples.forEach((sample, i) => {
      const seen = new Set<string>()
      for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
        const key = keyOf(byId.get(id)?.callFrame.url ?? '')
        if (key && !seen.has(key)) {
          seen.add(key)
          inclusive.set(key, (inclusive.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000)
        }
      }
    })
    process.stdout.write(
      `\nOne profiled search (${((p.endTime - p.startTime) / 1000).toFixed(0)} ms under the profiler, which slows it):` +
        ' inclusive ms by package / built file\n',
    )
    for (const [key, value] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
      process.stdout.write(`  ${value.toFixed(1).padStart(7)}  ${key}\n`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const corpus = whiteHouseCorpusFile(REPO)
  if (!corpus) {
    process.stdout.write(
      'cold-start: corpus not found (set LECTERN_CORPUS or put it in ../shared/corpus); skipped\n',
    )
    return
  }
  if (!existsSync(CLI)) {
    process.stderr.write('cold-start: out/main/cli.js is missing: run `npm run build` first\n')
    process.exitCode = 1
    return
  }
  const given = arg('--library')
  const work = given ? null : mkdtempSync(join(tmpdir(), 'lectern-bench-cold-'))
  try {
    let library: string
    if (given) {
      library = resolve(given)
    } else {
      const folder = join(work as string, 'speeches')
      library = join(work as string, 'library')
      const files = writeSpeeches(corpus, folder, DOCS)
      const started = performance.now()
      const r = spawnSync(process.execPath, [CLI, '--library', library, 'import', folder], {
        stdio: 'ignore',
      })
      if (r.status !== 0 && r.status !== 2) throw new Error(`import exited ${r.status}`)
      process.stdout.write(
        `Built a library of ${files} speeches (.txt) with \`lectern import\` in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      )
    }
    const docs = documentCount(library)
    process.stdout.write(
      `Library: ${library} (${docs.toLocaleString('en')} documents); corpus: ${corpus}\n` +
        `CLI: ${CLI}\n` +
        `Runs: ${RUNS}, interleaved; query: "${QUERY}"\n\n`,
    )

    checkedSearch(library) // warm the page cache: "cold" here is the process, not the disk
    const baseline: number[] = []
    const version: number[] = []
    const search: number[] = []
    for (let i = 0; i < RUNS; i++) {
      baseline.push(run(['-e', '0']).ms)
      version.push(run([CLI, '--version']).ms)
      search.push(checkedSearch(library))
    }
    const base = median(baseline)
    report('baseline: node -e 0', baseline, 0)
    report('lectern --version (modules loaded, no library)', version, base)
    report(`lectern search "${QUERY}" --json`, search, base)
    const verdict = median(search) <= GOAL_MS ? 'met' : 'NOT met'
    process.stdout.write(
      `\nGoal (issue 5): process start to first results ≤ ${GOAL_MS} ms: median ${median(search).toFixed(0)} ms, ${verdict}` +
        ` (${(median(search) / base).toFixed(1)}× a bare node start)\n`,
    )
    if (LIVE_WAL_RUNS > 0) {
      process.stdout.write('\n')
      await liveHost(library, base)
      await liveWal(library, base)
    }
    if (PROFILE) profile(library)
  } finally {
    if (work) rmSync(work, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`cold-start: ${(error as Error).stack ?? String(error)}\n`)
  process.exitCode = 1
})
