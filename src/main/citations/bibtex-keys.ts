/**
 * BibTeX keys that are readable, unique in the library and stable: author-year-firstword in lower case
 * ("carroll1865alice"; "anon" without an author, "nd" without a year), a/b/c… when taken, and stored in
 * documents.bibtex_key the first time a document is exported so later exports (and a person's .bib file) keep it.
 */
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

/** A documents row as the documents repository reads it for keys. */
export type KeyRow = {
  id: number
  title: string
  authors: string
  published_at: string | null
  source: string | null
  bibtex_key: string | null
}

/**
 * The key of each document: its stored key, else a new one (`base`, then base+a, b, …) that neither `taken` (keys
 * already stored in the library) nor an earlier row of this call holds. `assigned` lists the new ones, for the
 * caller to store so later exports keep them.
 */
export function assignBibtexKeys(
  rows: readonly KeyRow[],
  taken: (key: string) => boolean,
): { keys: Map<number, string>; assigned: [id: number, key: string][] } {
  const keys = new Map<number, string>()
  const assigned: [number, string][] = []
  const used = new Set<string>()
  for (const row of rows) {
    if (row.bibtex_key) {
      keys.set(row.id, row.bibtex_key)
      used.add(row.bibtex_key)
      continue
    }
    let authors: string[] = []
    try {
      const parsed: unknown = JSON.parse(row.authors)
      if (Array.isArray(parsed)) authors = parsed.filter((a): a is string => typeof a === 'string')
    } catch {}
    const base = baseKey({
      authors,
      source: row.source,
      publishedAt: row.published_at,
      title: row.title,
    })
    let key = base
    for (let n = 0; used.has(key) || taken(key); n++) key = `${base}${suffix(n)}`
    used.add(key)
    keys.set(row.id, key)
    assigned.push([row.id, key])
  }
  return { keys, assigned }
}
