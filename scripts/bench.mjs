#!/usr/bin/env node
// Runs every benchmark in scripts/bench/ in turn (or the ones named: `npm run bench -- search import`).
// Benchmarks print their own numbers and ratios against a baseline measured in the same run. Not part of npm test.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = join(dirname(fileURLToPath(import.meta.url)), 'bench')
// Names pick benchmarks; options (`--compare-stems`, `--reps 3`) are passed on to each of them.
const args = process.argv.slice(2)
const firstOption = args.findIndex((a) => a.startsWith('--'))
const wanted = firstOption === -1 ? args : args.slice(0, firstOption)
const options = firstOption === -1 ? [] : args.slice(firstOption)
const files = readdirSync(here)
  .filter((f) => /\.(ts|mjs)$/.test(f))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort()
let failed = 0
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`)
  const runner = file.endsWith('.ts')
    ? ['npx', 'tsx', '--tsconfig', 'tsconfig.node.json']
    : ['node']
  const r = spawnSync(runner[0], [...runner.slice(1), join(here, file), ...options], {
    stdio: 'inherit',
  })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
