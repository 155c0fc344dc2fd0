import type { DocumentId, DocumentListArgs } from '@shared/contract'
import { getApi } from '../../api/client'
import type { DocumentSelection } from '../../state/document-selection'

/** The largest page `documents.list` hands out. */
const LIST_PAGE = 10_000

/**
 * The ids a selection stands for: itself, or, for "all", every document matching `args` read page by page (the
 * library may have changed since the selection was made: the rule is applied now).
 */
export async function resolveSelection(
  selection: DocumentSelection,
  args: DocumentListArgs,
): Promise<DocumentId[]> {
  if (selection.kind === 'ids') return [...selection.ids]
  const ids: DocumentId[] = []
  for (let offset = 0; ; offset += LIST_PAGE) {
    const page = await getApi().invoke('documents.list', { ...args, offset, limit: LIST_PAGE })
    for (const document of page.documents) {
      if (!selection.except.has(document.id)) ids.push(document.id)
    }
    if (page.documents.length < LIST_PAGE || offset + LIST_PAGE >= page.total) return ids
  }
}

/** Split ids into batches the API accepts in one call. */
export function batches<T>(items: readonly T[], size = 50_000): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
