/**
 * The palette's document index: every folded word of a title → the slots of the documents holding it (plain arrays
 * of small integers); authors and source, shared by many documents, as one "detail" line per distinct pair whose
 * words point at detail ids (a source on 100,000 documents costs one entry, not 100,000); a sorted vocabulary for
 * the prefix of the word being typed, and a FlexSearch index over that vocabulary (LatinExtra) for typos.
 *
 * Why not a FlexSearch Document over the titles: measured at 100,000 White House titles (scripts/bench/ui), its
 * forward index took 4–10 s to build and 85–150 MB, and multi-word queries over common words ("remarks by the pres")
 * took 40–100 ms to intersect. Here a query walks the postings of its rarest word once and checks the others with a
 * counter array: a few ms at worst, ~25 MB, built in well under a second, and updated row by row.
 */
import type { DocumentFormat } from '@shared/contract'
import { Charset, Index } from 'flexsearch'
import { fold, TIER_EXACT_PREFIX, TIER_FUZZY, TIER_WORD_PREFIX } from './palette-rank'

export type DocumentHit = {
  id: number
  label: string
  detail: string
  tier: number
  /** The file's format and stored language, shown so same-titled documents differ (absent when not sent). */
  format?: DocumentFormat
  language?: string | null
}

/** A document's format and language; '' when not known. */
type Kind = { format: DocumentFormat | ''; language: string }

/** Words that select nothing when other words are typed ("remarks by the pres" is "remarks pres*"). */
const STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
])
/** Vocabulary words a misspelt query word may stand for (FlexSearch LatinExtra: "presdent" → "president"). */
const FUZZY_WORDS = 5
/** Query words looked at (the counter array holds up to 255). */
const MAX_WORDS = 16
/** A first term with at most this many titles is ranked title by title; a commoner one walks the ranking order. */
const SMALL_DRIVER = 2000
const WORD = /[\p{L}\p{N}]+/gu
/** The same words in a plain-ASCII text, found several times faster than with a Unicode class. */
const ASCII_GAP = /[^a-z0-9]+/
const ASCII = /^[\x20-\x7e]*$/

/** `fold` with a fast path: most titles are plain ASCII, where folding is lower-casing. */
function foldFast(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : fold(text)
}

/** A query word: the title postings and detail lines it matches, and how many documents that may be at most. */
type Term = { slots: number[][]; details: Set<number>; fuzzy: boolean; size: number }

export class DocumentPostings {
  private slotOf = new Map<number, number>()
  /** slot → document id; -1 once the document was deleted or re-added under a new slot. */
  private ids: number[] = []
  private titles: string[] = []
  private folded: string[] = []
  /** slot → detail id. */
  private detailOf: number[] = []
  /** One entry per distinct "authors · source" line: 100,000 documents share a few hundred. */
  private detailIds = new Map<string, number>()
  private detailLines: string[] = []
  private detailUses: number[] = []
  /** slot → kind id; one entry per distinct format and language (a dozen, not 100,000). */
  private kindOf: number[] = []
  private kindIds = new Map<string, number>()
  private kinds: Kind[] = []
  /** word → title postings (slots). */
  private postings = new Map<string, number[]>()
  /** word → detail ids whose authors or source hold it. */
  private detailWords = new Map<string, number[]>()
  private words: string[] = []
  private known = new Set<string>()
  private vocabulary: string[] = []
  private vocabularyStale = false
  private typos = new Index({ tokenize: 'strict', encoder: Charset.LatinExtra })
  private typoQueue: number[] = []
  private dead = 0
  /**
   * Live slots sorted by folded title, and each slot's place in that order: the titles starting with the query (the
   * best tier) are one range found by binary search, so ranking tens of thousands of matches ("remarks by the")
   * compares integers instead of reading their titles (old: 45–80 ms per keystroke under load, scripts/bench/ui).
   * New slots wait in `unsorted` and are merged in at `settle` (one linear merge per page of the first load).
   */
  private lex: number[] = []
  private lexPos = new Int32Array(0)
  private unsorted: number[] = []
  /** slot → folded title length (a ranking key), beside the other per-slot numbers. */
  private lengths: number[] = []
  /** Reused per query (one byte per slot): how many query terms a slot satisfies; recent documents. */
  private counts = new Uint8Array(0)
  private recentMarks = new Uint8Array(0)
  private detailMarks = new Uint8Array(0)

  get size(): number {
    return this.slotOf.size
  }

