/**
 * HTML extraction benchmark: the whole HTML extractor (decode, metadata, Readability, sanitize, text, title choice,
 * metadata finish) on real pages, against a baseline measured in the same run on the same pages: Readability alone
 * on a freshly parsed DOM (the part of the work we do not own). Runs alternate page by page, so load on the machine
 * falls on both alike.
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/bench/html-extract.ts [--runs 5] [--list FILES.txt]
 *
 * Default pages: the HTML fixtures under tests/fixtures/documents, plus Node.js's API pages in
 * /usr/share/doc/nodejs/api when installed. `--list` takes one path a line (e.g. a Debian documentation sweep).
 * Prints medians over --runs of the total time for all pages, and the ratio extractor / Readability.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Readability } from '@mozilla/readability'
import { parseHtmlDocument } from '../../src/main/importers/dom'
import { extractBytes } from '../../src/main/importers/extract'
import { arg, median, numberArg } from './support/bench-args'

const LIMITS = { maxFileBytes: 50_000_000, maxZipBytes: 50_000_000, maxZipEntries: 10_000 }

function pages(): string[] {
  const list = arg('--list')
  if (list)
    return readFileSync(list, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
  const found: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.html?$/.test(entry.name)) found.push(path)
    }
  }
  walk(resolve(__dirname, '../../tests/fixtures/documents'))
  const node = '/usr/share/doc/nodejs/api'
  if (existsSync(node))
    for (const name of readdirSync(node).sort())
      if (name.endsWith('.html') && name !== 'all.html') found.push(join(node, name))
  return found
}

async function main(): Promise<void> {
  const runs = numberArg('--runs', 5)
  const files = pages().map((path) => ({ path, bytes: readFileSync(path) }))
  const megabytes = files.reduce((n, f) => n + f.bytes.length, 0) / 1e6
  console.log(`${files.length} HTML pages, ${megabytes.toFixed(1)} MB, ${runs} runs`)
  const extractor: number[] = []
  const readability: number[] = []
  for (let run = 0; run < runs; run++) {
    let ours = 0
    let theirs = 0
    for (const { path, bytes } of files) {
      let started = performance.now()
      new Readability(parseHtmlDocument(bytes.toString('utf8')) as never, {
        charThreshold: 200,
      }).parse()
      theirs += performance.now() - started
      started = performance.now()
      await extractBytes(bytes, path, LIMITS)
      ours += performance.now() - started
    }
    extractor.push(ours)
    readability.push(theirs)
  }
  const ours = median(extractor)
  const theirs = median(readability)
  console.log(`extractor (whole HTML import step): ${ours.toFixed(0)} ms median`)
  console.log(`baseline (Readability alone):       ${theirs.toFixed(0)} ms median`)
  console.log(`ratio extractor / baseline: ${(ours / theirs).toFixed(2)}`)
}

void main()
