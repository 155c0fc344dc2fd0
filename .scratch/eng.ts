import { readFileSync, mkdtempSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { createBackend } from '../src/main/backend/create-backend'
import { createMemoryLogger } from '../src/main/platform/logger'
import { cleanText, contentHash, wordCount } from '../src/main/importers/normalise'
import { writeGroup, type WriteEntry } from '../src/main/importers/store'
const rows = gunzipSync(readFileSync('/work/shared/corpus/whitehouse-remarks-2009-2015/articles.jsonl.gz')).toString().split('\n').filter(Boolean).slice(0, 1500).map((l) => JSON.parse(l))
const files = rows.map((s: any) => { const text = cleanText(s.text); return { format: 'txt', title: s.title, authors: [], publishedAt: s.date, source: null, url: s.url, language: 'en', text, html: null, pageStarts: null, toc: null, warnings: [], citationType: 'speech', containerTitle: null, publisher: null, doi: null, tags: [], contentHash: contentHash(text, Buffer.from('')), wordCount: wordCount(text), size: text.length, pages: 1, timings: { readMs: 0, parseMs: 0, hashMs: 0 } } })
async function run(setup: string[], group: number) {
  const b = createBackend({ libraryDir: mkdtempSync(join(tmpdir(), 'eng-')), log: createMemoryLogger(), checkAtOpen: 'skip' })
  for (const q of setup) b.context.db.exec(q)
  const t = performance.now()
  for (let i = 0; i < files.length; i += group) writeGroup(b.context.db, files.slice(i, i + group).map((file: any, k: number) => ({ kind: 'store', item: { path: `/x/${i + k}`, size: file.size, file, tags: [], jobId: null } }) as WriteEntry))
  const s = (performance.now() - t) / 1000
  await b.close()
  return (files.length / s).toFixed(0)
}
async function main() {
  for (let rep = 0; rep < 2; rep++) {
    console.log('default g200', await run([], 200))
    console.log('default g1', await run([], 1))
    console.log('automerge16 crisis64 g200', await run(["INSERT INTO documents_fts(documents_fts, rank) VALUES('automerge', 16)", "INSERT INTO documents_fts(documents_fts, rank) VALUES('crisismerge', 64)"], 200))
    console.log('sync normal g200', await run(['PRAGMA synchronous = NORMAL'], 200))
  }
}
main()
