/**
 * "Did you mean" offers words as the library's sources print them. The vocabulary (vocabulary.ts) holds the index's
 * folded terms — "veroffentlichten", "election" — which no source printed; a correction is shown as the spelling its
 * documents use ("veröffentlichten", "élection", "Unterstützung").
 *
 * Decision, measured (scripts/bench/search.ts, "did you mean" section): the spelling is looked up lazily, for the
 * few corrections a suggestion shows, not stored in the snapshot. Storing it would mean tokenizing every document at
 * each rebuild: the snapshot is built from the index's vocabulary in ~0.5 s at 100,000 documents, while tokenizing
 * their text and tallying spellings took 3.9 s per 5,000 bench documents (46 M characters, pages cached, load 11),
 * ~80 s for the library. A lookup reads up to 5 documents holding the term (FTS5 MATCH … LIMIT 5), a 16,384-character
 * chunk at a time up to 100,000 characters, stopping at the chunk that holds the word and after 3 documents that
 * print it, and tokenizes them with the index's own tokenizer (fold.ts): +1.2 ms median per suggesting search at
 * 100,000 documents, cold (`npm run bench -- search --compare-printed`), nothing once cached. When
 * only a huge document prints the word, past the part read, FTS5's snippet() finds it anywhere (~20 ms per MB of
 * that document's text, once; not for a text over 32 MB, whose word is then not offered). Results are cached until
 * the library changes.
 *
 * The chosen spelling is always one a document printed: the most frequent spelling ignoring case (ties: the one
 * printed in more documents, then code-point order: the same documents always give the same answer); then its
 * lower-case form when some occurrence is lower-case, else its commonest printed form (German nouns, names,
 * "iPhone", "NATO"). When the user typed a capital first letter (or all capitals), an occurrence printed that way
 * is preferred ("Election" typed → "Élection" if a source starts a sentence with it).
 */
import type { Db } from '../db/connection'
import { displayTerm, hasSpecial } from '../text/scripts'
import { forEachToken, terms } from './fold'
import { ftsPhrase } from './query-compiler'
import { stemsRepository } from './stems.repository'
import { vocabularyRepository as repo } from './vocabulary.repository'

/** Documents holding a term that are read at most, and how many that print it are enough. */
const DOCUMENTS = 5
const ENOUGH_DOCUMENTS = 3
/** Characters read from each document's text at most (tokenizing 100,000 takes ~1 ms). */
export const MAX_CHARS = 100_000
/** A document's text is tokenized a chunk at a time, until a chunk holds the word. */
const CHUNK = 16_384
/** The largest text snippet() is asked to search (~20 ms per MB: ~0.6 s); past it the correction is not offered. */
const MAX_FRAGMENT_SOURCE_BYTES = 32 * 1024 * 1024
/** Terms remembered per connection until the library changes. */
const CACHE_LIMIT = 2_000

/** One printed spelling (NFC) of a term: its occurrences and the documents printing it. */
type Spelling = { occurrences: number; documents: Set<number> }
export type Spellings = Map<string, Spelling>

const caches = new WeakMap<Db, { state: string; terms: Map<string, Spellings> }>()

/** Private-use characters: the index's stand-ins for Thai-like marks (scripts.ts), never printed text. */
const STAND_IN = /[\ue000-\uf8ff]/

/** How the documents holding `term` print it. Empty when no document holding it could be read. */
export function spellingsOf(db: Db, term: string): Spellings {
  const state = stemsRepository.writeState(db)
  let cache = caches.get(db)
  if (!cache || cache.state !== state) {
    cache = { state, terms: new Map() }
    caches.set(db, cache)
  }
  const known = cache.terms.get(term)
  if (known) return known
  const found = readSpellings(db, term)
  if (cache.terms.size >= CACHE_LIMIT) cache.terms.clear()
  cache.terms.set(term, found)
  return found
}

