/**
 * One contract suite, run against every transport (in-process dispatch, HTTP through the web host). It speaks only
 * `ApiTransport` (invoke + on), so the transports are proven to agree on results, error codes and events.
 */
import { join } from 'node:path'
import {
  type ApiEvents,
  type ApiMethod,
  type ApiTransport,
  type DocumentId,
  type LibraryTable,
  MARK_START,
} from '@shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/compose/create-backend'
import { insertDocument, insertQuote } from '../library/seed'

/** A real article (our own words; see tests/fixtures/cli/README.md), in a folder both transports may import. */
export const FIXTURE_DIR = join(__dirname, '..', '..', 'fixtures', 'cli')
const FIXTURE_ARTICLE = join(FIXTURE_DIR, 'china-kenya-ties.txt')

export type TransportUnderTest = {
  transport: ApiTransport
  /** The backend behind the transport, for seeding rows the importer would otherwise make. */
  backend: Backend
  close(): Promise<void>
}

/** The code of a failed call, whatever error class the transport throws. */
async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return String((error as { code?: unknown }).code)
  }
  throw new Error('expected the call to fail')
}

/** Wait for the first event of a kind that satisfies `match`. */
function nextEvent<E extends keyof ApiEvents>(
  transport: ApiTransport,
  event: E,
  match: (payload: ApiEvents[E]) => boolean,
  timeoutMs = 5_000,
): Promise<ApiEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`no ${event} event within ${timeoutMs} ms`))
    }, timeoutMs)
    const off = transport.on(event, (payload) => {
      if (!match(payload)) return
      clearTimeout(timer)
      off()
      resolve(payload)
    })
  })
}

