/**
 * The importer's writes to search_stems (migration 0130). The triggers re-stem each document and insert its few
 * hundred pairs, nearly all already stored (measured on the 3,458 White House .txt files: main-thread writes 14.2 s →
 * 23.7 s with the triggers). Here each group's documents are stemmed once and only pairs this connection has not
 * stored yet are inserted; a pair counts as stored once its group's transaction committed, so a rolled-back file or
 * group leaves nothing believed stored that is not.
 */
import { stemLanguage, stemPairs } from '../text/stemming'
import type { Statements } from './import-store.repository'

/** Per statement set, i.e. per connection (import-store.repository.ts prepares them once per connection). */
const storedPerConnection = new WeakMap<Statements, WeakSet<string[]>>()

/** One write group's pairs: written inside its transaction, counted as stored after it commits. */
export class GroupStemPairs {
  private readonly stored: WeakSet<string[]>
  private readonly group = new Set<string[]>()
  private file: string[][] = []

  constructor(private readonly s: Statements) {
    let stored = storedPerConnection.get(s)
    if (!stored) {
      // stemPairs returns the same array for a pair each time (text/stemming.ts): identity is the key.
      stored = new WeakSet()
      storedPerConnection.set(s, stored)
    }
    this.stored = stored
  }

  /** A document row was written with these searchable fields: store its pairs no one stored yet. */
  write(language: unknown, title: unknown, text: unknown): void {
    const lang = typeof language === 'string' ? stemLanguage(language) : null
    if (!lang) return
    const fields = [
      typeof title === 'string' ? title : null,
      typeof text === 'string' ? text : null,
    ]
    for (const pair of stemPairs(language as string, fields)) {
      if (this.stored.has(pair) || this.group.has(pair)) continue
      this.s.stemPair.run(pair[0], lang, pair[1])
      this.file.push(pair)
    }
  }

  /** The file's savepoint was released: its pairs are in the group. */
  fileKept(): void {
    for (const pair of this.file) this.group.add(pair)
    this.file = []
  }

  /** The file's savepoint rolled back: its pairs are not stored. */
  fileDropped(): void {
    this.file = []
  }

  /** The group's transaction committed. */
  committed(): void {
    for (const pair of this.group) this.stored.add(pair)
    this.group.clear()
  }
}
