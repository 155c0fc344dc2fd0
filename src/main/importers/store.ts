/**
 * Writing imported files into the library. Each file is one unit: its document row, tags, quote re-anchoring and
 * import_log row commit together or not at all (FTS follows by triggers). Files are written in small groups inside
 * one transaction, each file in its own savepoint (a nested better-sqlite3 transaction): one fsync per group instead
 * of per file, and a file that fails to store rolls back alone, leaving a `failed` log row. A group is bounded by a
 * time budget, so the main thread's event loop keeps turning during large imports.
 */
import { basename } from 'node:path'
import type {
  DocumentId,
  ImportFileResult,
  ImportStatus,
  Provenance,
  ProvenanceField,
  QuoteId,
  Timestamp,
} from '@shared/contract'
import type { Db } from '../db/connection'
import { tagsRepository } from '../library/tags.repository'
import { reanchorQuotes } from '../quotes/reanchor'
import { withDeferredIndex, withOwnStemPairs } from '../text/search-text'
import {
  currentMeta,
  ftsAutomerge,
  ftsMergeStep,
  importLogRows,
  importStatements,
  type Statements,
  setFtsAutomerge,
  setWalAutocheckpoint,
  walAutocheckpoint,
} from './import-store.repository'
import { GroupStemPairs } from './stem-pairs-writer'
import { cleanTags } from './tags'
import type { ExtractedFile } from './types'
import { matchUpload, uploadName } from './uploads'

/** The bibliographic fields the importer owns until a person edits them (see migration 0050). */
const META_FIELDS = [
  'title',
  'authors',
  'publishedAt',
  'source',
  'url',
  'language',
  'citationType',
  'containerTitle',
  'publisher',
  'doi',
] as const
type MetaField = (typeof META_FIELDS)[number]
type Meta = Record<MetaField, unknown>

const COLUMN: Record<MetaField, string> = {
  title: 'title',
  authors: 'authors',
  publishedAt: 'published_at',
  source: 'source',
  url: 'url',
  language: 'language',
  citationType: 'citation_type',
  containerTitle: 'container_title',
  publisher: 'publisher',
  doi: 'doi',
}

/** One file ready to be written. */
export type StoreItem = {
  path: string
  size: number
  file: ExtractedFile
  /** Tags requested for the whole batch. */
  tags: string[]
  jobId: string | null
  /** The library's folder of staged browser uploads: files under it are matched by name and text (uploads.ts). */
  incomingDir?: string
}

/** One file that will not be written (failed or skipped before or during parsing). */
export type LogOnlyItem = {
  path: string
  size: number | null
  status: Extract<ImportStatus, 'failed' | 'skipped'>
  reason: string
  format?: string | null
  jobId: string | null
}

const now = (): Timestamp => new Date().toISOString()

function metaOf(file: ExtractedFile): Meta {
  return {
    title: file.title,
    authors: JSON.stringify(file.authors),
    publishedAt: file.publishedAt,
    source: file.source,
    url: file.url,
    language: file.language,
    citationType: file.citationType,
    containerTitle: file.containerTitle,
    publisher: file.publisher,
    doi: file.doi,
  }
}

