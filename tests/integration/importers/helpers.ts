import type { DocumentId, ImportReport, JobOutcome } from '@shared/contract'
import { expect } from 'vitest'
import type { Backend } from '../../../src/main/compose/create-backend'
import type { Db } from '../../../src/main/db/connection'

/** Import through the real API (handler → job → pipeline) and wait for the report. */
export async function importViaApi(
  backend: Backend,
  paths: string[],
  tags?: string[],
): Promise<ImportReport> {
  const started = await backend.dispatch('documents.import', tags ? { paths, tags } : { paths })
  if (!started.ok) throw new Error(`documents.import refused: ${started.error.message}`)
  const { jobId } = started.value as { jobId: string }
  const waited = await backend.dispatch('jobs.wait', { jobId })
  if (!waited.ok) throw new Error(waited.error.message)
  const outcome = waited.value as JobOutcome
  expect(outcome.status).toBe('done')
  return outcome.result as ImportReport
}

/** Document ids whose FTS row matches a quoted phrase. */
export function phraseSearch(db: Db, phrase: string): DocumentId[] {
  const match = `"${phrase.replace(/"/g, '""')}"`
  return (
    db.prepare('SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ?').all(match) as {
      id: DocumentId
    }[]
  ).map((r) => r.id)
}

/** SQLite integrity_check plus the FTS5 integrity check at rank 1 (catches rows missing from the index). */
export function expectLibraryIntact(db: Db): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()
  db.prepare("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)").run()
}

export type DocumentRow = {
  id: DocumentId
  title: string
  authors: string
  published_at: string | null
  source: string | null
  url: string | null
  language: string | null
  format: string
  text: string
  html: string | null
  page_starts: string | null
  toc: string | null
  warnings: string
  citation_type: string
  word_count: number
  source_path: string
  content_hash: string
}

export function documentRow(db: Db, id: DocumentId | undefined): DocumentRow {
  const row = db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined
  if (!row) throw new Error(`no document ${String(id)}`)
  return row
}
