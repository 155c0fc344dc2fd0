/**
 * A restore replaces the library's connection in its one holder (db/library-connection.ts): the context, anyone who
 * kept the holder, and the import that follows (with its vocabulary refresh) all use the restored file, and nothing
 * writes to the closed one.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import {
  addDocuments,
  countDocuments,
  openBackend,
  populatedLibrary,
  tempLibraries,
} from './library-files'

const { library, cleanups } = tempLibraries()

describe('restore and the connection holder', () => {
  it('after a restore the context, the holder and a following import all use the restored library', async () => {
    const dir = library()
    await populatedLibrary(dir, 12)
    const backend = openBackend(dir)
    cleanups.push(() => backend.close())
    await call(backend.context, 'library.backup', {})
    addDocuments(backend, 5, 100) // written after the backup: the restore drops them
    expect(countDocuments(backend)).toBe(17)

    const holder = backend.context.connection
    const before = backend.context.db
    await call(backend.context, 'library.restore', {})

    expect(before.open).toBe(false)
    expect(holder.db.open).toBe(true)
    expect(backend.context.db).toBe(holder.db)
    expect(countDocuments(backend)).toBe(12)

    // An import after the restore lands in the restored file and is found, misspelt word suggestions included.
    const file = join(dir, '..', 'after-restore.txt')
    writeFileSync(
      file,
      'Quixotically restored.\n\nThe zeppelin harbour reopened after the restore.\n',
    )
    const { jobId } = await call(backend.context, 'documents.import', { paths: [file] })
    const outcome = await call(backend.context, 'jobs.wait', { jobId })
    expect(outcome).toMatchObject({ status: 'done' })
    expect(countDocuments(backend)).toBe(13)
    const found = await call(backend.context, 'search.query', { query: 'zeppelin' })
    expect(found.total).toBe(1)
    const typo = await call(backend.context, 'search.query', { query: 'zepelin' })
    expect(typo.suggestions.map((s) => s.query)).toContain('zeppelin')
  })
})
