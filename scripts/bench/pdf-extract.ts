/**
 * PDF extraction time, this tree against another checkout of Lectern (the baseline), interleaved in the same run:
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/bench/pdf-extract.ts --baseline /path/to/other/lectern [--runs 5]
 *     [FILE.pdf …]
 *
 * The baseline tree needs its own src/ and node_modules/ (its pdf.js, with its patches applied). Each run extracts
 * every file once in a fresh process per tree (pdf.js loaded once per process, as in an import worker), alternating
 * which tree goes first; medians of the per-run totals are printed with the ratio. Default files: the committed real
 * PDFs (fhs-3.0, maint-guide, the debian-reference.ja excerpt, dvips, btxdoc, amsfndoc). Without --baseline it times
 * this tree alone.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const HERE = resolve(__dirname, '..', '..')
const argv = process.argv.slice(2)
const option = (name: string): string | null => {
  const i = argv.indexOf(name)
  return i >= 0 ? (argv.splice(i, 2)[1] ?? null) : null
}

async function child(root: string, files: string[]): Promise<void> {
  const { extractPdf } = (await import(join(root, 'src/main/importers/extractors/pdf.ts'))) as {
    extractPdf: (input: unknown) => Promise<unknown>
  }
  const limits = { maxFileBytes: 80_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }
  const started = performance.now()
  for (const path of files) await extractPdf({ bytes: readFileSync(path), path, limits })
  process.stdout.write(`${performance.now() - started}\n`)
}

function once(root: string, files: string[]): number {
  const r = spawnSync(
    'npx',
    ['tsx', '--tsconfig', join(root, 'tsconfig.node.json'), __filename, '--child', root, ...files],
    { cwd: root, encoding: 'utf8' },
  )
  if (r.status !== 0) throw new Error(`extraction failed in ${root}: ${r.stderr}`)
  return Number(r.stdout.trim().split('\n').pop())
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}

function main(): void {
  const childRoot = option('--child')
  if (childRoot) {
    void child(childRoot, argv)
    return
  }
  const baseline = option('--baseline')
  const runs = Number(option('--runs') ?? 5)
  const fixtures = join(HERE, 'tests', 'fixtures', 'documents')
  const files = (
    argv.length > 0
      ? argv
      : [
          'debian/fhs-3.0.pdf',
          'debian/maint-guide.en.pdf',
          'debian/debian-reference.ja-excerpt.pdf',
          'texlive/dvips.pdf',
          'texlive/btxdoc.pdf',
          'texlive/amsfndoc.pdf',
        ].map((f) => join(fixtures, f))
  ).map((f) => resolve(f))
  const ours: number[] = []
  const theirs: number[] = []
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours']
    for (const which of order) {
      if (which === 'ours') ours.push(once(HERE, files))
      else if (baseline) theirs.push(once(resolve(baseline), files))
    }
  }
  console.log(`${files.length} PDFs, ${runs} runs, medians of the per-run totals`)
  console.log(
    `  this tree: ${median(ours).toFixed(0)} ms  (runs: ${ours.map((t) => t.toFixed(0)).join(', ')})`,
  )
  if (baseline) {
    console.log(
      `  baseline:  ${median(theirs).toFixed(0)} ms  (runs: ${theirs.map((t) => t.toFixed(0)).join(', ')})`,
    )
    console.log(`  ratio this/baseline: ${(median(ours) / median(theirs)).toFixed(3)}`)
  }
}

main()
