/**
 * The tags service: counts for the sidebar, bulk tag/untag, rename, merge, colour and delete. Each operation is one
 * transaction. Names compare case-insensitively everywhere ("Kenya" and "kenya" are one tag).
 */
import type { DocumentId, TagId, TagWithCounts } from '@shared/contract'
import { conflict, invalidArgs, notFound } from '../core/errors'
import type { Db } from '../db/connection'
import { documentsRepository } from './documents.repository'
import { tagsRepository as repo } from './tags.repository'

export function listTags(db: Db): TagWithCounts[] {
  return repo.listWithCounts(db)
}

function requireDocuments(db: Db, documentIds: readonly DocumentId[]): void {
  const existing = documentsRepository.existingIds(db, documentIds)
  const missing = documentIds.find((id) => !existing.has(id))
  if (missing !== undefined) throw notFound('document', missing)
}

/** Distinct names, keeping the first spelling of each case-insensitive duplicate. */
function distinctNames(names: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const name of names) if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name)
  return [...seen.values()]
}

/** Tag documents by name, creating missing tags. Returns how many new document↔tag links were made. */
export function addTagsToDocuments(
  db: Db,
  documentIds: readonly DocumentId[],
  names: readonly string[],
): { changed: number } {
  return db.transaction(() => {
    requireDocuments(db, documentIds)
    let changed = 0
    for (const name of distinctNames(names)) {
      const tagId = repo.ensure(db, name)
      for (const documentId of new Set(documentIds)) if (repo.link(db, documentId, tagId)) changed++
    }
    return { changed }
  })()
}

/** Untag documents by name; names that are no tag change nothing. Returns how many links were removed. */
export function removeTagsFromDocuments(
  db: Db,
  documentIds: readonly DocumentId[],
  names: readonly string[],
): { changed: number } {
  return db.transaction(() => {
    requireDocuments(db, documentIds)
    let changed = 0
    for (const name of distinctNames(names)) {
      const tag = repo.findByName(db, name)
      if (!tag) continue
      for (const documentId of new Set(documentIds))
        if (repo.unlink(db, documentId, tag.id)) changed++
    }
    return { changed }
  })()
}

function requireTag(db: Db, id: TagId): TagWithCounts {
  const tag = repo.getWithCounts(db, id)
  if (!tag) throw notFound('tag', id)
  return tag
}

/** Rename a tag. Another tag already having the name (in any letter case) is a conflict: merge instead. */
export function renameTag(db: Db, id: TagId, name: string): TagWithCounts {
  return db.transaction(() => {
    requireTag(db, id)
    const other = repo.findByName(db, name)
    if (other && other.id !== id) {
      throw conflict(`A tag named "${other.name}" already exists; merge the two tags instead.`)
    }
    repo.rename(db, id, name)
    return requireTag(db, id)
  })()
}

/** Move every use of the `from` tags onto `into`, then delete them. */
export function mergeTags(db: Db, from: readonly TagId[], into: TagId): TagWithCounts {
  const sources = [...new Set(from)]
  if (sources.includes(into)) throw invalidArgs('A tag cannot be merged into itself.')
  return db.transaction(() => {
    requireTag(db, into)
    for (const id of sources) requireTag(db, id)
    for (const id of sources) {
      repo.moveLinks(db, id, into)
      repo.delete(db, id)
    }
    return requireTag(db, into)
  })()
}

export function setTagColor(db: Db, id: TagId, color: string | null): TagWithCounts {
  return db.transaction(() => {
    requireTag(db, id)
    repo.setColor(db, id, color)
    return requireTag(db, id)
  })()
}

/** Delete a tag and its links (documents and quotes stay). Unknown ids answer `{ deleted: false }`. */
export function deleteTag(db: Db, id: TagId): { deleted: boolean } {
  return { deleted: repo.delete(db, id) }
}
