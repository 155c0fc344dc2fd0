/**
 * W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): an AnnotationCollection whose page holds one
 * Annotation per quote, targeting the document with a TextQuoteSelector and (when placed) a TextPositionSelector
 * over Lectern's plain text. Notes become commenting bodies, tags tagging bodies.
 */
import { createHash } from 'node:crypto'
import type { ExportModel } from '../export-model'

/** A stable urn:uuid from some text (the same export of the same quotes gives the same ids). */
function urnUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex')
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export function renderWebAnnotation(model: ExportModel): string {
  const items = model.entries.map((e) => {
    const q = e.quote
    const body: Record<string, unknown>[] = []
    if (q.note.trim()) {
      body.push({ type: 'TextualBody', value: q.note, format: 'text/plain', purpose: 'commenting' })
    }
    for (const tag of q.tags)
      body.push({ type: 'TextualBody', value: tag.name, purpose: 'tagging' })
    const selector: Record<string, unknown>[] = [
      { type: 'TextQuoteSelector', exact: e.sourceExact, prefix: q.prefix, suffix: q.suffix },
    ]
    if (q.start !== null && q.end !== null) {
      selector.push({ type: 'TextPositionSelector', start: q.start, end: q.end })
    }
    const annotation: Record<string, unknown> = {
      id: urnUuid(`lectern-quote:${e.document.contentHash}:${q.id}:${q.createdAt}`),
      type: 'Annotation',
      motivation: q.note.trim() ? 'commenting' : 'highlighting',
      created: q.createdAt,
      modified: q.updatedAt,
    }
    if (body.length > 0) annotation.body = body.length === 1 ? body[0] : body
    annotation.target = {
      source: e.document.url ?? `urn:sha256:${e.document.contentHash}`,
      selector: selector.length === 1 ? selector[0] : selector,
    }
    return annotation
  })
  const collectionId = urnUuid(
    `lectern-export:${model.exportedAt}:${model.entries.map((e) => e.quote.id).join(',')}`,
  )
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: collectionId,
    type: 'AnnotationCollection',
    label: model.title,
    total: items.length,
    first: {
      id: `${collectionId}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  }
  return `${JSON.stringify(collection, null, 2)}\n`
}
