/**
 * BibTeX keys that are readable, unique in the library and stable: author-year-firstword in lower case
 * ("carroll1865alice"; "anon" without an author, "nd" without a year), a/b/c… when taken, and stored in
 * documents.bibtex_key the first time a document is exported so later exports (and a person's .bib file) keep it.
 */
import type { Db } from '../db/connection'

const SKIP = new Set([
  'the',
  'a',
  'an',
  'of',
  'on',
  'in',
  'and',
  'der',
  'die',
  'das',
  'le',
  'la',
  'les',
  'el',
  'un',
  'une',
  'ein',
  'eine',
])

const ascii = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

function firstWord(text: string | null | undefined): string {
  for (const w of ascii(text ?? '').split(/[^a-z0-9]+/))
    if (w && !SKIP.has(w) && /[a-z]/.test(w)) return w.slice(0, 20)
  return ''
}

/** The base key of a document, before de-duplication. */
export function baseKey(doc: {
  authors: string[]
  source: string | null
  publishedAt: string | null
  title: string
}): string {
  const first = doc.authors[0]?.trim() ?? ''
  // "Carroll, Lewis" → Carroll; "Lewis Carroll" → Carroll; organisations → their first word.
  const family = first.includes(',')
    ? first.split(',')[0]
    : /\b(?:team|project|society|office|house|association|group)\b/i.test(first)
      ? first
      : (first.split(/\s+/).pop() ?? '')
  const who = (first ? firstWord(family) : '') || firstWord(doc.source) || 'anon'
  const year = /^(\d{4})/.exec(doc.publishedAt ?? '')?.[1] ?? 'nd'
  return `${who}${year}${firstWord(doc.title) || 'untitled'}`
}

const suffix = (n: number): string =>
  n < 26
    ? String.fromCharCode(97 + n)
    : `${String.fromCharCode(97 + (n % 26))}${Math.floor(n / 26)}`

/**
 * The stored key of each document, assigning (and storing) one for documents that have none yet. In a read-only
 * library the keys are computed the same way but not stored.
 */
export function ensureBibtexKeys(db: Db, ids: readonly number[]): Map<number, string> {
  const rows = db
    .prepare(
      `SELECT id, title, authors, published_at, source, bibtex_key FROM documents
        WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify([...new Set(ids)])) as {
    id: number
    title: string
    authors: string
    published_at: string | null
    source: string | null
    bibtex_key: string | null
  }[]
  const keys = new Map<number, string>()
  const taken = db.prepare('SELECT 1 FROM documents WHERE bibtex_key = ?')
  const store = db.prepare(
    'UPDATE documents SET bibtex_key = ? WHERE id = ? AND bibtex_key IS NULL',
  )
  const used = new Set<string>()
  const assign = (): void => {
    for (const row of rows) {
      if (row.bibtex_key) {
        keys.set(row.id, row.bibtex_key)
        used.add(row.bibtex_key)
        continue
      }
      let authors: string[] = []
      try {
        const parsed: unknown = JSON.parse(row.authors)
        if (Array.isArray(parsed))
          authors = parsed.filter((a): a is string => typeof a === 'string')
      } catch {}
      const base = baseKey({
        authors,
        source: row.source,
        publishedAt: row.published_at,
        title: row.title,
      })
      let key = base
      for (let n = 0; used.has(key) || taken.get(key); n++) key = `${base}${suffix(n)}`
      used.add(key)
      keys.set(row.id, key)
      try {
        store.run(key, row.id)
      } catch {
        // Read-only library: the key is still unique within this export.
      }
    }
  }
  try {
    db.transaction(assign)()
  } catch {
    keys.clear()
    used.clear()
    for (const row of rows) row.bibtex_key ??= null
    assign()
  }
  return keys
}
