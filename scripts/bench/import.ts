/**
 * Import benchmark (issues 2 and 4).
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/bench/import.ts [--runs N] [--only engine,files,recoll,mixed]
 *     [--pool-only]
 *
 * 1. Engine (issue 2): the 3,467 White House documents fed straight from the JSONL into the library (the same
 *    grouped transactions and FTS triggers an import uses) vs a baseline measured in the same run: bare inserts of
 *    the same rows, in the same transaction sizes, into a table without indexes. Goal: ≥ 40 % of the baseline's MB/s.
 * 2. Files (issues 2 and 4): the same documents as 3,467 .txt files through the whole pipeline (walk, worker
 *    extraction, writes), with a pool of 2 workers vs 1 worker. Goal: ≥ 1,000 files/s. With `recoll` in --only (the
 *    default), Recoll's recollindex indexes the same folder after each pool-of-2 run (support/recoll.ts) and the
 *    ratio is printed; skipped, saying so, where recollindex is not installed.
 * 3. Mixed formats (issue 4): HTML pages, PDF pages, Markdown, DOCX, EPUB; per-format throughput (goal: HTML and
 *    PDF ≥ 100 pages/s) and a mixed batch, pool vs one worker.
 * Every import reports the main thread's event-loop delay p99 (goal < 50 ms), peak RSS (workers are threads: included)
 * and where the time went (walk, main-thread writes, the workers' read/parse/hash, summed over files).
 *
 * Medians over --runs (default 3). The machine's 2 cores are shared with other work, so absolute numbers move between
 * runs; the ratios (vs the baseline, pool vs one worker) are the comparable figures. The corpus comes from
 * LECTERN_CORPUS or ../shared/corpus; without it the benchmark says so and exits 0. Uses the built worker
 * (out/main/import-worker.js, `npm run bench` builds first) and falls back to the TypeScript source through tsx.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { gunzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { createBackend } from '../../src/main/compose/create-backend'
import { cleanText, contentHash, wordCount } from '../../src/main/importers/normalise'
import { emptyTimings, type ImportTimings, runImport } from '../../src/main/importers/pipeline'
import {
  beginBulkIndexing,
  finishBulkIndexing,
  type WriteEntry,
  writeGroup,
} from '../../src/main/importers/store'
import type { ExtractedFile } from '../../src/main/importers/types'
import { createMemoryLogger } from '../../src/main/platform/logger'
import { buildEpub } from '../gen-hostile-fixtures'
import { arg, median, whiteHouseCorpusFile } from './support/bench-args'
import { type RecollRun, recollRun, recollVersion } from './support/recoll'

type Speech = {
  id: string
  title: string
  text: string
  date: string | null
  url: string
  speaker: string
}

const REPO = resolve(__dirname, '..', '..')
const MB = 1024 * 1024
const GROUP = 200 // files per write transaction, as the pipeline groups them

const RUNS = Math.max(1, Number(arg('--runs') ?? 3))
const ONLY = new Set((arg('--only') ?? 'engine,files,recoll,mixed').split(','))
/** `--pool-only`: the pool of 2 alone in the files section (no one-worker runs), for before/after comparisons. */
const POOL_ONLY = process.argv.includes('--pool-only')

const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })

function workerScript(): string {
  const built = join(REPO, 'out', 'main', 'import-worker.js')
  if (existsSync(built)) return built
  process.stdout.write(
    '(out/main/import-worker.js not built: using the TypeScript worker through tsx, slower start-up)\n',
  )
  return join(REPO, 'src', 'main', 'importers', 'worker', 'import-worker.ts')
}