  has(id: number): boolean {
    return this.slotOf.has(id)
  }

  documentIds(): IterableIterator<number> {
    return this.slotOf.keys()
  }

  /** Add or replace a document. */
  set(
    id: number,
    title: string,
    authors: string,
    source: string,
    format: DocumentFormat | '' = '',
    language = '',
  ): void {
    this.remove(id)
    const slot = this.ids.length
    const detail = this.detailId(authors, source)
    this.kindOf.push(this.kindId(format, language))
    const ascii = ASCII.test(title)
    const folded = ascii ? title.toLowerCase() : fold(title)
    this.slotOf.set(id, slot)
    this.ids.push(id)
    this.titles.push(title)
    this.folded.push(folded)
    this.detailOf.push(detail)
    this.detailUses[detail] = (this.detailUses[detail] ?? 0) + 1
    this.unsorted.push(slot)
    this.lengths.push(folded.length)
    const words = ascii ? folded.split(ASCII_GAP) : Array.from(folded.matchAll(WORD), (m) => m[0])
    for (const word of words) {
      if (!word) continue
      const list = this.postings.get(word)
      if (!list) {
        this.postings.set(word, [slot])
        this.learn(word)
      } else if (list[list.length - 1] !== slot) list.push(slot)
    }
  }

  private kindId(format: DocumentFormat | '', language: string): number {
    const key = `${format} ${language}`
    const known = this.kindIds.get(key)
    if (known !== undefined) return known
    this.kindIds.set(key, this.kinds.length)
    this.kinds.push({ format, language })
    return this.kinds.length - 1
  }

  private detailId(authors: string, source: string): number {
    const line = authors && source ? `${authors} · ${source}` : authors || source
    const known = this.detailIds.get(line)
    if (known !== undefined) return known
    const id = this.detailLines.length
    this.detailIds.set(line, id)
    this.detailLines.push(line)
    const seen = new Set<string>()
    for (const match of foldFast(line).matchAll(WORD)) {
      const word = match[0]
      if (seen.has(word)) continue
      seen.add(word)
      const list = this.detailWords.get(word)
      if (list) list.push(id)
      else {
        this.detailWords.set(word, [id])
        if (!this.postings.has(word)) this.learn(word)
      }
    }
    return id
  }

  /**
   * A word seen for the first time: into the sorted vocabulary at the next `settle`, and queued for the typo index.
   * Encoding words for FlexSearch was most of indexing the first page in a cold worker (scripts/bench/ui.ts), so
   * the worker answers first and fills the typo index after (`flushTypos`); a typo lookup flushes it before.
   */
  private learn(word: string): void {
    if (this.known.has(word)) return
    this.known.add(word)
    this.typoQueue.push(this.words.length)
    this.words.push(word)
    this.vocabularyStale = true
  }

  /** Put the queued words into the typo index (the worker calls this once it has answered). */
  flushTypos(): void {
    for (const index of this.typoQueue) this.typos.add(index, this.words[index] as string)
    this.typoQueue = []
  }

