/**
 * The documents service: library lists, the reader's detail, metadata edits and delete with undo. Owns the
 * transactions; SQL lives in documents.repository.ts and trash.ts.
 */
import type {
  DocumentDetail,
  DocumentId,
  DocumentListArgs,
  DocumentMetadata,
  DocumentSummary,
} from '@shared/contract'
import { notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { toDetail, toSummary } from './document-rows'
import { documentsRepository as repo } from './documents.repository'
import { restoreDocuments, trashDocuments } from './trash'

export const DEFAULT_PAGE_SIZE = 100

/** Filtered, sorted, paged summaries plus the number of matching documents. */
export function listDocuments(
  db: Db,
  args: DocumentListArgs,
): { total: number; documents: DocumentSummary[] } {
  const filter = { tags: args.tags, source: args.source, after: args.after, before: args.before }
  const sort = args.sort ?? 'importedAt'
  const order = args.order ?? (sort === 'importedAt' || sort === 'publishedAt' ? 'desc' : 'asc')
  return db.transaction(() => {
    // One read transaction: the count and the page see the same snapshot.
    const total = repo.count(db, filter)
    const ids = repo.pageIds(
      db,
      filter,
      sort,
      order,
      args.offset ?? 0,
      args.limit ?? DEFAULT_PAGE_SIZE,
    )
    return { total, documents: summariesInOrder(db, ids) }
  })()
}

/** Summaries of the given documents, in the given order (unknown ids are left out). */
export function summariesInOrder(db: Db, ids: readonly DocumentId[]): DocumentSummary[] {
  const rows = new Map(repo.summaries(db, ids).map((r) => [r.id, r]))
  const tags = repo.tagsOf(db, ids)
  const quoteCounts = repo.quoteCounts(db, ids)
  return ids.flatMap((id) => {
    const row = rows.get(id)
    return row ? [toSummary(row, tags.get(id) ?? [], quoteCounts.get(id) ?? 0)] : []
  })
}

export function getDocument(db: Db, id: DocumentId): DocumentDetail {
  const row = repo.getRow(db, id)
  if (!row) throw notFound('document', id)
  return toDetail(row, repo.tagsOf(db, [id]).get(id) ?? [], repo.quoteCounts(db, [id]).get(id) ?? 0)
}

export function updateDocument(
  db: Db,
  id: DocumentId,
  patch: Partial<DocumentMetadata>,
  now = new Date().toISOString(),
): DocumentDetail {
  return db.transaction(() => {
    if (!repo.getRow(db, id)) throw notFound('document', id)
    repo.updateMetadata(db, id, patch, now)
    return getDocument(db, id)
  })()
}

/** Delete documents with their quotes; unknown ids are ignored (a repeated click deletes nothing twice). */
export function deleteDocuments(
  db: Db,
  ids: readonly DocumentId[],
  now = new Date().toISOString(),
): { deleted: number; undoToken: string } {
  return trashDocuments(db, ids, now)
}

export function restoreDeletedDocuments(db: Db, undoToken: string): { restored: number } {
  const outcome = restoreDocuments(db, undoToken)
  if (!outcome.found) {
    throw notFound(
      'deleted documents to restore',
      `"${undoToken.slice(0, 60)}" (already restored or expired)`,
    )
  }
  return { restored: outcome.restored }
}

export function listSources(db: Db): { source: string; count: number }[] {
  return repo.sources(db)
}