/** Tags a file brings (front matter, `--tag`): found or created once, in the tags repository. */
function linkTags(db: Db, documentId: number, names: string[]): void {
  for (const name of cleanTags(names))
    tagsRepository.link(db, documentId, tagsRepository.ensure(db, name))
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '' || v === '[]'

/**
 * Metadata for an updated document: fields still as last imported take the new values; fields a person edited
 * since (provenance `user`, or a value that differs from the last import) are kept with a `user` provenance
 * (unknown history: keep what is there, fill only blanks).
 */
function mergeMeta(
  current: Record<string, unknown>,
  previous: Meta | null,
  next: Meta,
  provenance: Provenance,
): { meta: Meta; provenance: Provenance } {
  const merged = { ...next }
  const mergedProvenance: Provenance = { ...provenance }
  const old = parseProvenance(current.provenance)
  for (const field of META_FIELDS) {
    const now = current[COLUMN[field]]
    const byUser = old[field as ProvenanceField]?.origin === 'user'
    const untouched = !byUser && previous !== null && now === previous[field]
    if (!untouched && !isEmpty(now)) {
      merged[field] = now
      if (PROVENANCE_OF[field])
        mergedProvenance[field as ProvenanceField] = old[field as ProvenanceField] ?? {
          origin: 'user',
          confidence: 1,
          detail: 'corrected before provenance was recorded',
        }
    }
  }
  return { meta: merged, provenance: mergedProvenance }
}

const PROVENANCE_OF: Partial<Record<MetaField, true>> = {
  title: true,
  authors: true,
  publishedAt: true,
  source: true,
  publisher: true,
  language: true,
  url: true,
}

function parseProvenance(json: unknown): Provenance {
  if (typeof json !== 'string') return {}
  try {
    const value: unknown = JSON.parse(json)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Provenance)
      : {}
  } catch {
    return {}
  }
}

function parseMeta(json: unknown): Meta | null {
  if (typeof json !== 'string') return null
  try {
    const value: unknown = JSON.parse(json)
    return typeof value === 'object' && value !== null ? (value as Meta) : null
  } catch {
    return null
  }
}

/**
 * The documents a write group inserted, indexed together at its end (migration 0140): one FTS5 segment per group
 * instead of one per document. Ids count once their file's savepoint is released.
 */
class GroupIndex {
  private readonly group: number[] = []
  private readonly inGroup = new Set<number>()
  private file: number[] = []

  constructor(private readonly s: Statements) {}

  inserted(id: number): void {
    this.file.push(id)
  }
  fileKept(): void {
    for (const id of this.file) {
      this.group.push(id)
      this.inGroup.add(id)
    }
    this.file = []
  }
  fileDropped(): void {
    this.file = []
  }
  /** Inserted earlier in this group and not indexed yet: its update must wait (documents_au deletes index rows). */
  pending(id: number): boolean {
    return this.inGroup.has(id)
  }
  /** Index the group's documents: inside the group's transaction, outside every file's savepoint. */
  write(): void {
    if (this.group.length > 0) this.s.indexDocuments.run(JSON.stringify(this.group))
  }
}

/** Thrown by writeOne for a file that must go into the next group (GroupIndex.pending); nothing of it is kept. */
const NEXT_GROUP = new Error('written in the next group')

