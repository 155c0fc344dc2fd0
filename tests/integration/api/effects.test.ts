/**
 * Method effects are data (src/shared/contract/effects.ts) and dispatch enforces them: every declared write is
 * refused on a damaged library with the `library_corrupt` reason, and every write announces a table of each read it
 * changed. Both failed before effects moved out of the handlers: quote and comparison writes carried no reason, and
 * quotes.setColorLabel changed quotes.colors without announcing anything.
 */
import type { ApiMethod, LibraryTable } from '@shared/contract'
import { API_EFFECTS, READ_DEPENDENCIES } from '@shared/contract/effects'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/compose/create-backend'
import {
  addDocuments,
  openBackend,
  overwritePages,
  pageCount,
  populatedLibrary,
  tempLibraries,
} from '../db/library-files'
import { insertDocument } from '../library/seed'

const { library, cleanups } = tempLibraries()

const WRITES = (Object.keys(API_EFFECTS) as ApiMethod[]).filter((m) => API_EFFECTS[m].writes)

/** Arguments that pass validation for every write (what they point at need not exist: the guard comes first). */
const WRITE_ARGS: Record<string, unknown> = {
  'documents.import': { paths: ['/nonexistent/file.txt'] },
  'documents.reextract': { all: true },
  'documents.update': { id: 1, patch: { title: 'New title' } },
  'documents.updateMany': { ids: [1], patch: { source: 'New source' } },
  'documents.delete': { ids: [1] },
  'documents.restore': { undoToken: 'token' },
  'tags.addToDocuments': { documentIds: [1], names: ['x'] },
  'tags.removeFromDocuments': { documentIds: [1], names: ['x'] },
  'tags.rename': { id: 1, name: 'y' },
  'tags.merge': { from: [1], into: 2 },
  'tags.setColor': { id: 1, color: 'teal' },
  'tags.delete': { id: 1 },
  'quotes.create': { documentId: 1, text: 'Document', tags: ['q'] },
  'quotes.update': { id: 1, note: 'note' },
  'quotes.delete': { ids: [1] },
  'quotes.restore': { undoToken: 'token' },
  'quotes.acceptSourceWording': { id: 1 },
  'quotes.setColorLabel': { color: 'yellow', label: 'Key' },
  'searches.save': { name: 'Saved', query: 'document' },
  'searches.delete': { id: 1 },
  'comparisons.save': { name: 'Set', quoteIds: [1, 2] },
  'comparisons.delete': { id: 1 },
}

describe('declared writes are refused on a damaged library', () => {
  it('has sample arguments for every declared write', () => {
    expect(WRITES.filter((m) => !(m in WRITE_ARGS))).toEqual([])
  })

  it('refuses each write with conflict and reason library_corrupt, and still answers reads', async () => {
    const dir = library()
    const file = await populatedLibrary(dir, 150)
    const middle = Math.floor(pageCount(file) / 2)
    overwritePages(file, [middle, middle + 1, middle + 2, 2])
    const backend = openBackend(dir)
    cleanups.push(() => backend.close())
    expect(backend.context.corrupt).not.toBeNull()
    for (const method of WRITES) {
      const answer = await backend.dispatch(method, WRITE_ARGS[method])
      expect({ method, answer }).toMatchObject({
        method,
        answer: { ok: false, error: { code: 'conflict', details: { reason: 'library_corrupt' } } },
      })
    }
    expect(await backend.dispatch('quotes.colors', {})).toMatchObject({ ok: true })
  })
})

/** Reads a cached view may hold, each with the tables it depends on (from the contract). */
const READS: [ApiMethod, unknown][] = [
  ['documents.list', {}],
  ['documents.sources', {}],
  ['documents.get', { id: 1 }],
  ['tags.list', {}],
  ['quotes.list', {}],
  ['quotes.colors', {}],
  ['searches.list', {}],
  ['comparisons.list', {}],
  ['search.query', { query: 'kenya' }],
]

async function snapshot(backend: Backend): Promise<Map<ApiMethod, string>> {
  const out = new Map<ApiMethod, string>()
  for (const [method, args] of READS) {
    // Timings differ from call to call; everything else is the read's answer.
    const answer = await backend.dispatch(method, args)
    out.set(
      method,
      JSON.stringify(answer, (key, v: unknown) => (key === 'tookMs' ? 0 : v)),
    )
  }
  return out
}

describe('a write announces every table whose reads it changed', () => {
  it('holds for a session of quote, tag, search, comparison and document writes', async () => {
    const backend = openBackend(library())
    cleanups.push(() => backend.close())
    const db = backend.context.db
    const first = insertDocument(db, {
      title: 'Railway summit',
      text: 'China and Kenya agreed on Thursday to strengthen their ties. The railway opens next year.',
      source: 'State House',
    })
    insertDocument(db, { title: 'Other', text: 'China and Kenya agreed to talk again.' })
    addDocuments(backend, 2, 10)
    const announced: LibraryTable[][] = []
    backend.on('library.changed', ({ tables }) => announced.push(tables))

    const value = async (method: ApiMethod, args: unknown): Promise<Record<string, unknown>> => {
      const before = await snapshot(backend)
      announced.length = 0
      const answer = await backend.dispatch(method, args)
      expect({ method, answer }).toMatchObject({ method, answer: { ok: true } })
      const after = await snapshot(backend)
      const said = new Set(announced.flat())
      expect(announced.flat().sort(), `${method} announces what it declares`).toEqual(
        [...API_EFFECTS[method].changes].sort(),
      )
      const changed = READS.map(([read]) => read).filter((r) => after.get(r) !== before.get(r))
      // A read whose answer changed must hear about it: one of its tables is announced.
      const missed = changed.filter((r) => !(READ_DEPENDENCIES[r] ?? []).some((t) => said.has(t)))
      expect({ method, missed }).toEqual({ method, missed: [] })
      expect(changed.length, `${method} changed something`).toBeGreaterThan(0)
      return (answer as { value: Record<string, unknown> }).value
    }

    const quote = await value('quotes.create', {
      documentId: first,
      text: 'agreed on Thursday',
      tags: ['kenya'],
    })
    const second = await value('quotes.create', { documentId: first, text: 'The railway opens' })
    await value('quotes.update', { id: quote.id, note: 'Key sentence', tags: ['kenya', 'rail'] })
    await value('quotes.setColorLabel', { color: 'green', label: 'Primary source' })
    await value('tags.addToDocuments', { documentIds: [first], names: ['summit'] })
    await value('searches.save', { name: 'Kenya', query: 'kenya' })
    const set = await value('comparisons.save', { name: 'Pair', quoteIds: [quote.id, second.id] })
    const removed = await value('quotes.delete', { ids: [second.id] })
    await value('quotes.restore', { undoToken: removed.undoToken })
    await value('comparisons.delete', { id: set.id })
    await value('documents.update', { id: first, patch: { source: 'Xinhua' } })
    await value('tags.rename', { id: (await tagId(backend, 'summit')) ?? 0, name: 'Summit 2025' })
    const gone = await value('documents.delete', { ids: [first] })
    await value('documents.restore', { undoToken: gone.undoToken })
  })
})

async function tagId(backend: Backend, name: string): Promise<number | undefined> {
  const answer = (await backend.dispatch('tags.list', {})) as {
    ok: true
    value: { id: number; name: string }[]
  }
  return answer.value.find((t) => t.name === name)?.id
}
