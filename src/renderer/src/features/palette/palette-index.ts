/**
 * The palette's in-memory index: documents by title, authors and source (compact postings, document-postings.ts),
 * and a small FlexSearch Document (forward tokenizer) for tags, saved searches, saved comparisons and quotes. Runs
 * inside the palette worker (and in Node for tests and the benchmark). Changes are applied row by row: no rebuild
 * per library change.
 */
import type { DocumentFormat, IdRuns, PaletteEntries } from '@shared/contract'
import { Charset, Document } from 'flexsearch'
import { DocumentPostings } from './document-postings'
import { rankTier, TIER_FUZZY } from './palette-rank'

export type PaletteKind = 'document' | 'tag' | 'search' | 'comparison' | 'quote'

export type PaletteHit = {
  kind: PaletteKind
  id: number
  label: string
  /** Second line: authors · source for documents, the query for a saved search. */
  detail: string
  /** For quotes: the document they belong to. */
  documentId?: number
  tier: number
  /** For documents: the file's format and language ("PDF · ja"), which tell same-titled documents apart. */
  format?: DocumentFormat
  language?: string | null
}

type OtherRow = { id: string; text: string }

/** Chosen by measurement (scripts/bench/ui.ts palette section): LatinBalance folds accents and some spelling. */
const ENCODER = Charset.LatinBalance
/** Candidates per field pulled from FlexSearch before our own ranking. */
const CANDIDATES = 60

export class PaletteIndex {
  private docs = new DocumentPostings()
  private others = new Document<OtherRow>({
    tokenize: 'forward',
    encoder: ENCODER,
    document: { id: 'id', index: ['text'] },
  })
  private otherRows = new Map<string, PaletteHit>()
  private quoteIds = new Set<number>()

  get documentCount(): number {
    return this.docs.size
  }

  /** Work `apply` leaves for after its answer (the typo index); searches that need it do it first. */
  finishDeferred(): void {
    this.docs.flushTypos()
  }

  /** Apply a full or `since` answer of `palette.entries`. */
  apply(entries: PaletteEntries): void {
    for (const [id, title, authors, source, format, language] of entries.documents ?? []) {
      this.docs.set(id, title, authors, source, format, language)
    }
    if (entries.documentIds) {
      for (const id of missingFrom(this.docs.documentIds(), entries.documentIds))
        this.docs.remove(id)
    }
    this.docs.settle()
    for (const [id, documentId, words] of entries.quotes ?? []) {
      this.quoteIds.add(id)
      this.setOther({ kind: 'quote', id, label: words, detail: '', documentId, tier: 0 })
    }
    if (entries.quoteIds) {
      for (const id of missingFrom(this.quoteIds.values(), entries.quoteIds)) {
        this.quoteIds.delete(id)
        this.removeOther(`quote:${id}`)
      }
    }
    if (entries.tags) {
      this.replaceKind(
        'tag',
        entries.tags.map(([id, name]) => ({ kind: 'tag', id, label: name, detail: '', tier: 0 })),
      )
    }
    if (entries.searches) {
      this.replaceKind(
        'search',
        entries.searches.map(([id, name, query]) => ({
          kind: 'search',
          id,
          label: name,
          detail: query,
          tier: 0,
        })),
      )
    }
    if (entries.comparisons) {
      this.replaceKind(
        'comparison',
        entries.comparisons.map(([id, name]) => ({
          kind: 'comparison',
          id,
          label: name,
          detail: '',
          tier: 0,
        })),
      )
    }
  }

  /** Ranked hits: exact title prefix, then every word a prefix, then fuzzy; recent documents first within a tier. */
  search(query: string, recent: readonly number[], limit = 30): PaletteHit[] {
    if (!query.trim()) return this.recentDocuments(recent, limit)
    const recentRank = new Map(recent.map((id, i) => [id, i]))
    const hits: (PaletteHit & { recent: number })[] = this.docs
      .search(query, recentRank, limit)
      .map((hit) => ({
        kind: 'document',
        ...hit,
        recent: recentRank.get(hit.id) ?? Number.POSITIVE_INFINITY,
      }))
    for (const field of this.others.search(query, { limit: CANDIDATES, suggest: true })) {
      for (const key of field.result) {
        const row = this.otherRows.get(String(key))
        if (!row) continue
        hits.push({
          ...row,
          tier: rankTier(query, row.label, row.detail),
          recent: Number.POSITIVE_INFINITY,
        })
      }
    }
    hits.sort(
      (a, b) =>
        a.tier - b.tier || a.recent - b.recent || a.label.length - b.label.length || b.id - a.id,
    )
    return hits.slice(0, limit).map(({ recent: _recent, ...hit }) => hit)
  }

  private recentDocuments(recent: readonly number[], limit: number): PaletteHit[] {
    const hits: PaletteHit[] = []
    for (const id of recent) {
      const hit = hits.length < limit ? this.docs.get(id, TIER_FUZZY) : null
      if (hit) hits.push({ kind: 'document', ...hit })
    }
    return hits
  }

  private setOther(hit: PaletteHit): void {
    const key = `${hit.kind}:${hit.id}`
    const text = hit.kind === 'search' ? `${hit.label} ${hit.detail}` : hit.label
    if (this.otherRows.has(key)) this.others.update({ id: key, text })
    else this.others.add({ id: key, text })
    this.otherRows.set(key, hit)
  }

  private removeOther(key: string): void {
    if (!this.otherRows.delete(key)) return
    this.others.remove(key)
  }

  /** Tags, saved searches and comparisons come whole (a few hundred rows at most): replace that kind's rows. */
  private replaceKind(kind: PaletteKind, rows: PaletteHit[]): void {
    const keep = new Set(rows.map((r) => `${kind}:${r.id}`))
    for (const key of [...this.otherRows.keys()]) {
      if (key.startsWith(`${kind}:`) && !keep.has(key)) this.removeOther(key)
    }
    for (const row of rows) this.setOther(row)
  }
}

/** Ids we hold that the live runs no longer cover (deleted rows). */
function missingFrom(held: Iterable<number>, runs: IdRuns): number[] {
  const sorted = runs // already sorted by id
  const gone: number[] = []
  for (const id of held) {
    let lo = 0
    let hi = sorted.length - 1
    let found = false
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const run = sorted[mid] as [number, number]
      if (id < run[0]) hi = mid - 1
      else if (id > run[1]) lo = mid + 1
      else {
        found = true
        break
      }
    }
    if (!found) gone.push(id)
  }
  return gone
}