function longDate(iso: string | null): string {
  if (!iso) return ''
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function htmlPage(s: Speech): string {
  const paragraphs = s.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n')
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(s.title)} | The White House</title>
<meta property="og:site_name" content="The White House"><meta property="article:published_time" content="${s.date ?? ''}">
<link rel="canonical" href="${s.url}"><script>var tracking = 1</script></head><body>
<header><nav><a href="/">Home</a> <a href="/briefing-room">Briefing Room</a></nav></header>
<main><article><h1>${escapeHtml(s.title)}</h1>${paragraphs}</article></main><footer>The White House</footer></body></html>`
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring an import: wall time, event-loop delay p99, peak RSS.

/** `cpuSeconds`: this process's user + system CPU, all threads (the import workers are threads): less noisy than wall. */
type Measured = {
  seconds: number
  cpuSeconds: number
  loopP99Ms: number
  loopMaxMs: number
  peakRssMb: number
}

async function measure(body: () => Promise<void>): Promise<Measured> {
  const loop = monitorEventLoopDelay({ resolution: 5 })
  let peak = process.memoryUsage.rss()
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 25)
  loop.enable()
  const cpu = process.cpuUsage()
  const started = performance.now()
  await body()
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  loop.disable()
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage.rss())
  return {
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
    peakRssMb: peak / MB,
  }
}

type ImportRun = Measured & {
  files: number
  imported: number
  failed: number
  bytes: number
  pages: number
  timings: ImportTimings
}

async function importRun(input: string, workers: number, script: string): Promise<ImportRun> {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-import-'))
  const backend = createBackend({
    libraryDir: join(dir, 'library'),
    log: createMemoryLogger(),
    limits: { workers },
    workerScript: script,
    checkAtOpen: 'skip',
  })
  const timings = emptyTimings()
  let report: Awaited<ReturnType<typeof runImport>> | undefined
  const measured = await measure(async () => {
    report = await runImport(backend.context, { paths: [input], timings })
  })
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
  const results = report?.results ?? []
  const bytes = inputBytes.get(input) ?? 0
  return {
    ...measured,
    files: results.length,
    imported: report?.imported ?? 0,
    failed: report?.failed ?? 0,
    bytes,
    pages: timings.pages,
    timings,
  }
}

/** Bytes of each input folder, for MB/s. */
const inputBytes = new Map<string, number>()
function folderBytes(input: string, files: string[]): void {
  let total = 0
  for (const f of files) total += readFileSync(f).length
  inputBytes.set(input, total)
}

function printImport(
  label: string,
  runs: ImportRun[],
  unit: 'files' | 'pages',
): { perSecond: number; mbPerSecond: number } {
  const perSecond = median(runs.map((r) => (unit === 'pages' ? r.pages : r.files) / r.seconds))
  const mbPerSecond = median(runs.map((r) => r.bytes / MB / r.seconds))
  const r = runs[Math.floor(runs.length / 2)] as ImportRun
  const t = r.timings
  process.stdout.write(
    `${label.padEnd(34)} ${fmt(perSecond, 0).padStart(6)} ${unit}/s  ${fmt(mbPerSecond).padStart(6)} MB/s  ` +
      `loop p99 ${fmt(median(runs.map((x) => x.loopP99Ms))).padStart(5)} ms (max ${fmt(median(runs.map((x) => x.loopMaxMs)), 0)})  ` +
      `peak RSS ${fmt(median(runs.map((x) => x.peakRssMb)), 0)} MB  [${r.imported} imported, ${r.failed} failed]\n` +
      `${''.padEnd(34)} CPU (user + sys, all threads) ${fmt(median(runs.map((x) => x.cpuSeconds)), 2)} s median ` +
      `(runs ${runs.map((x) => fmt(x.cpuSeconds, 2)).join(', ')} s; wall ${runs.map((x) => fmt(x.seconds, 2)).join(', ')} s)\n`,
  )
  process.stdout.write(
    `${''.padEnd(34)} time: wall ${fmt(r.seconds, 2)} s, of it walking ${fmt(t.walkMs / 1000, 2)} s; main-thread writes ${fmt(t.writeMs / 1000, 2)} s in ${t.writeGroups} groups; ` +
      `workers (summed) read ${fmt(t.readMs / 1000, 2)} s, parse ${fmt(t.parseMs / 1000, 2)} s, hash ${fmt(t.hashMs / 1000, 2)} s, ` +
      `language + stems ${fmt((t.deriveMs ?? 0) / 1000, 2)} s\n`,
  )
  return { perSecond, mbPerSecond }
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Engine from JSONL vs bare inserts.

function asExtracted(s: Speech): ExtractedFile {
  const text = cleanText(s.text)
  const bytes = Buffer.from(text)
  return {
    format: 'txt',
    title: s.title,
    authors: [],
    publishedAt: s.date,
    source: 'The White House',
    url: s.url,
    language: 'en',
    languageSource: 'declared',
    text,
    html: null,
    pageStarts: null,
    pageMeta: null,
    toc: null,
    warnings: [],
    provenance: {},
    identifiers: [],
    fileDate: null,
    citationType: 'speech',
    containerTitle: null,
    publisher: null,
    doi: null,
    tags: [],
    contentHash: contentHash(text, bytes),
    wordCount: wordCount(text),
    size: bytes.length,
    pages: 1,
    timings: { readMs: 0, parseMs: 0, hashMs: 0 },
  }
}

/**
 * Variants of the engine's schema for the diagnostic rows: the library as it is, without the FTS triggers (what
 * the index costs), and with the FTS prefix indexes of migration 0010 ('2 3' instead of 0030's '1 2 3').
 */
type EngineVariant = 'library' | 'no-fts' | 'prefix-2-3'

function applyVariant(db: Database.Database, variant: EngineVariant): void {
  if (variant === 'no-fts') {
    // The importer indexes its groups itself (migration 0140): documents_fts becomes a view that swallows inserts.
    db.exec(`DROP TRIGGER documents_ai; DROP TRIGGER documents_au; DROP TRIGGER documents_ad;
      DROP TABLE documents_vocab; DROP TABLE documents_fts;
      CREATE TABLE documents_fts_config (k PRIMARY KEY, v) WITHOUT ROWID;
      CREATE VIEW documents_fts AS
        SELECT NULL AS documents_fts, NULL AS rank, NULL AS title, NULL AS authors, NULL AS source, NULL AS text;
      CREATE TRIGGER documents_fts_nothing INSTEAD OF INSERT ON documents_fts BEGIN SELECT 1; END`)
  }
  if (variant === 'prefix-2-3') {
    db.exec(`DROP TABLE documents_vocab; DROP TABLE documents_fts;
      CREATE VIRTUAL TABLE documents_fts USING fts5(title, authors, source, text, content='documents',
        content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')`)
  }
}

