/**
 * Index size and ingest time of the CJK-aware index (migration 0090, src/main/text/scripts.ts) against the index
 * as it was (schema 50: unicode61 over the raw text), measured in the same run on the same documents:
 * - European: the BBC + White House corpora (5,562 documents; must be unchanged: same bytes fed to FTS5);
 * - CJK: the real Japanese and Chinese Debian texts of tests/fixtures/documents/debian, paragraph by paragraph,
 *   repeated to 2,000 documents.
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/bench/languages.ts [--reps N] [--stems]
 *
 * `--stems`: instead, ingest time and the size of search_stems with stemming (schema 130) against without (100).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Db, openDb } from '../../src/main/db/connection'
import { migrate } from '../../src/main/db/migrate'
import { corpusDir, loadCorpus } from './search/corpus'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const reps = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 3

type Doc = { title: string; text: string }

function cjkDocs(): Doc[] {
  const out: Doc[] = []
  const files = ['project-history.ja.txt', 'debian-reference-intro.zh-cn.txt']
  const blocks = files.flatMap((f) =>
    readFileSync(join(repo, 'tests/fixtures/documents/debian', f), 'utf8').split(/\n\s*\n/),
  )
  for (let i = 0; out.length < 2000; i++) {
    const text = blocks[i % blocks.length] as string
    if (text.trim()) out.push({ title: `段落 ${i}`, text })
  }
  return out
}

/** Bytes of the full-text index: every page of the documents_fts shadow tables. */
function ftsBytes(db: Db): number {
  const row = db
    .prepare("SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'documents_fts%'")
    .get() as { n: number }
  return row.n
}

function ingest(
  docs: Doc[],
  version: number,
  language: string | null = null,
): { ms: number; bytes: number; stemBytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-lang-'))
  try {
    const db = openDb(join(dir, 'library.sqlite'), { migrate: false })
    migrate(db, version)
    const insert = db.prepare(
      `INSERT INTO documents (title, language, format, content_hash, text, word_count, imported_at, updated_at)
       VALUES (?, ?, 'txt', ?, ?, 0, '2026-01-01', '2026-01-01')`,
    )
    const started = performance.now()
    db.transaction(() => {
      docs.forEach((d, i) => {
        insert.run(d.title, language, `h${i}`, d.text)
      })
    })()
    db.exec("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")
    const ms = performance.now() - started
    const bytes = ftsBytes(db)
    const stemBytes =
      version >= 130
        ? ((db
            .prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_stems%'")
            .pluck()
            .get() as number | null) ?? 0)
        : 0
    db.close()
    return { ms, bytes, stemBytes }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

const corpus = corpusDir()
const sets: [string, Doc[]][] = [['CJK (Debian ja + zh paragraphs)', cjkDocs()]]
if (corpus) sets.unshift(['European (BBC + White House)', loadCorpus(corpus)])
else console.log('  corpus absent (LECTERN_CORPUS): European set skipped')

/** Stemming (migration 0130, issue #14): the same ingest with and without the stem pairs, European docs in English. */
function stemsComparison(name: string, docs: Doc[], language: string): void {
  const mb = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6
  const before: number[] = []
  const after: number[] = []
  let fts = 0
  let stems = 0
  for (let r = 0; r < reps; r++) {
    before.push(ingest(docs, 100, language).ms)
    const a = ingest(docs, 130, language)
    after.push(a.ms)
    fts = a.bytes
    stems = a.stemBytes
  }
  const b = median(before)
  const a = median(after)
  console.log(
    `${name}, language ${language}: ingest + optimize  before stemming (schema 100) ${b.toFixed(0)} ms (${(mb / (b / 1000)).toFixed(1)} MB/s)   ` +
      `after (0130) ${a.toFixed(0)} ms (${(mb / (a / 1000)).toFixed(1)} MB/s), ${((a / b - 1) * 100).toFixed(1)} %; ` +
      `search_stems ${(stems / 1e6).toFixed(2)} MB beside a ${(fts / 1e6).toFixed(1)} MB FTS index (+${((stems / fts) * 100).toFixed(1)} %)`,
  )
}

if (process.argv.includes('--stems')) {
  if (corpus) stemsComparison('European (BBC + White House)', loadCorpus(corpus), 'en')
  stemsComparison('CJK (Debian ja + zh paragraphs)', cjkDocs(), 'ja')
  process.exit(0)
}

for (const [name, docs] of sets) {
  const mb = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6
  const before = { ms: [] as number[], bytes: 0 }
  const after = { ms: [] as number[], bytes: 0 }
  for (let r = 0; r < reps; r++) {
    const b = ingest(docs, 50)
    const a = ingest(docs, 90)
    before.ms.push(b.ms)
    before.bytes = b.bytes
    after.ms.push(a.ms)
    after.bytes = a.bytes
  }
  const mbps = (ms: number) => (mb / (ms / 1000)).toFixed(1)
  console.log(`${name}: ${docs.length} documents, ${mb.toFixed(1)} MB of text (median of ${reps})`)
  console.log(
    `  ingest + optimize   before (schema 50) ${median(before.ms).toFixed(0)} ms (${mbps(median(before.ms))} MB/s)   ` +
      `after (0090) ${median(after.ms).toFixed(0)} ms (${mbps(median(after.ms))} MB/s)`,
  )
  console.log(
    `  FTS index           before ${(before.bytes / 1e6).toFixed(2)} MB   after ${(after.bytes / 1e6).toFixed(2)} MB   ` +
      `(${((after.bytes / before.bytes - 1) * 100).toFixed(1)} %)`,
  )
}