/** Write one extracted file (call inside a transaction). */
function writeOne(
  db: Db,
  s: Statements,
  stems: GroupStemPairs,
  index: GroupIndex,
  item: StoreItem,
): ImportFileResult {
  const { file, path } = item
  const at = now()
  const original = recordOriginal(s, file, at)
  const duplicate = s.byHash.get(file.contentHash) as { id: DocumentId; title: string } | undefined
  if (duplicate) {
    // A document imported before originals were kept gets this file as its original.
    if (original) s.fillOriginal.run(original, duplicate.id)
    if (item.tags.length > 0) linkTags(db, duplicate.id, item.tags)
    const reason = `same text as document ${duplicate.id} ("${duplicate.title.slice(0, 80)}")`
    s.log.run(
      path,
      item.size,
      file.contentHash,
      file.format,
      'duplicate',
      reason,
      duplicate.id,
      item.jobId,
      at,
    )
    return {
      path,
      status: 'duplicate',
      documentId: duplicate.id,
      title: duplicate.title,
      format: file.format,
      error: reason,
    }
  }

  const extracted = metaOf(file)
  const common = {
    format: file.format,
    fileName: basename(path),
    contentHash: file.contentHash,
    text: file.text,
    html: file.html,
    pageStarts: file.pageStarts ? JSON.stringify(file.pageStarts) : null,
    toc: file.toc ? JSON.stringify(file.toc) : null,
    pages: file.pageMeta ? JSON.stringify(file.pageMeta) : null,
    original,
    warnings: JSON.stringify(file.warnings),
    wordCount: file.wordCount,
    now: at,
    importMeta: JSON.stringify(extracted),
    identifiers: file.identifiers.length > 0 ? JSON.stringify(file.identifiers) : null,
    fileDate: file.fileDate,
    languageSource: file.languageSource,
  }

  type Previous = Record<string, unknown> & { id: DocumentId; import_meta: unknown }
  let previous = s.byPath.get(path) as Previous | undefined
  const notes: string[] = []
  const upload = !previous && item.incomingDir ? uploadName(item.incomingDir, path) : null
  if (upload !== null && item.incomingDir) {
    // A browser upload lands under a new random batch folder each time: match it by name and text instead.
    const match = matchUpload(db, item.incomingDir, upload, file.text)
    if (match.kind === 'one') previous = s.byId.get(match.id) as Previous | undefined
    else if (match.kind === 'ambiguous') {
      notes.push(
        `"${upload}" matches documents ${match.ids.slice(0, -1).join(', ')} and ${match.ids.at(-1)} from earlier ` +
          'uploads of that name; imported as a new document instead of guessing which one to update.',
      )
    }
  }
  // A document this group inserted is not in the index yet: updating it now would delete index rows it lacks.
  if (previous && index.pending(previous.id)) throw NEXT_GROUP
  if (previous) {
    const { meta, provenance } = mergeMeta(
      previous,
      parseMeta(previous.import_meta),
      extracted,
      file.provenance,
    )
    // A language the person corrected is kept (mergeMeta), and so is its provenance.
    const languageSource = meta.language === file.language ? file.languageSource : 'edited'
    s.update.run({
      ...meta,
      ...common,
      languageSource,
      provenance: JSON.stringify(provenance),
      id: previous.id,
    })
    stems.write(meta.language, meta.title, file.text, file)
    const { unplacedQuoteIds, changedQuoteIds } = reanchorQuotes(
      db,
      previous.id,
      file.text,
      file.pageStarts,
    )
    linkTags(db, previous.id, [...file.tags, ...item.tags])
    s.log.run(
      path,
      item.size,
      file.contentHash,
      file.format,
      'updated',
      null,
      previous.id,
      item.jobId,
      at,
    )
    const result: ImportFileResult = {
      path,
      status: 'updated',
      documentId: previous.id,
      title: String(meta.title),
      format: file.format,
      warnings: file.warnings,
    }
    if (unplacedQuoteIds.length > 0) result.unplacedQuoteIds = unplacedQuoteIds as QuoteId[]
    if (changedQuoteIds.length > 0) result.sourceChangedQuoteIds = changedQuoteIds
    return result
  }

  // The same DOI in another format (PDF and HTML of one article) is the same work: imported, and said so.
  const sameWork = file.doi
    ? (s.byDoi.get(file.doi) as { id: DocumentId; title: string } | undefined)
    : undefined
  const warnings = sameWork
    ? [
        ...file.warnings,
        `same work as document ${sameWork.id} ("${sameWork.title.slice(0, 80)}"): same DOI ${file.doi}`,
      ]
    : file.warnings
  const id = Number(
    s.insert.run({
      ...extracted,
      ...common,
      warnings: JSON.stringify(warnings),
      provenance: JSON.stringify(file.provenance),
      sourcePath: path,
    }).lastInsertRowid,
  ) as DocumentId
  index.inserted(id)
  stems.write(extracted.language, extracted.title, file.text, file)
  linkTags(db, id, [...file.tags, ...item.tags])
  s.log.run(path, item.size, file.contentHash, file.format, 'imported', null, id, item.jobId, at)
  return {
    path,
    status: 'imported',
    documentId: id,
    title: file.title,
    format: file.format,
    warnings: [...warnings, ...notes],
  }
}