/** Wall seconds and this process's CPU seconds (user + system): the CPU figure moves less with the machine's load. */
type Timed = { seconds: number; cpuSeconds: number }
const cpuSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1e6
}

async function engineRun(speeches: Speech[], variant: EngineVariant = 'library'): Promise<Timed> {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-engine-'))
  const backend = createBackend({
    libraryDir: join(dir, 'library'),
    log: createMemoryLogger(),
    checkAtOpen: 'skip',
  })
  applyVariant(backend.context.db, variant)
  const cpu = process.cpuUsage()
  const started = performance.now()
  // As a bulk import does: FTS5 merges less often during the batch, then once at the end (store.ts).
  beginBulkIndexing(backend.context.db)
  // Hashing and word counts are part of getting a document into the engine; extraction (JSON) is not.
  const files = speeches.map(asExtracted)
  for (let i = 0; i < files.length; i += GROUP) {
    const entries: WriteEntry[] = files.slice(i, i + GROUP).map((file, k) => ({
      kind: 'store',
      item: {
        path: `/corpus/${speeches[i + k]?.id}.txt`,
        size: file.size,
        file,
        tags: [],
        jobId: null,
      },
    }))
    // Every write must succeed: a document type that grew required fields once made every write here fail
    // (logged as failed, so the count below still matched) and the engine measured failures, not documents.
    const failed = writeGroup(backend.context.db, entries).find((r) => r.status === 'failed')
    if (failed) throw new Error(`engine: ${failed.path} failed: ${failed.error}`)
  }
  await finishBulkIndexing(backend.context.db, () => new Promise((done) => setImmediate(done)))
  const seconds = (performance.now() - started) / 1000
  const cpuSeconds = cpuSince(cpu)
  // A dozen speeches repeat with identical text: they are logged as duplicates, not stored twice.
  const logged = (
    backend.context.db.prepare('SELECT count(*) AS n FROM import_log').get() as { n: number }
  ).n
  if (logged !== speeches.length) throw new Error(`engine logged ${logged} of ${speeches.length}`)
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
  return { seconds, cpuSeconds }
}

