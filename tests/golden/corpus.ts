import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CitationType, DocumentId } from '@shared/contract'
import type { Db } from '../../src/main/db/connection'
import { insertDocument as seedDocument } from '../support/seed-documents'

export type GoldenDocument = {
  key: string
  file: string
  title: string
  authors: string[]
  publishedAt: string | null
  source: string | null
  url: string | null
  citationType: CitationType
  accessedAt: string | null
  pageStarts?: number[]
}

export const GOLDEN_DOCUMENTS: readonly GoldenDocument[] = [
  {
    key: 'davie',
    file: '2012-10-22-remarks-first-lady-overflow-crowd-davie-florida.txt',
    title: 'Remarks by the First Lady to Overflow Crowd -- Davie, Florida',
    authors: ['Michelle Obama'],
    publishedAt: '2012-10-22',
    source: 'The White House',
    url: 'http://www.whitehouse.gov/the-press-office/2012/10/22/remarks-first-lady-overflow-crowd-davie-florida',
    citationType: 'speech',
    accessedAt: '2025-04-24',
  },
  {
    key: 'durango',
    file: '2012-10-10-remarks-first-lady-overflow-crowd-campaign-event.txt',
    title: 'Remarks by the First Lady to Overflow Crowd at a Campaign Event',
    authors: ['Michelle Obama'],
    publishedAt: '2012-10-10',
    source: 'The White House',
    url: 'http://www.whitehouse.gov/the-press-office/2012/10/10/remarks-first-lady-overflow-crowd-campaign-event',
    citationType: 'speech',
    accessedAt: '2025-04-24',
  },
  {
    key: 'racine',
    file: '2012-10-19-remarks-first-lady-overflow-crowd-racine-wi.txt',
    title: 'Remarks by the First Lady to the Overflow Crowd -- Racine, WI',
    authors: ['Michelle Obama'],
    publishedAt: '2012-10-19',
    source: 'The White House',
    url: 'http://www.whitehouse.gov/the-press-office/2012/10/19/remarks-first-lady-overflow-crowd-racine-wi',
    citationType: 'speech',
    accessedAt: '2025-04-24',
  },
  {
    key: 'boys-and-girls-club',
    file: 'remarks-president-boys-and-girls-club.txt',
    title: 'Remarks by the President at the Boys and Girls Club',
    authors: ['Barack Obama'],
    publishedAt: '2009-12-21',
    source: 'The White House',
    url: 'http://www.whitehouse.gov/the-press-office/remarks-president-boys-and-girls-club',
    citationType: 'speech',
    accessedAt: '2025-04-24',
    // Pretend the transcript was a two-page PDF, so page locators are exercised on real text.
    pageStarts: [0, 1200],
  },
  {
    // The corpus has no date for this page and no speaker in the metadata: the source stands as author.
    key: 'north-korea',
    file: 'remarks-president-north-korea.txt',
    title: 'Remarks by the President on North Korea',
    authors: [],
    publishedAt: null,
    source: 'The White House',
    url: 'http://www.whitehouse.gov/the-press-office/remarks-president-north-korea',
    citationType: 'speech',
    accessedAt: null,
  },
  {
    // Nothing known but the title: CSL puts the title first and "n.d." for the date.
    key: 'ballet-gala',
    file: 'remarks-first-lady-american-ballet-opening-spring-gala.txt',
    title: 'Remarks by the First Lady at the American Ballet Opening Spring Gala',
    authors: [],
    publishedAt: null,
    source: null,
    url: null,
    citationType: 'speech',
    accessedAt: null,
  },
]

export const GOLDEN_DIR = import.meta.dirname

export function goldenText(file: string): string {
  return readFileSync(join(GOLDEN_DIR, 'documents', file), 'utf8')
}

/** Insert one document row with its metadata; returns its id. */
export function insertDocument(
  db: Db,
  doc: Omit<GoldenDocument, 'key' | 'file'>,
  text: string,
): DocumentId {
  return seedDocument(db, {
    ...doc,
    text,
    language: 'en',
    importedAt: '2025-04-24T10:00:00.000Z',
    fileName: null,
    sourcePath: null,
  })
}

/** Insert every golden document; returns ids by key. */
export function seedGoldenLibrary(db: Db): Record<string, DocumentId> {
  const ids: Record<string, DocumentId> = {}
  for (const doc of GOLDEN_DOCUMENTS) ids[doc.key] = insertDocument(db, doc, goldenText(doc.file))
  return ids
}
