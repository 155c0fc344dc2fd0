/**
 * Every method of the handler table under hostile arguments (issue 7 §4, SECURITY.md §7 item 10): wrong types,
 * missing fields, 10 MB strings, `__proto__` keys and path-traversal strings. Each call must answer with an
 * envelope — success, `invalid_args` or another domain error, never `internal`, never a throw — the backend must
 * keep answering, `Object.prototype` must stay clean, and no file may appear outside the library folder.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { ApiMethod, ArgsOf, DocumentId, JobId, QuoteId, TagId } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handlers } from '../../../src/main/api/handlers'
import { tempBackend, tempDir } from '../../support/temp-library'
import { insertDocument, insertQuote } from '../library/seed'

const SENTINEL = `lectern-fuzz-${process.pid}-${Date.now()}`
const BIG = 'x'.repeat(10 * 1024 * 1024)

let root: { dir: string; cleanup: () => void }
let backend: ReturnType<typeof tempBackend>
let libraryDir: string
let outside: string

/** One schema-valid argument per method: the starting point for mutations. Compile-time complete. */
function baseArgs(): { [M in ApiMethod]: ArgsOf<M> } {
  const doc = 1 as DocumentId
  const quote = 1 as QuoteId
  const tag = 1 as TagId
  return {
    'documents.import': { paths: [join(outside, `${SENTINEL}.txt`)] },
    'documents.list': { limit: 5 },
    'documents.get': { id: doc },
    'documents.update': { id: doc, patch: { title: 'Fuzzed title' } },
    'documents.reviewMetadata': {},
    'documents.updateMany': { ids: [doc], patch: { source: 'Fuzzed source' } },
    'documents.delete': { ids: [999_999 as DocumentId] },
    'documents.restore': { undoToken: 'no-such-token' },
    'documents.sources': {},
    'documents.importLog': { limit: 5 },
    'documents.original': { id: doc },
    'documents.pages': { id: doc },
    'documents.outline': { id: doc },
    'documents.reextract': { ids: [doc] },
    'tags.list': {},
    'tags.addToDocuments': { documentIds: [doc], names: ['fuzz'] },
    'tags.removeFromDocuments': { documentIds: [doc], names: ['fuzz'] },
    'tags.rename': { id: tag, name: 'renamed' },
    'tags.merge': { from: [2 as TagId], into: tag },
    'tags.setColor': { id: tag, color: '#123456' },
    'tags.delete': { id: 999 as TagId },
    'quotes.create': { documentId: doc, text: 'fuzz sentence' },
    'quotes.get': { id: quote },
    'quotes.acceptSourceWording': { id: quote },
    'quotes.list': { limit: 5 },
    'quotes.update': { id: quote, note: 'fuzzed' },
    'quotes.delete': { ids: [999_999 as QuoteId] },
    'quotes.restore': { undoToken: 'no-such-token' },
    'quotes.colors': {},
    'quotes.setColorLabel': { color: 'yellow', label: 'Important' },
    'search.query': { query: 'fuzz' },
    'search.inDocument': { documentId: doc, query: 'fuzz' },
    'searches.list': {},
    'searches.save': { name: 'fuzz search', query: 'fuzz' },
    'searches.delete': { id: 999 },
    'export.render': { selection: { all: true }, format: 'md' },
    'export.save': {
      selection: { all: true },
      format: 'md',
      path: join(libraryDir, 'exports', `${SENTINEL}-allowed.md`),
    },
    'export.cite': { quoteId: quote, style: 'apa' },
    'compare.quotes': { quoteIds: [quote, 2 as QuoteId] },
    'compare.similar': { quoteId: quote },
    'comparisons.list': {},
    'comparisons.save': { name: 'fuzz set', quoteIds: [quote, 2 as QuoteId] },
    'comparisons.delete': { id: 999 },
    'library.info': {},
    'library.check': {},
    'library.backup': {},
    'library.backups': {},
    'library.restore': { file: `${SENTINEL}.sqlite` },
    'jobs.cancel': { jobId: 'no-such-job' as JobId },
    'jobs.wait': { jobId: 'no-such-job' as JobId },
    'jobs.list': {},
    'palette.entries': {},
  }
}

