/**
 * Small helpers the command-line benchmarks share (import.ts, cold-start.ts, known-item.ts, search.ts): flags,
 * quantiles and the White House corpus file. Not a benchmark itself (scripts/bench.mjs runs only top-level files).
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The value after `--name` on the command line, if any. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

/** A numeric flag, or `fallback` when it is absent. */
export function numberArg(name: string, fallback: number): number {
  const value = arg(name)
  return value === undefined ? fallback : Number(value)
}

/** Linear-interpolated quantile (q in 0..1). */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * q
  const lo = Math.floor(at)
  const hi = Math.ceil(at)
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo)
}

export const median = (values: number[]): number => quantile(values, 0.5)

/** The White House speeches (public domain): `LECTERN_CORPUS`, else ../shared/corpus, else /work/shared/corpus. */
export function whiteHouseCorpusFile(repo: string): string | null {
  const candidates = [
    process.env.LECTERN_CORPUS,
    resolve(repo, '..', 'shared', 'corpus'),
    '/work/shared/corpus',
  ]
  for (const c of candidates) {
    const file = c && join(c, 'whitehouse-remarks-2009-2015', 'articles.jsonl.gz')
    if (file && existsSync(file)) return file
  }
  return null
}