  remove(id: number): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.slotOf.delete(id)
    this.ids[slot] = -1
    this.titles[slot] = ''
    this.folded[slot] = ''
    const detail = this.detailOf[slot] as number
    this.detailUses[detail] = (this.detailUses[detail] ?? 1) - 1
    // Dead slots stay in the postings (skipped when read) until they outnumber the live ones.
    if (++this.dead > 1000 && this.dead > this.slotOf.size) this.compact()
  }

  /** Sort the vocabulary now (after a batch of rows), so no keystroke pays for it. */
  settle(): void {
    if (this.unsorted.length > 0) this.mergeLex()
    if (!this.vocabularyStale) return
    this.vocabulary = [...this.words].sort()
    this.vocabularyStale = false
  }

  /** Sort the new slots by folded title and merge them into `lex`, dropping dead slots; renumber `lexPos`. */
  private mergeLex(): void {
    const folded = this.folded
    const ids = this.ids
    const byTitle = (a: number, b: number): number => {
      const x = folded[a] as string
      const y = folded[b] as string
      return x < y ? -1 : x > y ? 1 : 0
    }
    const fresh = this.unsorted.filter((slot) => (ids[slot] as number) >= 0).sort(byTitle)
    const merged: number[] = []
    let i = 0
    let j = 0
    const old = this.lex
    while (i < old.length || j < fresh.length) {
      const a = old[i]
      if (a !== undefined && (ids[a] as number) < 0) {
        i++
        continue
      }
      const b = fresh[j]
      if (b === undefined || (a !== undefined && byTitle(a, b) <= 0)) {
        merged.push(a as number)
        i++
      } else {
        merged.push(b)
        j++
      }
    }
    if (this.lexPos.length < ids.length)
      this.lexPos = new Int32Array(ids.length + (ids.length >> 1))
    this.lexPos.fill(-1)
    for (let k = 0; k < merged.length; k++) this.lexPos[merged[k] as number] = k
    this.lex = merged
    this.unsorted = []
  }

  /** The positions in `lex` of the titles starting with `q`: [from, to). */
  private prefixRange(q: string): [number, number] {
    const lex = this.lex
    const folded = this.folded
    let lo = 0
    let hi = lex.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((folded[lex[mid] as number] as string) < q) lo = mid + 1
      else hi = mid
    }
    const from = lo
    hi = lex.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((folded[lex[mid] as number] as string).startsWith(q)) lo = mid + 1
      else hi = mid
    }
    return [from, lo]
  }

  /**
   * Documents with every query word (the last one as a prefix unless followed by a space); a word matching nothing
   * stands for its closest vocabulary words (tier fuzzy). Ranked: whole-title prefix, word prefixes, fuzzy; then
   * recently opened, shorter title, newer.
   */
  search(query: string, recentRank: ReadonlyMap<number, number>, limit: number): DocumentHit[] {
    this.settle()
    const q = fold(query).trim()
    const typed = [...fold(query).matchAll(WORD)].map((m) => m[0]).slice(0, MAX_WORDS)
    if (typed.length === 0) return []
    const lastIsPrefix = /[\p{L}\p{N}]$/u.test(query)
    const meaningful = typed.filter(
      (w, i) => !STOPWORDS.has(w) || (i === typed.length - 1 && lastIsPrefix),
    )
    const words = meaningful.length > 0 ? meaningful : typed
    const prefixed = lastIsPrefix ? this.rankPrefixRange(q, recentRank, limit) : null
    if (prefixed) return prefixed.map((slot) => this.hit(slot, TIER_EXACT_PREFIX))
    const terms: Term[] = []
    for (const word of words) {
      const prefix = lastIsPrefix && word === typed[typed.length - 1]
      const term = this.term(word, prefix)
      if (term.size === 0) return []
      terms.push(term)
    }
    terms.sort((a, b) => a.size - b.size)
    const driver = terms[0] as Term
    const fuzzy = terms.some((t) => t.fuzzy)
    // Tier by integers: a slot's title starts with the query when its place in `lex` falls in the range.
    const [from, to] = fuzzy ? [0, 0] : this.prefixRange(q)
    const lexPos = this.lexPos
    const tierOf = (slot: number): number => {
      if (fuzzy) return TIER_FUZZY
      const at = lexPos[slot] as number
      return at >= from && at < to ? TIER_EXACT_PREFIX : TIER_WORD_PREFIX
    }
    const slots =
      driver.details.size === 0 && driver.size <= SMALL_DRIVER
        ? this.rankFew(terms, recentRank, limit, tierOf)
        : this.rankAll(terms, recentRank, limit, tierOf)
    return slots.map((slot) => this.hit(slot, tierOf(slot)))
  }

  /**
   * The best hits when at least `limit` live titles start with the whole query, else null. Such a title holds every
   * query word (each but the last is followed in the query, and so in the title, by a non-word character, and the
   * last is typed as a prefix), so it matches, in the best tier, and beats every other match: ranking the range
   * alone gives the same hits as marking every posting. "r", "remarks by the pres": 4–5 ms of postings → the range.
   */
  private rankPrefixRange(
    q: string,
    recentRank: ReadonlyMap<number, number>,
    limit: number,
  ): number[] | null {
    const [from, to] = this.prefixRange(q)
    if (to - from < limit) return null
    const lex = this.lex
    const ids = this.ids
    const lengths = this.lengths
    const lexPos = this.lexPos
    const top = new TopHits(limit)
    // Recent documents first (a few at most), then a pass over the range that reads only a title's length until a
    // title could enter the best `limit`: the range may hold most of the library ("r").
    const recentSlots = new Set<number>()
    for (const [id, rank] of recentRank) {
      const slot = this.slotOf.get(id)
      const at = slot === undefined ? -1 : (lexPos[slot] as number)
      if (slot === undefined || at < from || at >= to) continue
      recentSlots.add(slot)
      top.offer(slot, TIER_EXACT_PREFIX, rank, lengths[slot] as number, id)
    }
    let longest = top.cut().length
    for (let at = from; at < to; at++) {
      const slot = lex[at] as number
      const length = lengths[slot] as number
      if (length > longest) continue
      const id = ids[slot] as number
      if (id < 0 || recentSlots.has(slot)) continue // removed since the last merge; ranked above
      top.offer(slot, TIER_EXACT_PREFIX, Number.POSITIVE_INFINITY, length, id)
      longest = top.cut().length
    }
    // Only live titles enter: a full list proves at least `limit` of them start with the query.
    return top.full() ? top.slots() : null
  }

  /** counts[slot] = how many of `terms` (from the first) the slot satisfies; returns that array. */
  private count(terms: readonly Term[]): Uint8Array {
    const slotCount = this.ids.length
    if (this.counts.length < slotCount) this.counts = new Uint8Array(slotCount + (slotCount >> 1))
    const counts = this.counts
    counts.fill(0, 0, slotCount)
    const detailOf = this.detailOf
    terms.forEach((term, k) => {
      for (const list of term.slots) {
        for (const slot of list) if (counts[slot] === k) counts[slot] = k + 1
      }
      if (term.details.size === 0) return
      if (this.detailMarks.length < this.detailLines.length)
        this.detailMarks = new Uint8Array(this.detailLines.length * 2)
      const marks = this.detailMarks
      marks.fill(0)
      for (const detail of term.details) marks[detail] = 1
      for (let slot = 0; slot < slotCount; slot++) {
        if (counts[slot] === k && marks[detailOf[slot] as number] === 1) counts[slot] = k + 1
      }
    })
    return counts
  }

  /** A rare first term (a few thousand titles at most): rank each of its documents that has the other terms. */
  private rankFew(
    terms: readonly Term[],
    recentRank: ReadonlyMap<number, number>,
    limit: number,
    tierOf: (slot: number) => number,
  ): number[] {
    const [driver, ...rest] = terms as [Term, ...Term[]]
    const counts = this.count(rest)
    const need = rest.length
    const top = new TopHits(limit)
    for (const list of driver.slots) {
      for (const slot of list) {
        if (counts[slot] !== need) continue
        counts[slot] = 255 // a slot in two of the driver's lists (a prefix) is ranked once
        const id = this.ids[slot] as number
        if (id < 0) continue
        const length = (this.folded[slot] as string).length
        top.offer(slot, tierOf(slot), recentRank.get(id) ?? Number.POSITIVE_INFINITY, length, id)
      }
    }
    return top.slots()
  }

  /**
   * Common terms: mark every match, then one pass over the slots in memory order reading no title (tier from
   * `lexPos`, recency from a byte per slot, the title's length from `lengths`).
   */
  private rankAll(
    terms: readonly Term[],
    recentRank: ReadonlyMap<number, number>,
    limit: number,
    tierOf: (slot: number) => number,
  ): number[] {
    const counts = this.count(terms)
    const need = terms.length
    const slotCount = this.ids.length
    if (this.recentMarks.length < slotCount)
      this.recentMarks = new Uint8Array(slotCount + (slotCount >> 1))
    const recentMarks = this.recentMarks
    const recentSlots: number[] = []
    for (const id of recentRank.keys()) {
      const slot = this.slotOf.get(id)
      if (slot === undefined) continue
      recentMarks[slot] = 1
      recentSlots.push(slot)
    }
    const ids = this.ids
    const lengths = this.lengths
    const top = new TopHits(limit)
    // Once the list is full, a match that is not recent enters only below the worst row's tier, or in it with a
    // title no longer than its: most of 100,000 matches ("obama") are passed over on two integers.
    let cut = top.cut()
    for (let slot = 0; slot < slotCount; slot++) {
      if (counts[slot] !== need) continue
      const id = ids[slot] as number
      if (id < 0) continue
      const length = lengths[slot] as number
      const tier = tierOf(slot)
      if (recentMarks[slot] === 1) top.offer(slot, tier, recentRank.get(id) as number, length, id)
      else if (tier < cut.tier || (tier === cut.tier && length <= cut.length))
        top.offer(slot, tier, Number.POSITIVE_INFINITY, length, id)
      else continue
      cut = top.cut()
    }
    for (const slot of recentSlots) recentMarks[slot] = 0
    return top.slots()
  }

  /** The document at `id`, as a hit (for the recent list). */
  get(id: number, tier: number): DocumentHit | null {
    const slot = this.slotOf.get(id)
    return slot === undefined ? null : this.hit(slot, tier)
  }

  private hit(slot: number, tier: number): DocumentHit {
    const hit: DocumentHit = {
      id: this.ids[slot] as number,
      label: this.titles[slot] as string,
      detail: this.detailLines[this.detailOf[slot] as number] as string,
      tier,
    }
    const kind = this.kinds[this.kindOf[slot] as number]
    if (kind?.format) {
      hit.format = kind.format
      hit.language = kind.language || null
    }
    return hit
  }

  private term(word: string, prefix: boolean): Term {
    const term: Term = { slots: [], details: new Set(), fuzzy: false, size: 0 }
    const add = (candidate: string): void => {
      const list = this.postings.get(candidate)
      if (list) {
        term.slots.push(list)
        term.size += list.length
      }
      for (const detail of this.detailWords.get(candidate) ?? []) {
        if (term.details.has(detail)) continue
        term.details.add(detail)
        term.size += this.detailUses[detail] ?? 0
      }
    }
    if (prefix) {
      const vocabulary = this.vocabulary
      for (let i = lowerBound(vocabulary, word); i < vocabulary.length; i++) {
        const candidate = vocabulary[i] as string
        if (!candidate.startsWith(word)) break
        add(candidate)
      }
    } else add(word)
    if (term.size > 0) return term
    term.fuzzy = true
    this.flushTypos()
    for (const index of this.typos.search(word, { limit: FUZZY_WORDS, suggest: true })) {
      add(this.words[Number(index)] as string)
    }
    return term
  }

  /** Rebuild without the dead slots (after many deletions or renames). */
  private compact(): void {
    const live = [...this.slotOf.entries()].map(([id, slot]) => ({
      id,
      title: this.titles[slot] as string,
      detail: this.detailLines[this.detailOf[slot] as number] as string,
      kind: this.kinds[this.kindOf[slot] as number] as Kind,
    }))
    this.slotOf.clear()
    this.ids = []
    this.titles = []
    this.folded = []
    this.detailOf = []
    this.kindOf = []
    this.lex = []
    this.unsorted = []
    this.lengths = []
    this.detailUses = this.detailUses.map(() => 0)
    this.postings.clear()
    this.dead = 0
    // Detail lines, the vocabulary and the typo index only grow: a word no document holds any more matches nothing.
    for (const row of live)
      this.set(row.id, row.title, row.detail, '', row.kind.format, row.kind.language)
  }
}

