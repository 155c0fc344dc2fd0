/**
 * The import pipeline through the real API: duplicates, re-import of a changed file (update + quotes kept),
 * tags, progress and cancellation, the size limit, folders (hidden files, symlink loops), import roots, the log.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type {
  ApiEventName,
  DocumentId,
  ImportReport,
  JobOutcome,
  JobProgress,
  Quote,
} from '@shared/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { tempBackend } from '../../support/temp-library'
import { documentRow, expectLibraryIntact, importViaApi, phraseSearch } from './helpers'

const backends: ReturnType<typeof tempBackend>[] = []
afterEach(async () => {
  for (const b of backends.splice(0)) await b.dispose()
})
function backendWith(options: Parameters<typeof tempBackend>[0] = {}) {
  const backend = tempBackend(options)
  backends.push(backend)
  const input = join(backend.dir, 'input')
  mkdirSync(input)
  return { backend, input, db: backend.context.db }
}

const SPEECH = `Remarks on the Harbour Bridge

March 3, 2011

Good morning. The new bridge will carry forty thousand cars a day across the harbour.

It was built by workers from every county, and it opens on time and under budget.
`

describe('duplicates', () => {
  it('importing the same file twice reports duplicate and stores it once', async () => {
    const { backend, input, db } = backendWith()
    writeFileSync(join(input, 'speech.txt'), SPEECH)
    const first = await importViaApi(backend, [join(input, 'speech.txt')])
    const second = await importViaApi(backend, [join(input, 'speech.txt')])
    expect(first.imported).toBe(1)
    expect(second).toMatchObject({ imported: 0, duplicates: 1 })
    expect(second.results[0]?.documentId).toBe(first.results[0]?.documentId)
    expect(second.results[0]?.error).toMatch(/same text as document \d+/)
    expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(1)
  })

  it('a copy with other line endings and spacing in the same batch is a duplicate', async () => {
    const { backend, input } = backendWith()
    writeFileSync(join(input, 'a.txt'), SPEECH)
    writeFileSync(join(input, 'b.txt'), SPEECH.replace(/\n/g, '\r\n').replace(/ /g, '  '))
    const report = await importViaApi(backend, [input])
    expect(report).toMatchObject({ imported: 1, duplicates: 1 })
  })
})

describe('re-importing a changed file', () => {
  it('updates the document in place, keeps its quotes (re-anchored), keeps edited metadata', async () => {
    const { backend, input, db } = backendWith()
    const path = join(input, 'speech.txt')
    writeFileSync(path, SPEECH)
    const first = await importViaApi(backend, [path])
    const id = first.results[0]?.documentId as DocumentId
    const quote = await backend.dispatch('quotes.create', {
      documentId: id,
      text: 'it opens on time and under budget',
    })
    expect(quote.ok).toBe(true)
    const gone = await backend.dispatch('quotes.create', {
      documentId: id,
      text: 'forty thousand cars a day',
    })
    expect(gone.ok).toBe(true)
    // The person corrects the title; the file later changes (a paragraph added, a sentence removed).
    db.prepare("UPDATE documents SET title = 'Harbour Bridge opening (edited)' WHERE id = ?").run(
      id,
    )
    writeFileSync(
      path,
      SPEECH.replace(
        'Good morning. The new bridge will carry forty thousand cars a day across the harbour.',
        'Good morning, everyone.',
      ).concat('\nA new closing paragraph.\n'),
    )

    const second = await importViaApi(backend, [path])
    expect(second.results[0]).toMatchObject({ status: 'updated', documentId: id })
    const row = documentRow(db, id)
    expect(row.text).toContain('A new closing paragraph.')
    expect(row.title).toBe('Harbour Bridge opening (edited)') // the correction survives
    expect(row.published_at).toBe('2011-03-03')
    const quotes = db
      .prepare(
        'SELECT id, exact, start_offset, placement FROM quotes WHERE document_id = ? ORDER BY id',
      )
      .all(id) as {
      id: number
      exact: string
      start_offset: number | null
      placement: string
    }[]
    expect(quotes).toHaveLength(2) // never dropped
    const kept = quotes.find((q) => q.exact === 'it opens on time and under budget')
    expect(row.text.slice(kept?.start_offset ?? -1).startsWith('it opens on time')).toBe(true)
    const unplaced = quotes.find((q) => q.exact === 'forty thousand cars a day')
    expect(unplaced?.placement).toBe('unplaced')
    expect(second.results[0]?.unplacedQuoteIds).toEqual([gone.ok ? (gone.value as Quote).id : -1])
    expect(phraseSearch(db, 'A new closing paragraph')).toEqual([id])
    expect(phraseSearch(db, 'forty thousand cars')).toEqual([])
    expectLibraryIntact(db)
  })
})

describe('tags', () => {
  it('requested tags go on every imported document; Markdown front-matter tags too', async () => {
    const { backend, input, db } = backendWith()
    writeFileSync(join(input, 'a.txt'), SPEECH)
    writeFileSync(
      join(input, 'b.md'),
      '---\ntitle: Notes\ntags: [harbour, "infrastructure"]\n---\n\nSome notes about the bridge.\n',
    )
    const report = await importViaApi(backend, [input], ['batch-1'])
    expect(report.imported).toBe(2)
    const tagsOf = (id: DocumentId | undefined) =>
      (
        db
          .prepare(
            'SELECT t.name FROM tags t JOIN document_tags dt ON dt.tag_id = t.id WHERE dt.document_id = ? ORDER BY t.name',
          )
          .all(id) as { name: string }[]
      ).map((r) => r.name)
    const md = report.results.find((r) => r.path.endsWith('b.md'))
    const txt = report.results.find((r) => r.path.endsWith('a.txt'))
    expect(tagsOf(md?.documentId)).toEqual(['batch-1', 'harbour', 'infrastructure'])
    expect(tagsOf(txt?.documentId)).toEqual(['batch-1'])
  })
})

describe('progress, cancellation, events', () => {
  it('reports progress (files, bytes, current file) and exactly one job.finished', async () => {
    const { backend, input } = backendWith()
    for (let i = 0; i < 30; i++)
      writeFileSync(
        join(input, `doc-${String(i).padStart(2, '0')}.txt`),
        `Document number ${i}\n\nBody of document ${i}, unique words ${i * 7919}.\n`,
      )
    const events: { event: ApiEventName; payload: unknown }[] = []
    backend.onAny((event, payload) => events.push({ event, payload }))
    const report = await importViaApi(backend, [input])
    expect(report.imported).toBe(30)
    const progress = events
      .filter((e) => e.event === 'job.progress')
      .map((e) => e.payload as JobProgress)
    const last = progress[progress.length - 1]
    expect(last).toMatchObject({ kind: 'import', done: 30, total: 30 })
    expect(last?.bytesDone).toBe(last?.bytesTotal)
    expect(last?.bytesTotal).toBeGreaterThan(0)
    expect(events.filter((e) => e.event === 'job.finished')).toHaveLength(1)
    expect(events.some((e) => e.event === 'library.changed')).toBe(true)
  })

  it('cancellation stops the batch and keeps what finished', async () => {
    const { backend, input, db } = backendWith()
    for (let i = 0; i < 400; i++)
      writeFileSync(
        join(input, `doc-${String(i).padStart(3, '0')}.txt`),
        `Document ${i}\n\nText of document ${i} with its own number ${i * 31}.\n`,
      )
    const started = await backend.dispatch('documents.import', { paths: [input] })
    if (!started.ok) throw new Error(started.error.message)
    const { jobId } = started.value as { jobId: string }
    const seen: JobProgress[] = []
    await new Promise<void>((resolve) => {
      const off = backend.on('job.progress', (p) => {
        seen.push(p)
        if (p.jobId === jobId && p.done >= 20) {
          off()
          resolve()
        }
      })
    })
    expect(seen.some((p) => p.current?.endsWith('.txt') && p.step === 'Importing')).toBe(true)
    await backend.dispatch('jobs.cancel', { jobId })
    const waited = await backend.dispatch('jobs.wait', { jobId })
    const outcome = (waited.ok ? waited.value : null) as JobOutcome
    expect(outcome.status).toBe('cancelled')
    const partial = outcome.result as ImportReport
    expect(partial.imported).toBeGreaterThanOrEqual(20)
    expect(partial.imported).toBeLessThan(400)
    const stored = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n
    expect(stored).toBe(partial.imported)
    const logged = (db.prepare('SELECT count(*) AS n FROM import_log').get() as { n: number }).n
    expect(logged).toBe(partial.results.length)
    expectLibraryIntact(db)
  })
})

describe('limits and paths', () => {
  it('a file over maxFileBytes is refused before reading, naming the limit', async () => {
    const { backend, input } = backendWith({ limits: { maxFileBytes: 1000 } })
    writeFileSync(join(input, 'big.txt'), 'x '.repeat(1000))
    writeFileSync(join(input, 'small.txt'), 'Small\n\nfits.\n')
    const report = await importViaApi(backend, [input])
    expect(report.results.find((r) => r.path.endsWith('big.txt'))).toMatchObject({
      status: 'failed',
      error: 'file is 2 KB, over the 1000 bytes size limit (maxFileBytes)',
    })
    expect(report.imported).toBe(1)
  })

  it('walks folders recursively, skips hidden and system files, survives symlink loops, lists each file once', async () => {
    const { backend, input } = backendWith()
    mkdirSync(join(input, 'a', 'b'), { recursive: true })
    writeFileSync(join(input, 'a', 'one.txt'), 'One\n\nfirst file.\n')
    writeFileSync(join(input, 'a', 'b', 'two.md'), '# Two\n\nsecond file.\n')
    writeFileSync(join(input, 'a', '.secret.txt'), 'hidden\n')
    writeFileSync(join(input, 'a', 'desktop.ini'), '[x]\n')
    writeFileSync(join(input, 'a', '~$lock.docx'), 'lock\n')
    mkdirSync(join(input, '.git'))
    writeFileSync(join(input, '.git', 'HEAD'), 'ref\n')
    symlinkSync(join(input, 'a'), join(input, 'a', 'b', 'loop'))
    symlinkSync(join(input, 'a', 'one.txt'), join(input, 'alias.txt'))
    const report = await importViaApi(backend, [input, join(input, 'a')])
    expect(report.results.map((r) => r.path.slice(input.length)).sort()).toEqual([
      '/a/b/two.md',
      '/a/one.txt',
    ])
  })

  it('on a web host, paths outside the import roots are refused (real paths compared)', async () => {
    const { backend, input } = backendWith()
    await backend.close()
    backends.pop()
    const root = join(input, 'root')
    const outside = join(input, 'outside')
    mkdirSync(root)
    mkdirSync(outside)
    writeFileSync(join(outside, 'secret.txt'), 'Secret\n\nnot for import.\n')
    writeFileSync(join(root, 'ok.txt'), 'Inside\n\nallowed file.\n')
    symlinkSync(join(outside, 'secret.txt'), join(root, 'link-out.txt'))
    const host = tempBackend({ importRoots: [root] })
    backends.push(host)
    const refused = await host.dispatch('documents.import', {
      paths: [join(outside, 'secret.txt')],
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    const sneaky = await host.dispatch('documents.import', { paths: [join(root, '..', 'outside')] })
    expect(sneaky.ok).toBe(false)
    const report = await importViaApi(host, [root])
    expect(report.results.find((r) => r.path.endsWith('ok.txt'))?.status).toBe('imported')
    expect(report.results.find((r) => r.path.endsWith('link-out.txt'))).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/outside the folders/),
    })
  })

  it('documents.importLog lists every file, newest first, with titles and reasons', async () => {
    const { backend, input } = backendWith()
    writeFileSync(join(input, 'a.txt'), SPEECH)
    writeFileSync(join(input, 'b.txt'), '')
    await importViaApi(backend, [join(input, 'a.txt')])
    await importViaApi(backend, [join(input, 'b.txt')])
    const log = await backend.dispatch('documents.importLog', { limit: 10 })
    expect(log.ok).toBe(true)
    const rows = (log.ok ? log.value : []) as {
      path: string
      status: string
      title?: string
      error?: string
      at: string
    }[]
    expect(rows.map((r) => [r.path.slice(input.length), r.status])).toEqual([
      ['/b.txt', 'failed'],
      ['/a.txt', 'imported'],
    ])
    expect(rows[0]?.error).toBe('empty file')
    expect(rows[1]?.title).toBe('Remarks on the Harbour Bridge')
    expect(Date.parse(rows[0]?.at ?? '')).not.toBeNaN()
  })

  it('refuses bad arguments', async () => {
    const { backend } = backendWith()
    expect(await backend.dispatch('documents.import', { paths: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    })
    expect(await backend.dispatch('documents.import', { paths: ['a\u0000b'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    })
    expect(await backend.dispatch('documents.importLog', { limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    })
  })
})
