/**
 * The importer's writes to search_stems (migration 0130). The triggers re-stem each document and insert its few
 * hundred pairs, nearly all already stored (measured on the 3,458 White House .txt files: main-thread writes 14.2 s →
 * 23.7 s with the triggers). Here each document's pairs come stemmed from the import worker (file-stems.ts) and only
 * pairs this connection has not stored yet are inserted; a pair counts as stored once its group's transaction
 * committed, so a rolled-back file or group leaves nothing believed stored that is not.
 */
import { stemLanguage } from '../text/stemming'
import { stemKeys } from './file-stems'
import type { Statements } from './import-store.repository'
import type { ExtractedFile } from './types'

/** Stored pairs per statement set, i.e. per connection (import-store.repository.ts prepares them once per connection). */
type Stored = { size: number; byLanguage: Map<string, Set<string>> }
const storedPerConnection = new WeakMap<Statements, Stored>()
/**
 * Forgetting is always safe (a pair is then inserted again and ignored): this bounds the memory over a long session.
 * The 3,458 White House documents hold ~30,000 English pairs.
 */
const STORED_LIMIT = 1_000_000

/** Near search_stems' primary key order (SQLite compares UTF-8 bytes; this, UTF-16 units): for locality only. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** One write group's pairs: written at its end inside its transaction, counted as stored after it commits. */
export class GroupStemPairs {
  private readonly stored: Stored
  private readonly group: { lang: string; key: string }[] = []
  private readonly inGroup = new Set<string>()
  private file: { lang: string; key: string }[] = []

  constructor(private readonly s: Statements) {
    let stored = storedPerConnection.get(s)
    if (!stored) {
      stored = { size: 0, byLanguage: new Map() }
      storedPerConnection.set(s, stored)
    }
    this.stored = stored
  }

  /**
   * A document row was written with these searchable fields: note its pairs no one stored yet, for `insert`. `file`:
   * the extracted file, whose precomputed pairs are used when they were computed for these same fields.
   */
  write(language: unknown, title: unknown, text: unknown, file?: ExtractedFile): void {
    const lang = typeof language === 'string' ? stemLanguage(language) : null
    if (!lang) return
    const stored = this.stored.byLanguage.get(lang)
    const keys = stemKeys(
      file,
      language as string,
      typeof title === 'string' ? title : null,
      typeof text === 'string' ? text : null,
    )
    for (const key of keys) {
      if (stored?.has(key)) continue
      const groupKey = `${lang}\t${key}`
      if (this.inGroup.has(groupKey)) continue
      this.inGroup.add(groupKey)
      this.file.push({ lang, key })
    }
  }

  /** The file's savepoint was released: its pairs are in the group. */
  fileKept(): void {
    for (const pair of this.file) this.group.push(pair)
    this.file = []
  }

  /** The file's savepoint rolled back: its pairs are not stored. */
  fileDropped(): void {
    for (const { lang, key } of this.file) this.inGroup.delete(`${lang}\t${key}`)
    this.file = []
  }

  /**
   * Insert the group's pairs: inside its transaction, outside every file's savepoint (a file rolled back took its
   * pairs with it: fileDropped). One statement, in key order: measured 2026-12-06 (3,458 White House .txt files),
   * the ~34,000 one-row inserts cost the main thread ~30 µs each, most of it B-tree pages visited at random.
   */
  insert(): void {
    if (this.group.length === 0) return
    const rows = this.group.map(({ lang, key }) => {
      const tab = key.indexOf('\t')
      return [key.slice(0, tab), lang, key.slice(tab + 1)] as const
    })
    rows.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]) || compare(a[2], b[2]))
    this.s.stemPairs.run(JSON.stringify(rows))
  }

  /** The group's transaction committed. */
  committed(): void {
    if (this.stored.size + this.group.length > STORED_LIMIT) {
      this.stored.byLanguage.clear()
      this.stored.size = 0
    }
    for (const { lang, key } of this.group) {
      let set = this.stored.byLanguage.get(lang)
      if (!set) {
        set = new Set()
        this.stored.byLanguage.set(lang, set)
      }
      if (!set.has(key)) {
        set.add(key)
        this.stored.size++
      }
    }
    this.group.length = 0
    this.inGroup.clear()
  }
}