/** The original's row (shared by every document made from the same bytes); its sha256, or null when none was kept. */
function recordOriginal(s: Statements, file: ExtractedFile, at: Timestamp): string | null {
  const kept = file.original
  if (!kept) return null
  s.keepOriginal.run(kept.sha256, kept.ext, kept.bytes, kept.mediaType, at)
  return kept.sha256
}

/**
 * Replace a document's extracted content with a re-extraction of its stored original (documents.reextract): text,
 * display HTML, pages, outline and warnings are the new extractor's; bibliographic fields follow the same rule as a
 * re-import (a field the person corrected is kept); quotes are re-anchored by the shared re-anchoring code, which never
 * changes a quote's exact words. Call inside a transaction.
 */
export function writeReextracted(
  db: Db,
  id: DocumentId,
  file: ExtractedFile,
): Pick<ImportFileResult, 'title' | 'warnings' | 'unplacedQuoteIds' | 'sourceChangedQuoteIds'> {
  const s = importStatements(db)
  const current = currentMeta(db, id)
  if (!current) throw new Error(`document ${id} is gone`)
  const extracted = metaOf(file)
  // The same merge as a re-import: a person's corrections (provenance `user`) survive re-extraction.
  const { meta, provenance } = mergeMeta(
    current,
    parseMeta(current.import_meta),
    extracted,
    file.provenance,
  )
  const languageSource = meta.language === file.language ? file.languageSource : 'edited'
  const pageStarts = file.pageStarts ? JSON.stringify(file.pageStarts) : null
  const sameText = current.text === file.text
  const sameSearchFields =
    sameText &&
    current.title === meta.title &&
    current.authors === meta.authors &&
    current.source === meta.source
  ;(sameSearchFields ? s.updateKeepingText : s.update).run({
    ...meta,
    format: file.format,
    fileName: current.file_name ?? null,
    contentHash: file.contentHash,
    text: file.text,
    html: file.html,
    pageStarts,
    toc: file.toc ? JSON.stringify(file.toc) : null,
    pages: file.pageMeta ? JSON.stringify(file.pageMeta) : null,
    original: null,
    warnings: JSON.stringify(file.warnings),
    wordCount: file.wordCount,
    now: now(),
    importMeta: JSON.stringify(extracted),
    identifiers: file.identifiers.length > 0 ? JSON.stringify(file.identifiers) : null,
    fileDate: file.fileDate,
    languageSource,
    provenance: JSON.stringify(provenance),
    id,
  })
  const result: Pick<
    ImportFileResult,
    'title' | 'warnings' | 'unplacedQuoteIds' | 'sourceChangedQuoteIds'
  > = {
    title: String(meta.title),
    warnings: file.warnings,
  }
  // The same text on the same pages: every quote is anchored where it was, nothing to re-anchor.
  if (sameText && current.page_starts === pageStarts) return result
  // Re-anchoring never rewrites a quote's words (quotes/reanchor.ts): changed passages are marked, not replaced.
  const { unplacedQuoteIds, changedQuoteIds } = reanchorQuotes(db, id, file.text, file.pageStarts)
  if (unplacedQuoteIds.length > 0) result.unplacedQuoteIds = unplacedQuoteIds as QuoteId[]
  if (changedQuoteIds.length > 0) result.sourceChangedQuoteIds = changedQuoteIds as QuoteId[]
  return result
}

function logOnly(s: Statements, item: LogOnlyItem): ImportFileResult {
  s.log.run(
    item.path,
    item.size,
    null,
    item.format ?? null,
    item.status,
    item.reason,
    null,
    item.jobId,
    now(),
  )
  const result: ImportFileResult = { path: item.path, status: item.status, error: item.reason }
  if (item.format) result.format = item.format as ImportFileResult['format']
  return result
}

export type WriteEntry = { kind: 'store'; item: StoreItem } | { kind: 'log'; item: LogOnlyItem }