/** Path-traversal and otherwise hostile path strings aimed at the folder next to the library. */
function traversals(): string[] {
  return [
    `../outside/${SENTINEL}.md`,
    `../../../../../../tmp/${SENTINEL}.md`,
    join(libraryDir, '..', 'outside', `${SENTINEL}.md`),
    join(libraryDir, 'exports', '..', '..', 'outside', `${SENTINEL}.md`),
    `${libraryDir}/exports/%2e%2e/%2e%2e/outside/${SENTINEL}.md`,
    `..\\..\\outside\\${SENTINEL}.md`,
    `/etc/passwd`,
    `file:///etc/passwd`,
    `\\\\evil-host\\share\\${SENTINEL}.md`,
    `${libraryDir}/exports/${SENTINEL}\u0000.md`,
  ]
}

const proto = (): unknown =>
  JSON.parse(
    '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}',
  )

/** Values that are wrong for most fields. */
function hostileValues(): unknown[] {
  return [
    null,
    -1,
    0,
    1.5,
    2 ** 62,
    'not-a-number',
    '',
    true,
    [],
    [null],
    {},
    proto(),
    BIG,
    [BIG],
    ...traversals(),
    traversals(),
  ]
}

/** Whole-argument shapes that no method accepts as they are (or accepts harmlessly). */
function hostileArguments(base: Record<string, unknown>): unknown[] {
  return [
    undefined,
    null,
    42,
    'string',
    [],
    [base],
    true,
    proto(),
    { ...base, ...(proto() as object) },
    { ...base, unexpected: 'field' },
  ]
}

/** Files under `dir` (recursively), skipping the library folder itself. */
function filesOutsideLibrary(dir: string): string[] {
  const found: string[] = []
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name)
      if (full === libraryDir) continue
      if (entry.isDirectory()) walk(full)
      else found.push(relative(dir, full))
    }
  }
  walk(dir)
  return found.sort()
}

beforeAll(() => {
  root = tempDir('lectern-fuzz-')
  libraryDir = join(root.dir, 'library')
  outside = join(root.dir, 'outside')
  mkdirSync(outside)
  writeFileSync(join(outside, 'existing.txt'), 'A file the library must never touch.\n')
  backend = tempBackend({
    libraryDir,
    importRoots: [join(libraryDir, 'incoming')],
    exportRoots: [join(libraryDir, 'exports')],
  })
  const db = backend.context.db
  const first = insertDocument(db, {
    title: 'Fuzz target',
    text: 'A fuzz sentence lives here. Another fuzz sentence follows it.',
  })
  insertDocument(db, { title: 'Second target', text: 'Second document with a fuzz sentence.' })
  insertQuote(db, first, 'A fuzz sentence lives here.')
  insertQuote(db, first, 'Another fuzz sentence follows it.')
  db.prepare("INSERT INTO tags (name) VALUES ('one'), ('two')").run()
})

afterAll(async () => {
  await backend.dispose()
  root.cleanup()
})

describe('fuzzing every API method', () => {
  const methods = Object.keys(handlers) as ApiMethod[]

  it('covers every method in the handler table', () => {
    expect(methods.sort()).toEqual(Object.keys(baseArgs()).sort())
  })

  it.each(methods)('%s answers every hostile argument with an envelope', async (method) => {
    const base = baseArgs()[method] as Record<string, unknown>
    const cases: unknown[] = [...hostileArguments(base)]
    for (const field of Object.keys(base)) {
      for (const value of hostileValues()) cases.push({ ...base, [field]: value })
      const { [field]: _dropped, ...missing } = base
      cases.push(missing)
    }
    const unexpected: string[] = []
    for (const args of cases) {
      const envelope = await backend.dispatch(method, args)
      expect(envelope).toBeTypeOf('object')
      if (!envelope.ok && envelope.error.code === 'internal') {
        unexpected.push(`${JSON.stringify(args)?.slice(0, 120)} → ${envelope.error.message}`)
      }
      if (!envelope.ok) {
        expect(envelope.error.message.length).toBeLessThan(1000)
        expect(envelope.error.message).not.toMatch(/SQLITE_|at .*\.ts:\d+|\n\s+at /)
      }
    }
    expect(unexpected, `${method} answered "internal" for hostile input`).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // Still answering.
    const info = await backend.dispatch('library.info', {})
    expect(info.ok).toBe(true)
  })

  it('wrote nothing outside the library folder', async () => {
    await backend.context.jobs.stopAll()
    expect(filesOutsideLibrary(root.dir)).toEqual(['outside/existing.txt'])
    expect(readdirSync(tmpdir()).filter((f) => f.includes(SENTINEL))).toEqual([])
    expect(readdirSync(process.cwd()).filter((f) => f.includes(SENTINEL))).toEqual([])
    const check = await backend.dispatch('library.check', {})
    expect(check).toEqual({ ok: true, value: { ok: true, problems: [] } })
  })
})
