import type { LibraryTable } from './events'
import type { ApiMethod } from './index'

/**
 * What each API method does to the library, declared once for every transport and the renderer:
 * - `writes`: it changes the library file, so it is refused (`conflict`, reason `library_corrupt`) while the library
 *   is marked damaged. Dispatch checks this before the handler runs.
 * - `changes`: the tables it changed. Dispatch announces them (`library.changed`) after the call succeeds, and the
 *   renderer's `mutate` invalidates exactly these; reads refetch when they depend on one (READ_DEPENDENCIES).
 * Reads declare `{ writes: false, changes: [] }`. `library.restore` is the cure for a damaged library, so it is not
 * a guarded write; it announces every table itself once the new file is open.
 */
export type MethodEffects = { readonly writes: boolean; readonly changes: readonly LibraryTable[] }

const READ: MethodEffects = { writes: false, changes: [] }
const QUOTE_WRITE: MethodEffects = { writes: true, changes: ['quotes', 'tags'] }
const TAG_WRITE: MethodEffects = { writes: true, changes: ['tags', 'documents', 'quotes'] }
const DOCUMENTS_GONE: MethodEffects = {
  writes: true,
  changes: ['documents', 'quotes', 'tags', 'comparisons'],
}

export const API_EFFECTS: { readonly [M in ApiMethod]: MethodEffects } = {
  'documents.list': READ,
  'documents.get': READ,
  'documents.sources': READ,
  'documents.importLog': READ,
  // Answers with a job ticket at once; the import announces its changes itself when files are committed.
  'documents.import': { writes: true, changes: [] },
  'documents.update': { writes: true, changes: ['documents', 'quotes'] },
  'documents.updateMany': { writes: true, changes: ['documents', 'quotes', 'tags'] },
  'documents.reviewMetadata': READ,
  'documents.delete': DOCUMENTS_GONE,
  'documents.restore': DOCUMENTS_GONE,
  'documents.original': READ,
  'documents.pages': READ,
  'documents.outline': READ,
  // A job like documents.import: it announces documents and quotes itself when re-extracted documents are committed.
  'documents.reextract': { writes: true, changes: [] },
  'tags.list': READ,
  'tags.addToDocuments': { writes: true, changes: ['tags', 'documents'] },
  'tags.removeFromDocuments': { writes: true, changes: ['tags', 'documents'] },
  'tags.rename': TAG_WRITE,
  'tags.merge': TAG_WRITE,
  'tags.setColor': TAG_WRITE,
  'tags.delete': TAG_WRITE,
  'quotes.get': READ,
  'quotes.list': READ,
  'quotes.colors': READ,
  'quotes.create': QUOTE_WRITE,
  'quotes.update': QUOTE_WRITE,
  // A deleted quote leaves its comparison slots marked missing; undo fills them again.
  'quotes.delete': { writes: true, changes: ['quotes', 'tags', 'comparisons'] },
  'quotes.restore': { writes: true, changes: ['quotes', 'tags', 'comparisons'] },
  // The quote's words change; a comparison showing it must show the new words.
  'quotes.acceptSourceWording': { writes: true, changes: ['quotes', 'comparisons'] },
  'quotes.setColorLabel': { writes: true, changes: ['quotes'] },
  'search.query': READ,
  'search.inDocument': READ,
  'searches.list': READ,
  'searches.save': { writes: true, changes: ['searches'] },
  'searches.delete': { writes: true, changes: ['searches'] },
  'export.render': READ,
  'export.cite': READ,
  // Writes a file the caller chose, not the library: allowed on a damaged library (rescuing quotes is the point).
  'export.save': READ,
  'compare.quotes': READ,
  'compare.similar': READ,
  'comparisons.list': READ,
  'comparisons.save': { writes: true, changes: ['comparisons'] },
  'comparisons.delete': { writes: true, changes: ['comparisons'] },
  'library.info': READ,
  'library.check': READ,
  // A backup reads the library; it refuses a damaged one itself with a clearer reason.
  'library.backup': READ,
  'library.backups': READ,
  'library.restore': READ,
  'jobs.cancel': READ,
  'jobs.wait': READ,
  'jobs.list': READ,
  'palette.entries': READ,
}

/**
 * Which tables each read depends on: a `library.changed` for any of them makes its cached answer stale. Reads not
 * listed depend on everything (the safe default). A write's `changes` must meet the dependencies of every read it
 * can change (tests/integration/api/effects.test.ts checks this against a real library).
 */
export const READ_DEPENDENCIES: { readonly [M in ApiMethod]?: readonly LibraryTable[] } = {
  'documents.list': ['documents', 'tags', 'quotes'],
  'documents.reviewMetadata': ['documents'],
  'documents.get': ['documents', 'tags', 'quotes'],
  'documents.sources': ['documents'],
  'documents.importLog': ['documents'],
  'tags.list': ['tags', 'documents', 'quotes'],
  'quotes.list': ['quotes', 'tags', 'documents'],
  'quotes.get': ['quotes', 'tags', 'documents'],
  'quotes.colors': ['quotes'],
  'search.query': ['documents', 'tags', 'quotes'],
  'search.inDocument': ['documents'],
  'searches.list': ['searches', 'documents', 'tags', 'quotes'],
  'comparisons.list': ['comparisons'],
  'compare.quotes': ['quotes', 'documents'],
  'compare.similar': ['quotes', 'documents'],
  'export.render': ['quotes', 'documents', 'tags', 'comparisons'],
  'export.cite': ['quotes', 'documents'],
}

/** Tables a successful call of `method` makes stale (empty for reads). */
export const changesOf = (method: ApiMethod): readonly LibraryTable[] => API_EFFECTS[method].changes