export function describeContract(name: string, make: () => Promise<TransportUnderTest>): void {
  describe(`API contract over ${name}`, () => {
    let under: TransportUnderTest
    let api: ApiTransport
    let ids: { kenya: DocumentId; budget: DocumentId }

    beforeEach(async () => {
      under = await make()
      api = under.transport
      const db = under.backend.context.db
      ids = {
        kenya: insertDocument(db, {
          title: 'China and Kenya agree to strengthen ties',
          text: 'China and Kenya agreed on Thursday to strengthen their ties. The Mombasa-Nairobi Railway was praised.',
          authors: ['Staff'],
          publishedAt: '2025-04-24',
          source: 'Xinhua',
        }),
        budget: insertDocument(db, {
          title: 'Budget talks resume',
          text: 'Budget talks resumed on Monday after a pause.',
          publishedAt: '2024-11-02',
          source: 'Reuters',
        }),
      }
    })
    afterEach(async () => {
      await under.close()
    })

    it('answers invalid_args for unknown methods and badly typed arguments', async () => {
      expect(await errorCode(api.invoke('documents.frobnicate' as ApiMethod, {} as never))).toBe(
        'invalid_args',
      )
      expect(
        await errorCode(api.invoke('documents.get', { id: 'seven' as unknown as DocumentId })),
      ).toBe('invalid_args')
      expect(await errorCode(api.invoke('documents.list', { limit: -1 }))).toBe('invalid_args')
    })

    it('lists, filters and pages documents the same way', async () => {
      const all = await api.invoke('documents.list', { sort: 'publishedAt', order: 'asc' })
      expect(all.total).toBe(2)
      expect(all.documents.map((d) => d.id)).toEqual([ids.budget, ids.kenya])
      const filtered = await api.invoke('documents.list', { after: '2025', limit: 1 })
      expect(filtered).toMatchObject({ total: 1, documents: [{ id: ids.kenya, source: 'Xinhua' }] })
      expect(await api.invoke('documents.sources', {})).toEqual(
        expect.arrayContaining([
          { source: 'Xinhua', count: 1 },
          { source: 'Reuters', count: 1 },
        ]),
      )
    })

    it('reads a document and answers not_found for a missing one', async () => {
      const detail = await api.invoke('documents.get', { id: ids.kenya })
      expect(detail.text).toContain('Mombasa-Nairobi Railway')
      expect(detail.publishedAt).toBe('2025-04-24')
      expect(await errorCode(api.invoke('documents.get', { id: 9999 as DocumentId }))).toBe(
        'not_found',
      )
    })

    it('updates metadata and announces the change', async () => {
      const changed = nextEvent(api, 'library.changed', (p) => p.tables.includes('documents'))
      const updated = await api.invoke('documents.update', {
        id: ids.budget,
        patch: { title: 'Budget talks resume in the capital', authors: ['A. Reporter'] },
      })
      expect(updated).toMatchObject({
        title: 'Budget talks resume in the capital',
        authors: ['A. Reporter'],
      })
      const event: { tables: LibraryTable[] } = await changed
      expect(event.tables).toContain('documents')
    })

    it('tags, renames, refuses a clashing rename, merges and deletes tags', async () => {
      const changed = nextEvent(api, 'library.changed', (p) => p.tables.includes('tags'))
      expect(
        await api.invoke('tags.addToDocuments', {
          documentIds: [ids.kenya, ids.budget],
          names: ['Africa'],
        }),
      ).toEqual({ changed: 2 })
      await changed
      await api.invoke('tags.addToDocuments', { documentIds: [ids.kenya], names: ['rail'] })
      const tags = await api.invoke('tags.list', {})
      expect(tags.map((t) => [t.name, t.documentCount])).toEqual([
        ['Africa', 2],
        ['rail', 1],
      ])
      const africa = tags[0]!.id
      const rail = tags[1]!.id
      expect(await errorCode(api.invoke('tags.rename', { id: rail, name: 'AFRICA' }))).toBe(
        'conflict',
      )
      const merged = await api.invoke('tags.merge', { from: [rail], into: africa })
      expect(merged).toMatchObject({ name: 'Africa', documentCount: 2 })
      const tagged = await api.invoke('documents.list', { tags: ['africa'] })
      expect(tagged.total).toBe(2)
      expect(await api.invoke('tags.delete', { id: africa })).toEqual({ deleted: true })
      expect(await api.invoke('tags.list', {})).toEqual([])
    })

    it('deletes with undo and restores the same documents and quotes', async () => {
      insertQuote(under.backend.context.db, ids.kenya, 'The Mombasa-Nairobi Railway was praised.')
      const before = await api.invoke('documents.get', { id: ids.kenya })
      const { deleted, undoToken } = await api.invoke('documents.delete', { ids: [ids.kenya] })
      expect(deleted).toBe(1)
      expect(await errorCode(api.invoke('documents.get', { id: ids.kenya }))).toBe('not_found')
      expect(await api.invoke('documents.restore', { undoToken })).toEqual({ restored: 1 })
      expect(await api.invoke('documents.get', { id: ids.kenya })).toEqual(before)
      expect(await errorCode(api.invoke('documents.restore', { undoToken }))).toBe('not_found')
    })

    it('imports a file as a job, then searches, quotes and exports it', async () => {
      const finished = nextEvent(api, 'job.finished', () => true, 30_000)
      const { jobId } = await api.invoke('documents.import', { paths: [FIXTURE_ARTICLE] })
      const outcome = await api.invoke('jobs.wait', { jobId })
      expect(outcome).toMatchObject({ jobId, status: 'done', result: { imported: 1, failed: 0 } })
      expect((await finished).jobId).toBe(jobId)
      const id = outcome.result!.results[0]!.documentId!
      const detail = await api.invoke('documents.get', { id })
      expect(detail.publishedAt).toBe('2025-04-24')
      expect(detail.title).not.toMatch(/^date/i)
      const found = await api.invoke('search.query', { query: '"Mombasa-Nairobi Railway"' })
      expect(found.hits.map((h) => h.documentId)).toContain(id)
      const hit = found.hits.find((h) => h.documentId === id)!
      expect(hit.snippet).toContain(`${MARK_START}Mombasa`)
      const quote = await api.invoke('quotes.create', {
        documentId: id,
        text: 'The ministers agreed to meet again before the end of the year to review progress.',
        tags: ['follow-up'],
      })
      expect(quote).toMatchObject({ documentId: id, placement: 'exact' })
      const exported = await api.invoke('export.render', {
        selection: { quoteIds: [quote.id] },
        format: 'md',
      })
      expect(exported).toMatchObject({ encoding: 'utf8', quoteCount: 1 })
      expect(exported.content).toContain('meet again before the end of the year')
      expect(
        await errorCode(
          api.invoke('export.render', { selection: { tag: 'nothing' }, format: 'md' }),
        ),
      ).toBe('invalid_args')
    })

    it('reports library info, checks it, and makes a verified backup', async () => {
      const info = await api.invoke('library.info', {})
      expect(info).toMatchObject({ documentCount: 2, quoteCount: 0, corrupt: null })
      expect(await api.invoke('library.check', {})).toEqual({ ok: true, problems: [] })
      const backup = await api.invoke('library.backup', {})
      expect(backup.bytes).toBeGreaterThan(0)
      expect(await api.invoke('library.backups', {})).toEqual([backup])
    })
  })
}
