import type { DocumentId } from '@shared/contract'

/**
 * The documents chosen in the library: some by id, or every document matching the current filters (Ctrl+A or the
 * header checkbox), minus the few toggled off since. "All" is kept as a rule, not a list, so selecting 100,000
 * documents costs nothing until a bulk action asks for their ids.
 */
export type DocumentSelection =
  | { kind: 'ids'; ids: ReadonlySet<DocumentId> }
  | { kind: 'all'; except: ReadonlySet<DocumentId> }

export const NO_SELECTION: DocumentSelection = { kind: 'ids', ids: new Set() }

export function selectAll(): DocumentSelection {
  return { kind: 'all', except: new Set() }
}

export function selectIds(ids: Iterable<DocumentId>): DocumentSelection {
  return { kind: 'ids', ids: new Set(ids) }
}

export function isSelected(selection: DocumentSelection, id: DocumentId): boolean {
  return selection.kind === 'all' ? !selection.except.has(id) : selection.ids.has(id)
}

/** How many documents are selected, given how many match the filters. */
export function selectedCount(selection: DocumentSelection, total: number): number {
  return selection.kind === 'all' ? Math.max(0, total - selection.except.size) : selection.ids.size
}

export function isEmpty(selection: DocumentSelection, total: number): boolean {
  return selectedCount(selection, total) === 0
}

/** Add or remove one document. */
export function toggleId(selection: DocumentSelection, id: DocumentId): DocumentSelection {
  const set = new Set(selection.kind === 'all' ? selection.except : selection.ids)
  if (set.has(id)) set.delete(id)
  else set.add(id)
  return selection.kind === 'all' ? { kind: 'all', except: set } : { kind: 'ids', ids: set }
}

/** Add documents (a Shift-click range) to a selection. */
export function addIds(selection: DocumentSelection, ids: Iterable<DocumentId>): DocumentSelection {
  if (selection.kind === 'all') {
    const except = new Set(selection.except)
    for (const id of ids) except.delete(id)
    return { kind: 'all', except }
  }
  return { kind: 'ids', ids: new Set([...selection.ids, ...ids]) }
}