/** A file whose row could not be written: a short reason, never a raw SQLite message. */
export function storeFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'SQLITE_FULL') return 'could not be stored: the disk is full'
  if (typeof code === 'string' && code.startsWith('SQLITE_IOERR'))
    return 'could not be stored: the library file could not be written'
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
    return 'could not be stored: it conflicts with a document already in the library'
  return 'could not be stored in the library'
}

/**
 * Write entries in one transaction, each in its own savepoint, stopping after `budgetMs` or once `budgetChars` of
 * text are in it (at least one entry is always written), so one transaction never holds the event loop for long.
 * FTS5 does most of its indexing work when the transaction commits, so the text size bounds it better than time. Returns one result per entry written, in
 * order; the caller keeps the rest for the next transaction. If the transaction as a whole cannot commit (disk full),
 * every entry it held is reported failed and nothing of it is kept.
 */
export function writeGroup(
  db: Db,
  entries: WriteEntry[],
  onError?: (error: unknown) => void,
  budgetMs = Number.POSITIVE_INFINITY,
  budgetChars = Number.POSITIVE_INFINITY,
): ImportFileResult[] {
  const s = importStatements(db)
  const results: ImportFileResult[] = []
  const deadline = performance.now() + budgetMs
  let chars = 0
  const stems = new GroupStemPairs(s)
  const index = new GroupIndex(s)
  const run = db.transaction(() => {
    for (const entry of entries) {
      if (results.length > 0 && (performance.now() > deadline || chars > budgetChars)) break
      if (entry.kind === 'store') chars += entry.item.file.text.length
      if (entry.kind === 'log') {
        results.push(logOnly(s, entry.item))
        continue
      }
      try {
        results.push(db.transaction(() => writeOne(db, s, stems, index, entry.item))())
        stems.fileKept()
        index.fileKept()
      } catch (error) {
        stems.fileDropped()
        index.fileDropped()
        // Left for the caller's next group, written once this group's documents are indexed.
        if (error === NEXT_GROUP) break
        onError?.(error)
        const reason = storeFailure(error)
        results.push(
          logOnly(s, {
            path: entry.item.path,
            size: entry.item.size,
            status: 'failed',
            reason,
            format: entry.item.file.format,
            jobId: entry.item.jobId,
          }),
        )
      }
    }
    index.write()
    stems.insert()
  })
  try {
    // Stem pairs are written by `stems`, skipping those already stored, instead of by migration 0130's triggers;
    // the group's new documents are indexed by `index`, instead of one by one by migration 0140's trigger.
    withOwnStemPairs(db, () => withDeferredIndex(db, run))
    stems.committed()
    return results
  } catch (error) {
    onError?.(error)
    const reason = storeFailure(error)
    return entries
      .slice(0, Math.max(1, results.length))
      .map((e) => ({ path: e.item.path, status: 'failed' as const, error: reason }))
  }
}

/** The import log, newest first, with the title of the document each row produced. */
export function importLog(db: Db, limit: number): (ImportFileResult & { at: Timestamp })[] {
  const rows = importLogRows(db, limit)
  return rows.map((r) => {
    const entry: ImportFileResult & { at: Timestamp } = { path: r.path, status: r.status, at: r.at }
    if (r.document_id !== null) entry.documentId = r.document_id
    if (r.title !== null) entry.title = r.title
    if (r.format) entry.format = r.format as ImportFileResult['format']
    if (r.reason) entry.error = r.reason
    if ((r.status === 'imported' || r.status === 'updated') && r.warnings) {
      const warnings = JSON.parse(r.warnings) as string[]
      if (warnings.length > 0) entry.warnings = warnings
    }
    return entry
  })
}

