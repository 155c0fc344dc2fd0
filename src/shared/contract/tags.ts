import type { DocumentId, TagId } from './common'

export type TagWithCounts = {
  id: TagId
  name: string
  color: string | null
  documentCount: number
  quoteCount: number
}

export type TagsApi = {
  'tags.list': (args: Record<string, never>) => TagWithCounts[]
  /** Add tags by name to documents; missing tags are created. */
  'tags.addToDocuments': (args: { documentIds: DocumentId[]; names: string[] }) => {
    changed: number
  }
  'tags.removeFromDocuments': (args: { documentIds: DocumentId[]; names: string[] }) => {
    changed: number
  }
  /** Renaming onto an existing name is a `conflict`: use `tags.merge`. */
  'tags.rename': (args: { id: TagId; name: string }) => TagWithCounts
  /** Move every use of `from` tags onto `into`, then delete them. */
  'tags.merge': (args: { from: TagId[]; into: TagId }) => TagWithCounts
  'tags.setColor': (args: { id: TagId; color: string | null }) => TagWithCounts
  'tags.delete': (args: { id: TagId }) => { deleted: boolean }
}
