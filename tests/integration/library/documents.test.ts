import type { DocumentId, LibraryTable } from '@shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiCallError, call } from '../../../src/main/api/dispatch'
import { tempBackend } from '../../support/temp-library'
import { insertDocument } from './seed'

type TestBackend = ReturnType<typeof tempBackend>
let backend: TestBackend

beforeEach(() => {
  backend = tempBackend()
})
afterEach(async () => {
  await backend.dispose()
})

const db = () => backend.context.db

async function failure(promise: Promise<unknown>): Promise<ApiCallError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiCallError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

function seedLibrary(): {
  kenya: DocumentId
  budget: DocumentId
  speech: DocumentId
  undated: DocumentId
} {
  const ids = {
    kenya: insertDocument(db(), {
      title: 'China and Kenya agree to strengthen ties',
      authors: ['Wang Li'],
      publishedAt: '2025-04-24',
      source: 'Xinhua',
      language: 'en',
      wordCount: 420,
      importedAt: '2025-05-01T10:00:00.000Z',
    }),
    budget: insertDocument(db(), {
      title: 'budget talks resume',
      authors: ['Ada Brown', 'Zoe Clark'],
      publishedAt: '2024-11',
      source: 'Reuters',
      wordCount: 90,
      importedAt: '2025-05-02T10:00:00.000Z',
    }),
    speech: insertDocument(db(), {
      title: 'Remarks by the President on the Economy',
      authors: [],
      publishedAt: '2014',
      source: 'whitehouse.gov',
      wordCount: 3000,
      importedAt: '2025-05-03T10:00:00.000Z',
    }),
    undated: insertDocument(db(), {
      title: 'An undated note',
      source: 'xinhua',
      wordCount: 12,
      importedAt: '2025-05-04T10:00:00.000Z',
    }),
  }
  return ids
}

