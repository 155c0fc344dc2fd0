/**
 * Fill a fresh library folder with many documents quickly, by inserting rows directly (benchmarks and screenshots
 * need 20,000–100,000 documents; importing that many files would take minutes). Runs under plain Node before the
 * web host starts; the schema comes from the app's own migrations.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { openDb } from '../../../src/main/db/connection'

export type CorpusArticle = {
  title: string
  text: string
  date: string | null
  url: string | null
  source: string | null
  speaker?: string
}

/** The shared corpora folder (`LECTERN_CORPUS`, else `../shared/corpus` next to the repository), or null. */
export function corpusDir(repoRoot: string): string | null {
  const candidates = [process.env.LECTERN_CORPUS, join(repoRoot, '..', 'shared', 'corpus')]
  for (const dir of candidates) if (dir && existsSync(dir)) return dir
  return null
}

/** Read a JSON-lines corpus file (optionally gzipped). */
export function readCorpus(file: string): CorpusArticle[] {
  const raw = readFileSync(file)
  const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CorpusArticle)
}

export type SeedOptions = {
  libraryDir: string
  articles: CorpusArticle[]
  /** How many documents to insert; articles are repeated with distinct ids, titles and hashes. */
  count: number
  /** Keep at most this many characters of each text (the library view does not need whole texts). */
  maxTextChars?: number
  /** Tags to spread over the documents (every k-th document gets tag k). */
  tags?: string[]
}

/** Insert `count` documents (and tags) into the library at `libraryDir`; returns the elapsed milliseconds. */
export function seedLibrary(options: SeedOptions): number {
  const started = performance.now()
  mkdirSync(options.libraryDir, { recursive: true })
  const db = openDb(join(options.libraryDir, 'library.sqlite'))
  try {
    db.pragma('synchronous = OFF')
    const insert = db.prepare(`
      INSERT INTO documents (title, authors, published_at, source, url, language, format, file_name,
        content_hash, text, html, word_count, citation_type, imported_at, updated_at)
      VALUES (@title, @authors, @publishedAt, @source, @url, 'en', 'txt', @fileName,
        @hash, @text, NULL, @words, @citationType, @now, @now)`)
    const insertTag = db.prepare('INSERT OR IGNORE INTO tags (name, color) VALUES (?, ?)')
    const tagId = db.prepare('SELECT id FROM tags WHERE name = ?')
    const link = db.prepare(
      'INSERT OR IGNORE INTO document_tags (document_id, tag_id) VALUES (?, ?)',
    )
    const colors = ['#3b6fd4', '#3f9c4a', '#e07b24', '#7b52c7', '#c2477f', '#2a8c8c']
    const tagIds = (options.tags ?? []).map((name, index) => {
      insertTag.run(name, colors[index % colors.length])
      return (tagId.get(name) as { id: number }).id
    })
    const base = Date.parse('2025-03-01T09:00:00Z')
    // Index the full-text tables once at the end ('rebuild') instead of row by row through the insert triggers:
    // the same index, built several times faster. The triggers are put back exactly as the migrations wrote them.
    const triggers = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'documents' AND sql LIKE '%AFTER INSERT%' AND sql LIKE '%documents_fts%'",
      )
      .all() as { name: string; sql: string }[]
    for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`)
    db.transaction(() => {
      for (let i = 0; i < options.count; i++) {
        const article = options.articles[i % options.articles.length] as CorpusArticle
        const round = Math.floor(i / options.articles.length)
        const text = options.maxTextChars
          ? article.text.slice(0, options.maxTextChars)
          : article.text
        const title = round === 0 ? article.title : `${article.title} (${round + 1})`
        const author =
          article.speaker === 'President'
            ? 'Barack Obama'
            : article.speaker === 'First Lady'
              ? 'Michelle Obama'
              : article.speaker === 'Vice President'
                ? 'Joe Biden'
                : null
        const result = insert.run({
          title,
          authors: JSON.stringify(author ? [author] : []),
          publishedAt: article.date,
          source: article.source,
          url: article.url,
          fileName: `article-${i}.txt`,
          hash: createHash('sha256').update(`${i}\u0000${title}\u0000${text}`).digest('hex'),
          text,
          words: text.split(/\s+/).filter(Boolean).length,
          citationType: article.speaker ? 'speech' : 'article-newspaper',
          now: new Date(base + i * 61_000).toISOString(),
        })
        const documentId = Number(result.lastInsertRowid)
        tagIds.forEach((id, k) => {
          if (i % (k + 3) === 0) link.run(documentId, id)
        })
      }
    })()
    for (const trigger of triggers) db.exec(trigger.sql)
    db.exec("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
  } finally {
    db.close()
  }
  return performance.now() - started
}
