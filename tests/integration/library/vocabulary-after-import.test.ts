/**
 * The spelling vocabulary is brought up to date when an import job ends (off the query path), and the stepwise
 * rebuild used there gives exactly the snapshot of the one-statement rebuild.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { refreshVocabulary, refreshVocabularyStepwise } from '../../../src/main/search/vocabulary'
import { tempBackend } from '../../support/temp-library'
import { prose } from '../db/library-files'

const pendingOf = (db: Database.Database): number =>
  db.prepare('SELECT count(*) FROM search_vocab_pending').pluck().get() as number

describe('vocabulary after import', () => {
  it('leaves nothing pending after an import, with the new words in the snapshot', async () => {
    const backend = tempBackend({ backups: { autoIntervalHours: null } })
    try {
      const files = join(backend.dir, 'files')
      mkdirSync(files)
      for (let i = 0; i < 12; i++) {
        writeFileSync(
          join(files, `note-${i}.txt`),
          `Note ${i} zebrafinch\n\n${prose(i + 1, 800)}\n`,
        )
      }
      const finished = new Promise<void>((done) => {
        const off = backend.on('job.finished', () => {
          off()
          done()
        })
      })
      await call(backend.context, 'documents.import', { paths: [files] })
      await finished
      // The refresh runs right after the job.finished listeners; give it its macrotasks.
      for (let i = 0; i < 50 && pendingOf(backend.context.db) > 0; i++) {
        await new Promise((done) => setTimeout(done, 10))
      }
      expect(pendingOf(backend.context.db)).toBe(0)
      const zebra = backend.context.db
        .prepare("SELECT docs FROM search_vocab WHERE term = 'zebrafinch'")
        .pluck()
        .get()
      expect(zebra).toBe(12)
    } finally {
      await backend.dispose()
    }
  })

  it('stepwise rebuild equals the one-statement rebuild', async () => {
    const backend = tempBackend({ backups: { autoIntervalHours: null } })
    try {
      const db = backend.context.db
      const insert = db.prepare(
        `INSERT INTO documents (title, authors, format, file_name, content_hash, text, word_count, imported_at, updated_at)
         VALUES (?, '[]', 'txt', ?, ?, ?, 100, '2025-01-01', '2025-01-01')`,
      )
      db.transaction(() => {
        for (let i = 0; i < 1500; i++) insert.run(`Doc ${i}`, `d${i}.txt`, `h${i}`, prose(i, 300))
      })()
      const copy = join(backend.dir, 'copy.sqlite')
      db.prepare('VACUUM INTO ?').run(copy)
      expect(await refreshVocabularyStepwise(db, 37)).toBe(true)
      const other = new Database(copy)
      try {
        expect(refreshVocabulary(other)).toBe(true)
        const all = (h: Database.Database) =>
          h.prepare('SELECT term, docs FROM search_vocab ORDER BY term').raw().all()
        expect(all(db).length).toBeGreaterThan(100)
        expect(all(db)).toEqual(all(other))
        expect(pendingOf(db)).toBe(0)
      } finally {
        other.close()
      }
    } finally {
      await backend.dispose()
    }
  })
})