describe('documents.list', () => {
  it('sorts by every key in both directions, with a stable tie-break', async () => {
    const ids = seedLibrary()
    const titles = async (sort: string, order: 'asc' | 'desc') =>
      (
        await call(backend.context, 'documents.list', {
          sort: sort as 'title',
          order,
        })
      ).documents.map((d) => d.id)

    // Titles compare case-insensitively: "budget…" sorts between "An…" and "China…".
    expect(await titles('title', 'asc')).toEqual([ids.undated, ids.budget, ids.kenya, ids.speech])
    expect(await titles('title', 'desc')).toEqual([ids.speech, ids.kenya, ids.budget, ids.undated])
    expect(await titles('wordCount', 'asc')).toEqual([
      ids.undated,
      ids.budget,
      ids.kenya,
      ids.speech,
    ])
    expect(await titles('importedAt', 'desc')).toEqual([
      ids.undated,
      ids.speech,
      ids.budget,
      ids.kenya,
    ])
    // Undated documents sort last in both directions.
    expect(await titles('publishedAt', 'asc')).toEqual([
      ids.speech,
      ids.budget,
      ids.kenya,
      ids.undated,
    ])
    expect(await titles('publishedAt', 'desc')).toEqual([
      ids.kenya,
      ids.budget,
      ids.speech,
      ids.undated,
    ])
    expect(await titles('source', 'asc')).toEqual([ids.budget, ids.speech, ids.kenya, ids.undated])
    // Authors sort by the first name; documents without authors come last ascending.
    expect(await titles('authors', 'asc')).toEqual([ids.budget, ids.kenya, ids.speech, ids.undated])
  })

  it('defaults to newest imports first and returns summary fields only', async () => {
    const ids = seedLibrary()
    const result = await call(backend.context, 'documents.list', {})
    expect(result.total).toBe(4)
    expect(result.documents[0]?.id).toBe(ids.undated)
    const kenya = result.documents.find((d) => d.id === ids.kenya)
    expect(kenya).toEqual({
      id: ids.kenya,
      title: 'China and Kenya agree to strengthen ties',
      authors: ['Wang Li'],
      publishedAt: '2025-04-24',
      source: 'Xinhua',
      format: 'txt',
      // Shown beside the title: rows that share a title are told apart by format and language.
      language: 'en',
      wordCount: 420,
      tags: [],
      quoteCount: 0,
      importedAt: '2025-05-01T10:00:00.000Z',
    })
    expect(kenya).not.toHaveProperty('text')
  })

  it('pages with offset and limit while total counts every match', async () => {
    for (let i = 0; i < 25; i++)
      insertDocument(db(), { title: `Doc ${String(i).padStart(2, '0')}` })
    const page = await call(backend.context, 'documents.list', {
      sort: 'title',
      order: 'asc',
      offset: 10,
      limit: 5,
    })
    expect(page.total).toBe(25)
    expect(page.documents.map((d) => d.title)).toEqual([
      'Doc 10',
      'Doc 11',
      'Doc 12',
      'Doc 13',
      'Doc 14',
    ])
    const beyond = await call(backend.context, 'documents.list', { offset: 100 })
    expect(beyond).toEqual({ total: 25, documents: [] })
  })

  it('filters by source (any letter case) and by inclusive partial-date bounds', async () => {
    const ids = seedLibrary()
    const ids_ = async (args: Parameters<typeof listArgs>[0]) =>
      (await call(backend.context, 'documents.list', listArgs(args))).documents
        .map((d) => d.id)
        .sort((a, b) => a - b)
    const listArgs = (a: { source?: string; after?: string; before?: string }) => ({
      ...a,
      sort: 'title' as const,
    })
    expect(await ids_({ source: 'xinhua' })).toEqual([ids.kenya, ids.undated].sort((a, b) => a - b))
    expect(await ids_({ after: '2025' })).toEqual([ids.kenya])
    expect(await ids_({ before: '2024-11' })).toEqual([ids.budget, ids.speech])
    expect(await ids_({ after: '2024-11', before: '2025-04-24' })).toEqual([ids.kenya, ids.budget])
    expect(await ids_({ before: '2014' })).toEqual([ids.speech])
  })

  it('filters by tags: a document must carry every one, names in any case', async () => {
    const ids = seedLibrary()
    await call(backend.context, 'tags.addToDocuments', {
      documentIds: [ids.kenya, ids.budget],
      names: ['Africa'],
    })
    await call(backend.context, 'tags.addToDocuments', {
      documentIds: [ids.kenya],
      names: ['Trade'],
    })
    const one = await call(backend.context, 'documents.list', { tags: ['africa'] })
    expect(one.total).toBe(2)
    const both = await call(backend.context, 'documents.list', { tags: ['AFRICA', 'trade'] })
    expect(both.documents.map((d) => d.id)).toEqual([ids.kenya])
    expect(both.documents[0]?.tags.map((t) => t.name)).toEqual(['Africa', 'Trade'])
    const none = await call(backend.context, 'documents.list', { tags: ['no such tag'] })
    expect(none).toEqual({ total: 0, documents: [] })
  })

  it('walks an index for every sort key instead of sorting the table', () => {
    const keys = {
      title: 'd.title COLLATE NOCASE',
      authors: 'd.authors COLLATE NOCASE',
      publishedAt: 'd.published_at',
      source: 'd.source COLLATE NOCASE',
      wordCount: 'd.word_count',
      importedAt: 'd.imported_at',
    }
    for (const [key, expression] of Object.entries(keys)) {
      for (const direction of ['ASC', 'DESC']) {
        // Date ascending puts undated documents last (documents.repository.ts sortExpression).
        const ordered =
          key === 'publishedAt' && direction === 'ASC'
            ? 'd.published_at IS NULL, d.published_at'
            : expression
        const plan = db()
          .prepare(
            `EXPLAIN QUERY PLAN SELECT d.id FROM documents d ORDER BY ${ordered} ${direction}, d.id ${direction} LIMIT 100 OFFSET 0`,
          )
          .all() as { detail: string }[]
        const details = plan.map((p) => p.detail).join(' | ')
        expect(details, `${key} ${direction}`).toMatch(/USING (COVERING )?INDEX documents_by_/)
        expect(details, `${key} ${direction}`).not.toMatch(/TEMP B-TREE/)
      }
    }
  })
})

