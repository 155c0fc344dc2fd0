/**
 * The importer indexes a write group's new documents in one statement at the group's end (store.ts GroupIndex,
 * migration 0140). A file that would update a document inserted earlier in the same group must wait for the next
 * group: updating it first would make documents_au delete index rows the document does not have yet, leaving the
 * full-text index inconsistent (FTS5's integrity-check fails and the old text stays findable).
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { contentHash, wordCount } from '../../../src/main/importers/normalise'
import { type WriteEntry, writeGroup } from '../../../src/main/importers/store'
import type { ExtractedFile } from '../../../src/main/importers/types'
import { tempBackend } from '../../support/temp-library'
import { expectLibraryIntact } from './helpers'

let backend: ReturnType<typeof tempBackend>
beforeEach(() => {
  backend = tempBackend()
})
afterEach(async () => {
  await backend.dispose()
})

function file(title: string, text: string): ExtractedFile {
  const bytes = Buffer.from(text)
  return {
    format: 'txt',
    title,
    authors: [],
    publishedAt: null,
    source: null,
    url: null,
    language: 'en',
    languageSource: 'declared',
    text,
    html: null,
    pageStarts: null,
    pageMeta: null,
    toc: null,
    warnings: [],
    provenance: {},
    identifiers: [],
    fileDate: null,
    citationType: 'speech',
    containerTitle: null,
    publisher: null,
    doi: null,
    tags: [],
    contentHash: contentHash(text, bytes),
    wordCount: wordCount(text),
    size: bytes.length,
    pages: 1,
    timings: { readMs: 0, parseMs: 0, hashMs: 0 },
  }
}

const store = (path: string, f: ExtractedFile): WriteEntry => ({
  kind: 'store',
  item: { path, size: f.size, file: f, tags: [], jobId: null },
})

const found = (word: string): number[] =>
  backend.context.db
    .prepare<[string], number>('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?')
    .pluck()
    .all(word)

it('a file updating a document inserted earlier in the same group is written in the next group', () => {
  const db = backend.context.db
  const entries = [
    store('/notes/a.txt', file('Harbour', 'The harbour reopened on Monday.')),
    store('/notes/b.txt', file('Airport', 'The airport closed on Tuesday.')),
    store('/notes/a.txt', file('Harbour', 'The harbour reopened on Wednesday.')),
  ]
  const first = writeGroup(db, entries)
  expect(first.map((r) => r.status)).toEqual(['imported', 'imported'])
  const second = writeGroup(db, entries.slice(first.length))
  expect(second.map((r) => r.status)).toEqual(['updated'])
  expect(second[0]?.documentId).toBe(first[0]?.documentId)
  expect(found('wednesday')).toEqual([first[0]?.documentId])
  expect(found('monday')).toEqual([])
  expect(found('tuesday')).toEqual([first[1]?.documentId])
  expectLibraryIntact(db)
})
