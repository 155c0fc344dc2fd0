/**
 * Benchmark corpus for search: the BBC articles and White House remarks in /work/shared/corpus (or LECTERN_CORPUS),
 * replicated with distinct ids to a library of N documents, inserted straight into SQLite in big transactions.
 * The built library is cached under the OS temp folder between runs (building 100,000 documents takes minutes).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { openDb } from '../../../src/main/db/connection'

export type CorpusDoc = {
  id: string
  title: string
  text: string
  date: string | null
  source: string
  authors: string[]
  tag: string
}

/** Where the corpus lives, or null when it is absent. */
export function corpusDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [
    process.env.LECTERN_CORPUS,
    resolve(here, '../../../../shared/corpus'),
    '/work/shared/corpus',
  ]
  for (const c of candidates) {
    if (c && existsSync(join(c, 'bbc-news-2095', 'articles.jsonl'))) return c
  }
  return null
}

const SPEAKERS: Record<string, string[]> = {
  President: ['Barack Obama'],
  'First Lady': ['Michelle Obama'],
  'Vice President': ['Joe Biden'],
  'Second Lady': ['Jill Biden'],
}

/** The unique documents of both corpora (2,095 BBC + 3,467 White House). */
export function loadCorpus(dir: string): CorpusDoc[] {
  const docs: CorpusDoc[] = []
  for (const line of readFileSync(join(dir, 'bbc-news-2095', 'articles.jsonl'), 'utf8').split(
    '\n',
  )) {
    if (!line.trim()) continue
    const a = JSON.parse(line) as { id: string; title: string; text: string; category: string }
    docs.push({
      id: a.id,
      title: a.title,
      text: a.text,
      date: null,
      source: 'BBC News',
      authors: [],
      tag: a.category,
    })
  }
  const wh = gunzipSync(
    readFileSync(join(dir, 'whitehouse-remarks-2009-2015', 'articles.jsonl.gz')),
  ).toString('utf8')
  for (const line of wh.split('\n')) {
    if (!line.trim()) continue
    const a = JSON.parse(line) as {
      id: string
      title: string
      text: string
      date: string | null
      speaker: string
    }
    docs.push({
      id: a.id,
      title: a.title,
      text: a.text,
      date: a.date,
      source: 'The White House',
      authors: SPEAKERS[a.speaker] ?? [],
      tag: a.speaker.toLowerCase().replace(/\s+/g, '-'),
    })
  }
  return docs
}

/** Page starts every ~2,500 characters at a paragraph break, as a PDF import would give. */
export function fakePageStarts(text: string): number[] {
  const starts = [0]
  let at = 2500
  while (at < text.length) {
    const brk = text.indexOf('\n', at)
    if (brk < 0) break
    starts.push(brk + 1)
    at = brk + 2500
  }
  return starts
}

const BUILD_VERSION = 4

/**
 * Build (or reuse) a library of `count` documents. Replica r of document i gets id r*unique+i+1, so every replica
 * round covers both corpora; White House replicas alternate between `pdf` (with page starts) and `txt`.
 */
export function buildLibrary(
  count: number,
  load: () => CorpusDoc[],
  log: (s: string) => void,
): { dir: string; file: string; built: boolean; seconds: number } {
  const dir = join(tmpdir(), 'lectern-bench-search', `v${BUILD_VERSION}-${count}`)
  const file = join(dir, 'library.sqlite')
  const marker = join(dir, 'built.json')
  if (existsSync(marker) && existsSync(file)) {
    const info = JSON.parse(readFileSync(marker, 'utf8')) as { seconds: number }
    return { dir, file, built: false, seconds: info.seconds }
  }
  const corpus = load()
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const building = join(dir, 'building.sqlite')
  const t0 = performance.now()
  const db = openDb(building)
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -262144')
  const now = new Date().toISOString()
  const insertDoc =
    db.prepare(`INSERT INTO documents (id, title, authors, published_at, source, language, format,
      file_name, content_hash, text, page_starts, word_count, imported_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertTag = db.prepare('INSERT OR IGNORE INTO tags (name) VALUES (?)')
  const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck()
  const insertDocTag = db.prepare('INSERT INTO document_tags (document_id, tag_id) VALUES (?, ?)')
  const insertQuote =
    db.prepare(`INSERT INTO quotes (document_id, exact, start_offset, end_offset, page, note,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const tagIds = new Map<string, number>()
  db.transaction(() => {
    for (const d of corpus) {
      insertTag.run(d.tag)
      tagIds.set(d.tag, tagId.get(d.tag) as number)
    }
    insertTag.run('replica-0')
    tagIds.set('replica-0', tagId.get('replica-0') as number)
  })()
  const unique = corpus.length
  const batch = 5000
  for (let first = 0; first < count; first += batch) {
    db.transaction(() => {
      for (let n = first; n < Math.min(count, first + batch); n++) {
        const replica = Math.floor(n / unique)
        const d = corpus[n % unique]
        if (!d) continue
        const id = n + 1
        const pdf = d.source === 'The White House' && (replica + n) % 2 === 0
        const format = pdf ? 'pdf' : d.source === 'BBC News' ? 'html' : 'txt'
        const pages = pdf ? fakePageStarts(d.text) : null
        insertDoc.run(
          id,
          d.title,
          JSON.stringify(d.authors),
          d.date,
          d.source,
          format,
          `${d.id}-${replica}.${format}`,
          `${d.id}#${replica}`,
          d.text,
          pages ? JSON.stringify(pages) : null,
          d.text.split(/\s+/).length,
          now,
          now,
        )
        insertDocTag.run(id, tagIds.get(d.tag) as number)
        if (replica === 0) insertDocTag.run(id, tagIds.get('replica-0') as number)
        if (n % 40 === 0) {
          const end = d.text.indexOf('. ', 200)
          if (end > 0) {
            const start = d.text.lastIndexOf('. ', end - 1) + 2
            const exact = d.text.slice(start, end + 1)
            if (exact.length > 20) {
              insertQuote.run(
                id,
                exact,
                start,
                end + 1,
                pdf ? 1 : null,
                n % 80 === 0 ? `note on ${d.title}` : '',
                now,
                now,
              )
            }
          }
        }
      }
    })()
    log(
      `  built ${Math.min(count, first + batch)} / ${count} documents (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    )
  }
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  renameSync(building, file)
  rmSync(`${building}-wal`, { force: true })
  rmSync(`${building}-shm`, { force: true })
  const seconds = (performance.now() - t0) / 1000
  writeFileSync(marker, JSON.stringify({ count, seconds, at: now }))
  return { dir, file, built: true, seconds }
}
