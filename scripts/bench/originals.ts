/**
 * Originals benchmark (issue #12).
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/bench/originals.ts [--runs N] [--docs N] [--pdfs N]
 *
 * In the same run, on the same files (N White House speeches as .txt plus copies of the committed PDFs, each made
 * distinct by a trailing comment):
 * 1. import without keeping originals (the pipeline before issue #12) vs import keeping them: files/s and MB/s;
 * 2. re-extraction of every document from its original (documents.reextract's code path) vs the import rate
 *    (goal: re-extraction ≥ the import rate);
 * 3. the library size overhead of originals: bytes in files/ vs the database file.
 * Medians over --runs (default 3), the two imports interleaved. The machine's 2 cores are shared: compare the ratios.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { createBackend } from '../../src/main/compose/create-backend'
import { runImport } from '../../src/main/importers/pipeline'
import { runReextract } from '../../src/main/originals/reextract'
import { createMemoryLogger } from '../../src/main/platform/logger'

const REPO = resolve(__dirname, '..', '..')
const MB = 1024 * 1024
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const RUNS = Math.max(1, Number(arg('--runs') ?? 3))
const DOCS = Math.max(1, Number(arg('--docs') ?? 1000))
const PDFS = Math.max(0, Number(arg('--pdfs') ?? 3))

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })

function corpusFile(): string | null {
  for (const c of [
    process.env.LECTERN_CORPUS,
    resolve(REPO, '..', 'shared', 'corpus'),
    '/work/shared/corpus',
  ]) {
    const file = c && join(c, 'whitehouse-remarks-2009-2015', 'articles.jsonl.gz')
    if (file && existsSync(file)) return file
  }
  return null
}

function workerScript(): string {
  const built = join(REPO, 'out', 'main', 'import-worker.js')
  return existsSync(built)
    ? built
    : join(REPO, 'src', 'main', 'importers', 'worker', 'import-worker.ts')
}

function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size
  }
  return total
}

async function main(): Promise<void> {
  const corpus = corpusFile()
  if (!corpus) {
    process.stdout.write('No corpus (set LECTERN_CORPUS): originals benchmark skipped.\n')
    return
  }
  const work = mkdtempSync(join(tmpdir(), 'lectern-bench-originals-'))
  const input = join(work, 'input')
  mkdirSync(input)
  const lines = gunzipSync(readFileSync(corpus)).toString('utf8').split('\n').filter(Boolean)
  for (const [i, line] of lines.slice(0, DOCS).entries()) {
    const s = JSON.parse(line) as { title: string; text: string }
    writeFileSync(join(input, `speech-${i}.txt`), `${s.title}\n\n${s.text}`)
  }
  const pdfSources = ['debian/maint-guide.en.pdf', 'debian/fhs-3.0.pdf', 'texlive/nnext.pdf'].map(
    (p) => readFileSync(join(REPO, 'tests', 'fixtures', 'documents', p)),
  )
  for (let i = 0; i < PDFS; i++) {
    const source = pdfSources[i % pdfSources.length] as Buffer
    // Copies beyond the 3 sources have new bytes (a trailing comment) but the same text: imported as duplicates.
    writeFileSync(
      join(input, `paper-${i}.pdf`),
      Buffer.concat([source, Buffer.from(`\n%copy ${i}\n`)]),
    )
  }
  const inputBytes = dirBytes(input)
  const script = workerScript()
  process.stdout.write(
    `${DOCS} .txt + ${PDFS} .pdf files (${fmt(inputBytes / MB)} MB), pool of 2 workers, ${RUNS} runs, worker ${script.endsWith('.js') ? 'built' : 'from source'}\n`,
  )

  const without: number[] = []
  const withOriginals: number[] = []
  const reextract: number[] = []
  let sizes = { files: 0, db: 0, docs: 0 }
  for (let run = 0; run < RUNS; run++) {
    for (const keep of run % 2 === 0 ? [false, true] : [true, false]) {
      const dir = mkdtempSync(join(work, 'lib-'))
      const backend = createBackend({
        libraryDir: join(dir, 'library'),
        log: createMemoryLogger(),
        limits: { workers: 2 },
        workerScript: script,
        checkAtOpen: 'skip',
        backups: { autoIntervalHours: null },
      })
      const started = performance.now()
      const report = await runImport(backend.context, { paths: [input], keepOriginals: keep })
      const seconds = (performance.now() - started) / 1000
      const files = report.imported + report.duplicates
      ;(keep ? withOriginals : without).push(files / seconds)
      if (keep) {
        const reStarted = performance.now()
        const re = await runReextract(backend.context, { all: true })
        const reSeconds = (performance.now() - reStarted) / 1000
        if (re.failed > 0)
          throw new Error(
            `re-extraction failed: ${JSON.stringify(re.results.find((r) => r.status === 'failed'))}`,
          )
        reextract.push(re.updated / reSeconds)
        backend.context.db.pragma('wal_checkpoint(TRUNCATE)')
        sizes = {
          files: dirBytes(join(dir, 'library', 'files')),
          db: statSync(join(dir, 'library', 'library.sqlite')).size,
          docs: report.imported,
        }
      }
      await backend.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const base = median(without)
  const kept = median(withOriginals)
  const re = median(reextract)
  process.stdout.write(
    [
      `import without originals (baseline): ${fmt(base)} files/s  (runs: ${without.map((v) => fmt(v)).join(', ')})`,
      `import keeping originals:            ${fmt(kept)} files/s  (${fmt((kept / base - 1) * 100)} % vs baseline; runs: ${withOriginals.map((v) => fmt(v)).join(', ')})`,
      `re-extraction from originals:        ${fmt(re)} documents/s = ${fmt(re / kept, 2)} × the import rate (goal ≥ 1; runs: ${reextract.map((v) => fmt(v)).join(', ')})`,
      `library size: database ${fmt(sizes.db / MB)} MB + originals ${fmt(sizes.files / MB)} MB for ${sizes.docs} documents (originals add ${fmt((sizes.files / sizes.db) * 100, 0)} % to the database's size)`,
    ].join('\n') + '\n',
  )
  rmSync(work, { recursive: true, force: true })
}

main().catch((error) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
