/**
 * Tokenizer cost of the script rules (trial 8, Hangul bigrams): what the index is fed (searchText) and what passages
 * tokenize (forEachToken), for English (White House remarks from the corpus), Korean (the Korean Debian FAQ page in
 * tests/fixtures) and Greek, Arabic and Persian (Debian handbook pages in tests/fixtures), with this checkout's src/main/text against another copy of it (the baseline, e.g. main's), rounds
 * interleaved in one process:
 *
 *   mkdir -p /tmp/base && git archive main src/main/text | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npm run bench -- tokenizer-scripts --baseline /tmp/base [--rounds 9]
 *
 * Without a baseline copy it says so and exits 0.
 */
import { existsSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import * as foldNew from '../../src/main/text/fold'
import * as textNew from '../../src/main/text/search-text'
import { corpusDir } from './search/corpus'

type Impl = { searchText: (t: string) => string; forEachToken: typeof foldNew.forEachToken }

async function main(): Promise<void> {
  const baseAt = process.argv.indexOf('--baseline')
  const base = baseAt > 0 ? process.argv[baseAt + 1] : undefined
  if (!base || !existsSync(join(base, 'src/main/text/fold.ts'))) {
    console.log(
      'tokenizer-scripts: no baseline copy of src/main/text (--baseline DIR, see the header); skipped',
    )
    return
  }
  const roundsAt = process.argv.indexOf('--rounds')
  const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 9
  const root = resolve(base)
  const foldOld = await import(join(root, 'src/main/text/fold.ts'))
  const textOld = await import(join(root, 'src/main/text/search-text.ts'))
  const impls: Record<string, Impl> = {
    baseline: { searchText: textOld.searchText, forEachToken: foldOld.forEachToken },
    this: { searchText: textNew.searchText, forEachToken: foldNew.forEachToken },
  }
  const corpus = corpusDir()
  if (!corpus) {
    console.log('tokenizer-scripts: no corpus (LECTERN_CORPUS or ../shared/corpus); skipped')
    return
  }
  const lines = gunzipSync(
    readFileSync(join(corpus, 'whitehouse-remarks-2009-2015/articles.jsonl.gz')),
  )
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, 2000)
    .map((l) => (JSON.parse(l) as { text?: string; body?: string }).text ?? '')
  const ko = readFileSync(
    resolve(__dirname, '../../tests/fixtures/documents/debian/debian-faq-basic-defs.ko.html'),
    'utf8',
  ).replace(/<[^>]+>/g, ' ')
  // Greek, Arabic and Persian pages of the Debian Administrator's Handbook (folded beyond unicode61: script-folds.ts).
  const page = (file: string) =>
    readFileSync(resolve(__dirname, '../../tests/fixtures/documents/debian', file), 'utf8').replace(
      /<[^>]+>/g,
      ' ',
    )
  const texts: Record<string, string[]> = {
    english: lines,
    korean: Array(200).fill(ko),
    greek: Array(400).fill(page('debian-handbook-foreword.el.html')),
    arabic: Array(200).fill(page('debian-handbook-kernel-role.ar.html')),
    persian: Array(200).fill(page('debian-handbook-kernel-role.fa.html')),
  }
  const mb = (list: string[]) => list.reduce((n, t) => n + t.length, 0) / 1e6
  console.log(
    `load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${rounds} rounds, interleaved`,
  )
  for (const [name, list] of Object.entries(texts)) {
    const times: Record<string, { feed: number[]; tokens: number[] }> = {}
    const counts: Record<string, number> = {}
    for (const k of Object.keys(impls)) times[k] = { feed: [], tokens: [] }
    for (let r = 0; r < rounds; r++) {
      for (const [k, impl] of r % 2 ? Object.entries(impls).reverse() : Object.entries(impls)) {
        let t = performance.now()
        for (const s of list) impl.searchText(s)
        times[k]?.feed.push(performance.now() - t)
        t = performance.now()
        let n = 0
        for (const s of list)
          impl.forEachToken(s, () => {
            n++
          })
        times[k]?.tokens.push(performance.now() - t)
        counts[k] = n
      }
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
    for (const [k, v] of Object.entries(times))
      console.log(
        `${name.padEnd(8)} ${k.padEnd(9)} index feed ${med(v.feed).toFixed(1).padStart(7)} ms  tokenize ${med(v.tokens).toFixed(1).padStart(7)} ms  (${mb(list).toFixed(1)} M chars, ${counts[k]} terms)`,
      )
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
