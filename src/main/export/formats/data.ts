/** Data exports: CSV (spreadsheet-safe), JSON (everything Lectern knows) and CSL-JSON (the references). */
import { csvRecord } from '../escape'
import { type ExportModel, locatorLabel } from '../export-model'
import { citationKeys } from './bibliographic'

const CSV_HEADER = [
  'quote_id',
  'quote',
  'note',
  'tags',
  'color',
  'page',
  'paragraph',
  'start',
  'end',
  'placement',
  'document_id',
  'title',
  'authors',
  'published',
  'source',
  'url',
  'in_text_citation',
  'reference',
]

/** RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheet programs read the accents right). */
export function renderCsv(model: ExportModel): string {
  const referenceOf = new Map(model.references.map((r) => [r.itemId, r.text]))
  let out = `\uFEFF${csvRecord(CSV_HEADER)}`
  for (const e of model.entries) {
    const q = e.quote
    out += csvRecord([
      q.id,
      q.exact,
      q.note,
      q.tags.map((t) => t.name).join('; '),
      q.color,
      q.page,
      q.paragraph,
      q.start,
      q.end,
      q.placement,
      q.documentId,
      q.document.title,
      q.document.authors.join('; '),
      q.document.publishedAt,
      q.document.source,
      e.document.url,
      e.inText,
      referenceOf.get(e.item.id) ?? '',
    ])
  }
  return out
}

/** Lectern's own JSON: quotes with selectors, document metadata and citations, plus the reference list. */
export function renderJson(model: ExportModel): string {
  const referenceOf = new Map(model.references.map((r) => [r.itemId, r.text]))
  const data = {
    format: 'lectern-quotes',
    version: 1,
    title: model.title,
    style: model.style,
    styleLabel: model.styleLabel,
    exportedAt: model.exportedAt,
    quotes: model.entries.map((e) => ({
      id: e.quote.id,
      text: e.quote.exact,
      prefix: e.quote.prefix,
      suffix: e.quote.suffix,
      start: e.quote.start,
      end: e.quote.end,
      page: e.quote.page,
      paragraph: e.quote.paragraph,
      locator: locatorLabel(e) || null,
      note: e.quote.note,
      color: e.quote.color,
      tags: e.quote.tags.map((t) => t.name),
      placement: e.quote.placement,
      createdAt: e.quote.createdAt,
      updatedAt: e.quote.updatedAt,
      document: {
        id: e.document.id,
        title: e.document.title,
        authors: e.document.authors,
        publishedAt: e.document.publishedAt,
        source: e.document.source,
        url: e.document.url,
        citationType: e.document.citationType,
        containerTitle: e.document.containerTitle,
        publisher: e.document.publisher,
        doi: e.document.doi,
        accessedAt: e.document.accessedAt,
      },
      citation: { inText: e.inText, reference: referenceOf.get(e.item.id) ?? '' },
    })),
    references: model.references.map((r) => r.text),
  }
  return `${JSON.stringify(data, null, 2)}\n`
}

/** CSL-JSON: one item per cited document (https://citeproc-js.readthedocs.io/en/latest/csl-json/). */
export function renderCslJson(model: ExportModel): string {
  const keys = citationKeys(model.items)
  const items = model.items.map((item) => ({ ...item, 'citation-key': keys.get(item.id) }))
  return `${JSON.stringify(items, null, 2)}\n`
}