function readSpellings(db: Db, term: string): Spellings {
  const match = ftsPhrase({ terms: [term], prefix: false })
  const spellings: Spellings = new Map()
  const add = (surface: string, documentId: number) => {
    const printed = surface.normalize('NFC')
    const entry = spellings.get(printed) ?? { occurrences: 0, documents: new Set<number>() }
    entry.occurrences++
    entry.documents.add(documentId)
    spellings.set(printed, entry)
  }
  let beyond: number | null = null
  let printing = 0
  for (const id of repo.documentsHolding(db, match, DOCUMENTS)) {
    const doc = repo.indexedFields(db, id, MAX_CHARS)
    if (!doc) continue // deleted meanwhile
    let found = false
    const visit = (field: string, from: number, to: number) => {
      forEachToken(field.slice(from, to), (t, start, end) => {
        if (t !== term) return
        add(field.slice(from + start, from + end), id)
        found = true
      })
    }
    for (const field of [doc.title, doc.authors, doc.source]) visit(field, 0, field.length)
    const inFields = found
    found = false
    for (let from = 0; !found && from < doc.text.length; ) {
      const to = chunkEnd(doc.text, from)
      visit(doc.text, from, to)
      from = to
    }
    if (found || inFields) printing++
    // Only where the index holds the text as written: scripts written without spaces are indexed as their folded
    // terms (search-text.ts), which are not printed text.
    else if (beyond === null && doc.bytes <= MAX_FRAGMENT_SOURCE_BYTES && !hasSpecial(doc.text)) {
      beyond = id
    }
    if (printing >= ENOUGH_DOCUMENTS) break
  }
  if (spellings.size > 0 || beyond === null) return spellings
  // Printed only past the part read of a huge document: FTS5 marks it wherever it is (~20 ms per MB of text, so
  // once per term, and only when no other document printed it).
  const fragment = repo.markedFragment(db, match, beyond)
  if (!fragment || hasSpecial(fragment) || STAND_IN.test(fragment)) return spellings
  for (const m of fragment.matchAll(/\u0002([^\u0003]*)\u0003/g)) {
    const surface = m[1] ?? ''
    const words = terms(surface)
    if (words.length === 1 && words[0] === term) add(surface, beyond)
  }
  return spellings
}

/** Where the chunk of `text` starting at `from` ends: CHUNK characters on, moved to a space so no word is cut. */
function chunkEnd(text: string, from: number): number {
  const end = from + CHUNK
  if (end >= text.length) return text.length
  const space = text.slice(end, end + 256).search(/\s/)
  return space < 0 ? end : end + space
}

type CasePattern = 'lower' | 'capital' | 'upper' | 'other'

function casePattern(word: string): CasePattern {
  const lower = word.toLowerCase()
  const upper = word.toUpperCase()
  if (lower === upper) return 'other' // no case (digits, CJK, Thai)
  if (word === lower) return 'lower'
  if (word === upper && [...word].length > 1) return 'upper'
  const [first = '', ...rest] = word
  const tail = rest.join('')
  if (first === first.toUpperCase() && tail === tail.toLowerCase()) return 'capital'
  return 'other'
}

type Tally = { occurrences: number; documents: number }

/** Negative when `a` is the better choice: more occurrences, then more documents, then code-point order. */
function compare(a: string, ta: Tally, b: string, tb: Tally): number {
  return (
    tb.occurrences - ta.occurrences || tb.documents - ta.documents || (a < b ? -1 : a > b ? 1 : 0)
  )
}

function best(candidates: [string, Tally][]): string | null {
  let chosen: [string, Tally] | null = null
  for (const c of candidates)
    if (!chosen || compare(c[0], c[1], chosen[0], chosen[1]) < 0) chosen = c
  return chosen?.[0] ?? null
}

const tally = (s: Spelling): Tally => ({ occurrences: s.occurrences, documents: s.documents.size })

/**
 * The spelling to show for a term, given how it is printed and the word the user typed (its case pattern counts).
 * Null when nothing was printed: then no source can back the word.
 */
export function choosePrinted(spellings: Spellings, typed: string): string | null {
  // Spellings ignoring case, each summed over its printed forms.
  const groups = new Map<string, { forms: string[]; occurrences: number; documents: Set<number> }>()
  for (const [form, s] of spellings) {
    const key = form.toLowerCase()
    const group = groups.get(key) ?? { forms: [], occurrences: 0, documents: new Set<number>() }
    group.forms.push(form)
    group.occurrences += s.occurrences
    for (const id of s.documents) group.documents.add(id)
    groups.set(key, group)
  }
  const key = best(
    [...groups].map(([k, g]) => [k, { occurrences: g.occurrences, documents: g.documents.size }]),
  )
  const group = key === null ? undefined : groups.get(key)
  if (key === null || !group) return null
  const forms = (filter: (form: string) => boolean): [string, Tally][] =>
    group.forms.filter(filter).map((f) => [f, tally(spellings.get(f) as Spelling)])
  const wanted = casePattern(typed)
  if (wanted === 'capital' || wanted === 'upper') {
    const typedLike = best(forms((f) => casePattern(f) === wanted))
    if (typedLike) return typedLike
  }
  if (spellings.has(key)) return key
  return best(forms(() => true))
}

/**
 * Off only in the search bench, which times suggestions with the folded term shown (as before) against printed
 * spellings in the same run.
 */
export const printedSuggestions = { enabled: true }

/** Forget the spellings read for `db` (the bench times cold lookups). */
export function forgetPrintedForms(db: Db): void {
  caches.delete(db)
}

/** The printed spelling of `term` for a user who typed `typed`, or null when no document prints it. */
export function printedForm(db: Db, term: string, typed: string): string | null {
  if (!printedSuggestions.enabled) return displayTerm(term)
  return choosePrinted(spellingsOf(db, term), typed)
}