/** The first index whose word is ≥ `word`. */
function lowerBound(sorted: readonly string[], word: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] as string) < word) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The best `limit` hits by (tier, recent, length, newer id), kept in a small sorted array: no sort of every match. */
class TopHits {
  private rows: [slot: number, tier: number, recent: number, length: number, id: number][] = []
  constructor(private readonly limit: number) {}

  offer(slot: number, tier: number, recent: number, length: number, id: number): void {
    const rows = this.rows
    if (rows.length === this.limit) {
      const worst = rows[rows.length - 1] as [number, number, number, number, number]
      if (compare(tier, recent, length, id, worst) >= 0) return
      rows.pop()
    }
    let at = rows.length
    while (at > 0 && compare(tier, recent, length, id, rows[at - 1] as (typeof rows)[0]) < 0) at--
    rows.splice(at, 0, [slot, tier, recent, length, id])
  }

  slots(): number[] {
    return this.rows.map((row) => row[0])
  }

  full(): boolean {
    return this.rows.length === this.limit
  }

  /**
   * Which hits that are not recent may still enter: any below `tier`, or in it with a title of at most `length`
   * (ties go to `offer`, which compares ids). Anything while the list is not full.
   */
  cut(): { tier: number; length: number } {
    const worst = this.rows[this.rows.length - 1]
    if (!worst || this.rows.length < this.limit)
      return { tier: Number.POSITIVE_INFINITY, length: Number.POSITIVE_INFINITY }
    // A recent worst row is beaten by no other hit of its tier.
    return worst[2] === Number.POSITIVE_INFINITY
      ? { tier: worst[1], length: worst[3] }
      : { tier: worst[1], length: -1 }
  }
}

function compare(
  tier: number,
  recent: number,
  length: number,
  id: number,
  row: readonly [number, number, number, number, number],
): number {
  return tier - row[1] || recent - row[2] || length - row[3] || row[4] - id
}
