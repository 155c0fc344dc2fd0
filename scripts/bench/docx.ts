/**
 * DOCX extraction time before and after equation support (Office Math kept, see extractors/docx-equations.ts).
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/bench/docx.ts [--base COMMIT] [--runs N]
 *   (or `npm run bench -- docx --base COMMIT`)
 *
 * The baseline is the DOCX extractor of `--base` (default `main`), exported from git into node_modules/.cache and
 * run in this same process, interleaved with the current one, on the same files: real DOCX without equations (the
 * White House fixture, the figure fixture, a generated 300-paragraph report), the Latin Modern Math Word file and
 * generated papers with inline equations (the baseline drops or refuses those: its time is for less work). Prints
 * medians per file and the ratio. The machine is shared: compare only the two columns of one run.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  Document,
  MathFraction,
  MathRun,
  MathSuperScript,
  Math as OfficeMath,
  Packer,
  Paragraph,
  TextRun,
} from 'docx'
import type { Extractor } from '../../src/main/importers/extractors/common'
import { arg, median, numberArg } from './support/bench-args'

const REPO = resolve(__dirname, '..', '..')
const limits = { maxFileBytes: 1e9, maxZipBytes: 1e9, maxZipEntries: 10_000 }

const words = (n: number, seed: number): string =>
  Array.from(
    { length: n },
    (_, i) =>
      ['the', 'bound', 'holds', 'for', 'every', 'solution', 'we', 'measured'][(i * 7 + seed) % 8],
  ).join(' ')

async function report(paragraphs: number, withMath: boolean): Promise<Buffer> {
  const children = Array.from({ length: paragraphs }, (_, i) =>
    withMath
      ? new Paragraph({
          children: [
            new TextRun(`${words(30, i)} where `),
            new OfficeMath({
              children: [
                new MathSuperScript({
                  children: [new MathRun('x')],
                  superScript: [new MathRun(`${i % 9}`)],
                }),
                new MathRun('+'),
                new MathFraction({
                  numerator: [new MathRun('a+b')],
                  denominator: [new MathRun('2')],
                }),
              ],
            }),
            new TextRun(` ${words(30, i + 1)}.`),
          ],
        })
      : new Paragraph({ text: `${words(60, i)}.` }),
  )
  return Packer.toBuffer(new Document({ sections: [{ children }] }))
}

async function main(): Promise<void> {
  const base = arg('--base') ?? 'main'
  const runs = numberArg('--runs', 7)
  const commit = execFileSync('git', ['rev-parse', '--short', base], { cwd: REPO })
    .toString()
    .trim()
  // Inside node_modules so the exported sources resolve the same packages (and git ignores them).
  const dir = join(REPO, 'node_modules', '.cache', 'lectern-bench-docx', commit)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  execFileSync('sh', ['-c', `git archive ${commit} src | tar -x -C '${dir}'`], { cwd: REPO })
  const before = (await import(join(dir, 'src/main/importers/extractors/docx.ts')))
    .extractDocx as Extractor
  const after = (await import('../../src/main/importers/extractors/docx')).extractDocx as Extractor

  const files: [string, Uint8Array][] = [
    [
      'White House remarks (no equations)',
      readFileSync(
        join(REPO, 'tests/fixtures/documents/whitehouse/remarks-president-troops-afghanistan.docx'),
      ),
    ],
    [
      'figure paragraph (no equations)',
      readFileSync(join(REPO, 'tests/fixtures/e2e/figure-paragraph.docx')),
    ],
    ['300-paragraph report (no equations)', await report(300, false)],
    [
      'Latin Modern Math (11 equations)',
      readFileSync(join(REPO, 'tests/fixtures/documents/debian/test-word-latinmodern_math.docx')),
    ],
    ['300 paragraphs, 300 inline equations', await report(300, true)],
  ].map(([name, bytes]) => [name as string, new Uint8Array(bytes as Buffer)])

  const time = async (extract: Extractor, bytes: Uint8Array): Promise<number> => {
    const start = performance.now()
    try {
      await extract({ bytes, path: 'bench.docx', limits } as never)
    } catch {
      // The baseline refuses the Latin Modern file ("no text in the DOCX"): its time is still the work it did.
    }
    return performance.now() - start
  }
  // Warm both (mammoth, jsdom and DOMPurify load on the first DOCX).
  for (const [, bytes] of files) {
    await time(before, bytes)
    await time(after, bytes)
  }
  process.stdout.write(
    `DOCX extraction, median of ${runs} interleaved runs; baseline = ${base} (${commit})\n`,
  )
  for (const [name, bytes] of files) {
    const a: number[] = []
    const b: number[] = []
    for (let r = 0; r < runs; r++) {
      b.push(await time(before, bytes))
      a.push(await time(after, bytes))
    }
    const mb = median(b)
    const ma = median(a)
    process.stdout.write(
      `${name.padEnd(40)} before ${mb.toFixed(1).padStart(7)} ms   after ${ma.toFixed(1).padStart(7)} ms   ${((ma / mb - 1) * 100).toFixed(1).padStart(6)} %\n`,
    )
  }
  rmSync(dir, { recursive: true, force: true })
}

void main()