/**
 * FTS5 merge policy during bulk imports. FTS5 writes each commit's new terms as a small segment and, by default
 * (`automerge` 4), merges segments whenever 4 of a level exist, re-writing the same postings once per level. Measured
 * on the 3,467 White House documents (45 MB, `prefix='1 2 3'`, groups of 8 files as the pipeline writes them, CPU time
 * of the writing thread, 2 runs each): automerge 4: 3.32–3.51 s; automerge 16 during the import, then back to 4 with
 * a merge pass at the end: 2.85–3.02 s (−14 %, and the index ends as compact as with 4: 14,777 vs 14,852 data rows);
 * automerge 16 without the final merge: 2.51–2.61 s, but it leaves up to 16 segments per level for searches to read,
 * so it is not kept. Also measured and rejected: larger write transactions (groups of 8 vs 200 vs 1,000 files:
 * 3.20 / 3.05 / 2.98 s CPU, and an fsync costs ~0.5 ms here, 0.2 s over a whole import, while a larger group holds
 * the main thread longer), `PRAGMA cache_size` 64 MB (no change: 3.32–3.76 s), a larger FTS5 `hashsize` (no change).
 * The setting lives in the index's config table: if a bulk import is interrupted before it restores 4, the next
 * import restores it (`finishBulkIndexing` runs after every import).
 */
const BULK_AUTOMERGE = 16
const DEFAULT_AUTOMERGE = 4
/** Pages per merge step at the end of a bulk import: one step stays well under the 50 ms event-loop budget. */
const MERGE_STEP_PAGES = 64
/** At most this many steps (~64 pages each); anything left is merged by later writes as FTS5 normally does. */
const MERGE_MAX_STEPS = 2000

/**
 * WAL pages between automatic checkpoints during a bulk import (SQLite's default is 1,000 pages, 4 MB). A checkpoint
 * copies every page the WAL holds into the database file; FTS5's segments and merges, the documents' B-tree and the
 * log rewrite the same pages commit after commit, so fewer, larger checkpoints copy each page fewer times. Measured
 * 2026-12-06 (the 3,467 White House documents written as the importer groups them, main thread, 8 pairs in one
 * process each, load 5–10): 7 of 8 pairs used less CPU with 10,000 pages (median −0.6 s of ~7.5 s), all 8 less
 * system time. Durability is unchanged: a commit is in the WAL, fsynced (synchronous FULL), before it returns; the
 * WAL just holds up to ~40 MB before it is folded back. The setting belongs to the connection, so a crash leaves
 * nothing behind; `finishBulkIndexing` restores it.
 */
const BULK_WAL_PAGES = 10_000
const walPagesBefore = new WeakMap<Db, number>()

/** Before a bulk import: let FTS5 merge segments, and SQLite checkpoint its WAL, less often while the batch is written. */
export function beginBulkIndexing(db: Db): void {
  setFtsAutomerge(db, BULK_AUTOMERGE)
  if (!walPagesBefore.has(db)) {
    walPagesBefore.set(db, walAutocheckpoint(db))
    setWalAutocheckpoint(db, BULK_WAL_PAGES)
  }
}

/**
 * After any import: restore the default merge policy if a bulk import changed it, then (unless `tidy` is false)
 * merge the segments the batch left, in small steps with `pause()` between them so the event loop keeps turning.
 */
export async function finishBulkIndexing(
  db: Db,
  pause: () => Promise<void>,
  tidy = true,
): Promise<void> {
  const walPages = walPagesBefore.get(db)
  if (walPages !== undefined) {
    walPagesBefore.delete(db)
    setWalAutocheckpoint(db, walPages)
  }
  const current = ftsAutomerge(db)
  if (current === null || current === DEFAULT_AUTOMERGE) return
  setFtsAutomerge(db, DEFAULT_AUTOMERGE)
  if (!tidy) return
  for (let step = 0; step < MERGE_MAX_STEPS; step++) {
    // FTS5's documented test for "nothing left to merge": the step changed fewer than 2 rows.
    if (ftsMergeStep(db, MERGE_STEP_PAGES) < 2) break
    await pause()
  }
}