describe('documents.get', () => {
  it('returns the full detail with tags and quote count', async () => {
    const id = insertDocument(db(), {
      title: 'A detailed document',
      text: 'First paragraph.\n\nSecond paragraph.',
      authors: ['A. Writer'],
      publishedAt: '2020-02-02',
      source: 'Gazette',
    })
    await call(backend.context, 'tags.addToDocuments', { documentIds: [id], names: ['kept'] })
    const detail = await call(backend.context, 'documents.get', { id })
    expect(detail).toMatchObject({
      id,
      title: 'A detailed document',
      text: 'First paragraph.\n\nSecond paragraph.',
      authors: ['A. Writer'],
      publishedAt: '2020-02-02',
      source: 'Gazette',
      url: null,
      citationType: 'document',
      html: null,
      pageStarts: null,
      toc: null,
      warnings: [],
      quoteCount: 0,
    })
    expect(detail.tags.map((t) => t.name)).toEqual(['kept'])
    expect(detail.contentHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('answers not_found for an unknown id and invalid_args for a bad one', async () => {
    expect(
      (await failure(call(backend.context, 'documents.get', { id: 999 as DocumentId }))).code,
    ).toBe('not_found')
    const envelope = await backend.dispatch('documents.get', { id: 'one' })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
  })
})

describe('documents.update', () => {
  it('changes only the given fields, and search follows the new title', async () => {
    const id = insertDocument(db(), { title: 'Old headline', source: 'Herald', authors: ['X'] })
    const events: LibraryTable[][] = []
    backend.on('library.changed', ({ tables }) => events.push(tables))
    const detail = await call(backend.context, 'documents.update', {
      id,
      patch: {
        title: '  Renamed zebra headline ',
        publishedAt: '2021-03',
        url: 'https://example.org/a',
      },
    })
    expect(detail.title).toBe('Renamed zebra headline')
    expect(detail.publishedAt).toBe('2021-03')
    expect(detail.url).toBe('https://example.org/a')
    expect(detail.source).toBe('Herald')
    expect(detail.authors).toEqual(['X'])
    expect(events.flat()).toContain('documents')
    const match = (q: string) =>
      db()
        .prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?')
        .all(q) as unknown[]
    expect(match('title:zebra')).toHaveLength(1)
    expect(match('title:old')).toHaveLength(0)
    const cleared = await call(backend.context, 'documents.update', { id, patch: { source: '' } })
    expect(cleared.source).toBeNull()
  })

  it('refuses bad metadata with a clear invalid_args message', async () => {
    const id = insertDocument(db(), { title: 'Doc' })
    const bad = [
      { title: '   ' },
      { publishedAt: '24/04/2025' },
      { url: 'javascript:alert(1)' },
      { citationType: 'poem' },
      { authors: 'Ada' },
      { colour: 'red' },
    ]
    for (const patch of bad) {
      const envelope = await backend.dispatch('documents.update', { id, patch })
      expect(envelope, JSON.stringify(patch)).toMatchObject({
        ok: false,
        error: { code: 'invalid_args' },
      })
    }
    expect((await call(backend.context, 'documents.get', { id })).title).toBe('Doc')
  })
})

describe('documents.sources', () => {
  it('lists distinct sources with counts, most documents first', async () => {
    seedLibrary()
    insertDocument(db(), { title: 'Another', source: 'Xinhua' })
    const sources = await call(backend.context, 'documents.sources', {})
    expect(sources[0]).toEqual({ source: 'Xinhua', count: 3 })
    expect(sources.map((s) => s.source).sort()).toEqual(['Reuters', 'Xinhua', 'whitehouse.gov'])
  })
})