function baselineRun(speeches: Speech[]): Timed {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-baseline-'))
  const db = new Database(join(dir, 'bare.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL') // the library's setting: same fsync cost per transaction
  db.exec('CREATE TABLE docs (title TEXT, published_at TEXT, url TEXT, text TEXT)')
  const insert = db.prepare('INSERT INTO docs (title, published_at, url, text) VALUES (?, ?, ?, ?)')
  const group = db.transaction((rows: Speech[]) => {
    for (const s of rows) insert.run(s.title, s.date, s.url, s.text)
  })
  const cpu = process.cpuUsage()
  const started = performance.now()
  for (let i = 0; i < speeches.length; i += GROUP) group(speeches.slice(i, i + GROUP))
  const seconds = (performance.now() - started) / 1000
  const cpuSeconds = cpuSince(cpu)
  db.close()
  rmSync(dir, { recursive: true, force: true })
  return { seconds, cpuSeconds }
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const file = whiteHouseCorpusFile(REPO)
  if (!file) {
    process.stdout.write(
      'import benchmark: corpus not found (set LECTERN_CORPUS or put shared/corpus next to the repo); skipped.\n',
    )
    return
  }
  const speeches = gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Speech)
  const corpusMb =
    speeches.reduce((n, s) => n + Buffer.byteLength(s.title) + Buffer.byteLength(s.text), 0) / MB
  const script = workerScript()
  process.stdout.write(
    `Import benchmark: ${speeches.length.toLocaleString('en')} White House documents (${fmt(corpusMb)} MB of title+text) from ${file}\n` +
      `${availableParallelism()} cores (shared with other work: compare ratios), ${RUNS} runs, medians; worker ${script.replace(`${REPO}/`, '')}\n\n`,
  )
  // Event-loop delay of this process doing nothing, measured now: the floor the machine's load sets for p99.
  const idle = await measure(() => new Promise((done) => setTimeout(done, 2000)))
  process.stdout.write(
    `Idle event-loop delay now (baseline for the p99 figures): p99 ${fmt(idle.loopP99Ms)} ms, max ${fmt(idle.loopMaxMs)} ms\n\n`,
  )
  const work = mkdtempSync(join(tmpdir(), 'lectern-bench-input-'))
  try {
    if (ONLY.has('engine')) {
      process.stdout.write('1. Engine, straight from the JSONL (issue 2)\n')
      const engine: Timed[] = []
      const baseline: Timed[] = []
      for (let r = 0; r < RUNS; r++) {
        baseline.push(baselineRun(speeches))
        engine.push(await engineRun(speeches))
      }
      const e = median(engine.map((t) => t.seconds))
      const b = median(baseline.map((t) => t.seconds))
      const ce = median(engine.map((t) => t.cpuSeconds))
      const cb = median(baseline.map((t) => t.cpuSeconds))
      process.stdout.write(
        `   baseline: bare inserts, no indexes     ${fmt(speeches.length / b, 0).padStart(6)} docs/s  ${fmt(corpusMb / b).padStart(6)} MB/s\n` +
          `   engine: documents + FTS5 + log rows    ${fmt(speeches.length / e, 0).padStart(6)} docs/s  ${fmt(corpusMb / e).padStart(6)} MB/s\n` +
          `   engine / baseline MB/s: ${fmt((100 * b) / e, 0)} %  (goal ≥ 40 %)\n` +
          `   by CPU time (moves less with the shared machine's load): engine ${fmt(ce, 2)} s, baseline ${fmt(cb, 2)} s → ${fmt((100 * cb) / ce, 0)} %\n`,
      )
      // Where the engine's time goes (one run each, diagnostic schemas on throw-away libraries).
      const noFts = (await engineRun(speeches, 'no-fts')).seconds
      const prefix23 = (await engineRun(speeches, 'prefix-2-3')).seconds
      process.stdout.write(
        `   diagnostic: engine without the FTS index ${fmt(speeches.length / noFts, 0).padStart(6)} docs/s  ${fmt(corpusMb / noFts).padStart(6)} MB/s` +
          ` → the FTS index is ${fmt((100 * (e - noFts)) / e, 0)} % of the engine's time\n` +
          `   diagnostic: FTS with prefix='2 3' (0010) ${fmt(speeches.length / prefix23, 0).padStart(6)} docs/s  ${fmt(corpusMb / prefix23).padStart(6)} MB/s` +
          ` (vs prefix='1 2 3' of migration 0030 above)\n\n`,
      )
    }

    if (ONLY.has('files')) {
      process.stdout.write(
        '2. The same documents as .txt files through the pipeline (issues 2 and 4)\n',
      )
      const dir = join(work, 'txt')
      mkdirSync(dir)
      const paths = speeches.map((s, i) => {
        const path = join(dir, `${String(i).padStart(4, '0')}-${s.id.slice(3, 60)}.txt`)
        writeFileSync(path, `${s.title}\n\n${longDate(s.date)}\n\n${s.text}\n`)
        return path
      })
      folderBytes(dir, paths)
      // Recoll over the same folder, each run right after one of Lectern's (pool of 2): same load for both.
      const recoll = ONLY.has('recoll') ? recollVersion() : null
      const recollRuns: RecollRun[] = []
      for (const workers of POOL_ONLY ? [2] : [2, 1]) {
        const runs: ImportRun[] = []
        for (let r = 0; r < RUNS; r++) {
          runs.push(await importRun(dir, workers, script))
          if (workers === 2 && recoll) recollRuns.push(recollRun(dir, paths.length))
        }
        const { perSecond } = printImport(
          `   txt, ${workers === 1 ? 'one worker' : `pool of ${workers}`}`,
          runs,
          'files',
        )
        if (workers !== 2) continue
        if (!ONLY.has('recoll')) continue
        if (!recoll) {
          process.stdout.write(
            '   Recoll: recollindex not installed (apt-get install recollcmd), baseline skipped\n',
          )
          continue
        }
        const rate = median(recollRuns.map((r) => r.files / r.seconds))
        process.stdout.write(
          `   Recoll ${recoll} (recollindex, same files, interleaved) ${fmt(rate, 0).padStart(6)} files/s  ` +
            `(runs ${recollRuns.map((r) => fmt(r.seconds, 1)).join(', ')} s; CPU ${recollRuns.map((r) => (r.cpuSeconds === null ? '?' : fmt(r.cpuSeconds, 1))).join(', ')} s) → Lectern / Recoll: ${fmt(perSecond / rate, 2)}×\n`,
        )
      }
      process.stdout.write('   (goal: ≥ 1,000 files/s on 2 cores, and ahead of Recoll)\n\n')
    }

    if (ONLY.has('mixed')) {
      process.stdout.write('3. Mixed formats (issue 4)\n')
      const sample = speeches.filter((s) => s.text.length > 2000).slice(0, 600)
      const formats: Record<string, string[]> = { html: [], pdf: [], md: [], docx: [], epub: [] }
      const mkdir = (name: string): string => {
        const d = join(work, name)
        mkdirSync(d, { recursive: true })
        return d
      }
      const htmlDir = mkdir('html')
      for (const [i, s] of sample.slice(0, 300).entries()) {
        const p = join(htmlDir, `${i}.html`)
        writeFileSync(p, htmlPage(s))
        formats.html?.push(p)
      }
      const mdDir = mkdir('md')
      for (const [i, s] of sample.slice(300, 500).entries()) {
        const p = join(mdDir, `${i}.md`)
        writeFileSync(
          p,
          `---\ntitle: "${s.title.replace(/"/g, "'")}"\ndate: ${s.date ?? ''}\ntags: [whitehouse]\n---\n\n${s.text}\n`,
        )
        formats.md?.push(p)
      }
      const pdfDir = mkdir('pdf')
      const realPdfs = ['fhs-3.0.pdf', 'maint-guide.en.pdf'].map((n) =>
        join(REPO, 'tests', 'fixtures', 'documents', 'debian', n),
      )
      for (let i = 0; i < 6; i++) {
        const p = join(pdfDir, `${i}-${i % 2 ? 'maint-guide' : 'fhs'}.pdf`)
        copyFileSync(realPdfs[i % 2] as string, p)
        formats.pdf?.push(p)
      }
      const docxDir = mkdir('docx')
      for (const [i, s] of sample.slice(500, 540).entries()) {
        const doc = new Document({
          title: s.title,
          sections: [
            {
              children: [
                new Paragraph({ text: s.title, heading: HeadingLevel.HEADING_1 }),
                ...s.text
                  .split(/\n\s*\n/)
                  .map((t) => new Paragraph({ children: [new TextRun(t.trim())] })),
              ],
            },
          ],
        })
        const p = join(docxDir, `${i}.docx`)
        writeFileSync(p, await Packer.toBuffer(doc))
        formats.docx?.push(p)
      }
      const epubDir = mkdir('epub')
      for (let i = 0; i < 10; i++) {
        const chapters = sample.slice(540 + i * 6, 546 + i * 6).map((s, k) => ({
          name: `ch${k}.xhtml`,
          html: `<h1>${escapeHtml(s.title)}</h1>${s.text
            .split(/\n\s*\n/)
            .map((t) => `<p>${escapeHtml(t.trim())}</p>`)
            .join('')}`,
        }))
        const p = join(epubDir, `${i}.epub`)
        writeFileSync(p, await buildEpub({ title: `Collected remarks ${i}`, chapters }))
        formats.epub?.push(p)
      }
      const all: string[] = []
      for (const [name, list] of Object.entries(formats)) {
        folderBytes(join(work, name), list)
        all.push(...list)
      }
      const mixedDir = mkdir('mixed')
      for (const p of all) copyFileSync(p, join(mixedDir, `${p.split('/').slice(-2).join('-')}`))
      folderBytes(mixedDir, all)

      const html = [
        await importRun(htmlDir, 2, script),
        ...(RUNS > 1 ? [await importRun(htmlDir, 2, script)] : []),
      ]
      printImport('   HTML pages, pool of 2', html, 'files')
      const pdf = [
        await importRun(pdfDir, 2, script),
        ...(RUNS > 1 ? [await importRun(pdfDir, 2, script)] : []),
      ]
      printImport('   PDF pages (real Debian PDFs), pool of 2', pdf, 'pages')
      process.stdout.write(
        '   (goals: HTML ≥ 100 pages/s, PDF ≥ 100 pages/s; PDF copies repeat, so all but two are duplicates after parsing)\n',
      )
      const perFormat = { md: mdDir, docx: docxDir, epub: epubDir }
      for (const [name, dir] of Object.entries(perFormat))
        printImport(`   ${name}, pool of 2`, [await importRun(dir, 2, script)], 'files')
      const pool: ImportRun[] = []
      const one: ImportRun[] = []
      for (let r = 0; r < Math.min(RUNS, 2); r++) {
        pool.push(await importRun(mixedDir, 2, script))
        one.push(await importRun(mixedDir, 1, script))
      }
      const p = printImport(`   mixed (${all.length} files), pool of 2`, pool, 'files')
      const o = printImport(`   mixed (${all.length} files), one worker`, one, 'files')
      process.stdout.write(`   pool / one worker: ${fmt(p.perSecond / o.perSecond, 2)}×\n`)
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `import benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
