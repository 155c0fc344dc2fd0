/**
 * Extraction speed, metadata included (title, authors, date rules run on every import): every real document in
 * tests/fixtures/documents and tests/fixtures/metadata-set (or the folders given) extracted in turn, in one thread,
 * by this tree's code and, with --base DIR, by another checkout of the project (the baseline, measured in the same
 * run, runs interleaved). Prints the median ms per run and per file of each, and the ratio.
 *
 *   git archive main | (mkdir -p /tmp/lectern-base && tar -x -C /tmp/lectern-base) && \
 *     ln -s "$PWD/node_modules" /tmp/lectern-base/node_modules
 *   npx tsx --tsconfig tsconfig.node.json scripts/bench/metadata.ts --base /tmp/lectern-base [--runs 5] [FOLDER…]
 *   … the same with --finish-only: finish.ts alone (the title/author/date rules every import runs), 200 times.
 *
 * Not part of npm test. The machine is shared: compare the two medians of one run, not numbers across runs.
 */
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

type ExtractFile = (path: string, limits: object) => Promise<{ title: string }>

const LIMITS = {
  maxFileBytes: 64 * 1024 * 1024,
  maxZipBytes: 256 * 1024 * 1024,
  maxZipEntries: 10_000,
}
const argv = process.argv.slice(2)
const opt = (name: string): string | null => {
  const i = argv.indexOf(name)
  if (i < 0) return null
  const v = argv[i + 1] ?? null
  argv.splice(i, 2)
  return v
}
const runs = Number(opt('--runs') ?? 5)
const finishFlag = argv.indexOf('--finish-only')
if (finishFlag >= 0) argv.splice(finishFlag, 1)
const base = opt('--base')
const root = resolve(__dirname, '../..')
const folders = argv.length
  ? argv
  : [join(root, 'tests/fixtures/documents'), join(root, 'tests/fixtures/metadata-set')]

function filesUnder(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) filesUnder(path, out)
    else if (/\.(?:pdf|txt|md|html?|docx|epub)$/i.test(name)) out.push(path)
  }
  return out
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN
}

async function load(tree: string): Promise<ExtractFile> {
  const mod = (await import(pathToFileURL(join(tree, 'src/main/importers/extract.ts')).href)) as {
    extractFile: ExtractFile
  }
  return mod.extractFile
}

async function timeRun(extract: ExtractFile, files: string[]): Promise<number> {
  const started = performance.now()
  for (const f of files) await extract(f, LIMITS)
  return performance.now() - started
}

type Finish = (doc: object, fileTitle: string) => unknown

async function loadFinish(tree: string): Promise<Finish> {
  const mod = (await import(
    pathToFileURL(join(tree, 'src/main/importers/metadata/finish.ts')).href
  )) as { finishMetadata: Finish }
  return mod.finishMetadata
}

/**
 * --finish-only: the last metadata step alone (finish.ts: text head, section headings, title fallbacks), run 200 times
 * over every document's extracted text; short and CPU-bound, so less noisy than whole extractions.
 */
async function finishOnly(files: string[]): Promise<void> {
  const extract = await load(root)
  const docs = [] as { doc: object; fileTitle: string }[]
  for (const f of files) {
    const doc = (await extract(f, LIMITS)) as unknown as Record<string, unknown>
    docs.push({ doc, fileTitle: f.replace(/^.*\//, '').replace(/\.[^.]*$/, '') })
  }
  const trees = [['this tree', await loadFinish(root)]] as [string, Finish][]
  if (base) trees.unshift([`baseline ${base}`, await loadFinish(resolve(base))])
  const times = new Map<string, number[]>(trees.map(([name]) => [name, []]))
  for (let r = 0; r < runs + 1; r++)
    for (const [name, finish] of trees) {
      const started = performance.now()
      for (let k = 0; k < 200; k++)
        for (const { doc, fileTitle } of docs)
          finish(
            { ...doc, provenance: { ...(doc as { provenance: object }).provenance } },
            fileTitle,
          )
      if (r > 0) times.get(name)?.push(performance.now() - started) // the first round warms up
    }
  for (const [name, xs] of times)
    console.log(
      `${name}: finishMetadata ×200 over ${docs.length} documents: ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`,
    )
}

async function main(): Promise<void> {
  const files = folders.flatMap((d) => filesUnder(d, []))
  if (process.argv.includes('--finish-only')) return finishOnly(files)
  const current = await load(root)
  const baseline = base ? await load(resolve(base)) : null
  // One warm-up of each: module loading and JIT are not extraction.
  await timeRun(current, files)
  if (baseline) await timeRun(baseline, files)
  const now: number[] = []
  const before: number[] = []
  for (let r = 0; r < runs; r++) {
    if (baseline) before.push(await timeRun(baseline, files))
    now.push(await timeRun(current, files))
  }
  const line = (label: string, xs: number[]): string =>
    `${label}: ${median(xs).toFixed(0)} ms a run, ${(median(xs) / files.length).toFixed(1)} ms a file (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`
  console.log(`${files.length} files, ${runs} runs each`)
  if (baseline) console.log(line(`baseline ${base}`, before))
  console.log(line('this tree', now))
  if (baseline) console.log(`this tree / baseline: ${(median(now) / median(before)).toFixed(3)}`)
}

void main()
