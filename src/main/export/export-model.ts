/** Everything an export format writes: the basket's quotes with their citations and the reference list. */
import type { CitationStyle } from '@shared/contract'
import { type CitedQuotes, citeQuotes, type QuoteCitation } from '../citations/cite-quotes'
import { STYLES } from '../citations/csl-engine'
import { citableDocuments } from '../citations/csl-item'
import { htmlToRuns, type Run } from '../citations/rich-text'
import type { Db } from '../db/connection'
import { documentsRepository } from '../library/documents.repository'
import { displayQuoteText } from '../quotes/quote-text'
import type { Basket } from './basket'
import { ensureBibtexKeys } from './stored-bibtex-keys'

/**
 * `quote.exact` is the quote's words as shown and exported (whitespace normalised: a hard line break of a plain-text
 * source is one space); `sourceExact` is the stored characters, for selectors that must match the source text.
 */
export type ExportEntry = QuoteCitation & { inTextRuns: Run[]; sourceExact: string }
export type ExportReference = { itemId: string; text: string; runs: Run[] }

export type ExportModel = {
  title: string
  style: CitationStyle
  styleLabel: string
  /** Note styles (Chicago notes) cite in footnotes rather than in the text. */
  noteStyle: boolean
  /** "Bibliography" for note styles, "References" otherwise. */
  referencesHeading: string
  /** ISO instant; injectable so golden files are stable. */
  exportedAt: string
  entries: ExportEntry[]
  items: CitedQuotes['items']
  references: ExportReference[]
}

export const DEFAULT_STYLE: CitationStyle = 'apa'

/** "doc-12" → 12 (csl-item.ts's cslIdOf). */
const documentIdOfCsl = (id: string): number => Number(/(\d+)$/.exec(id)?.[1] ?? Number.NaN)

export function buildExportModel(
  db: Db,
  basket: Basket,
  style: CitationStyle = DEFAULT_STYLE,
  now: Date = new Date(),
): ExportModel {
  const documents = citableDocuments(
    documentsRepository.citationRows(
      db,
      basket.quotes.map((q) => q.documentId),
    ),
  )
  const cited = citeQuotes(documents, basket.quotes, style)
  // Stable library-wide BibTeX keys, assigned on first export (stored-bibtex-keys.ts).
  const keys = ensureBibtexKeys(
    db,
    basket.quotes.map((q) => q.documentId),
  )
  for (const item of cited.items) {
    const key = keys.get(documentIdOfCsl(item.id))
    if (key) item['citation-key'] = key
  }
  const runsOf = new Map<string, Run[]>()
  const runs = (html: string): Run[] => {
    let r = runsOf.get(html)
    if (!r) {
      r = htmlToRuns(html)
      runsOf.set(html, r)
    }
    return r
  }
  return {
    title: basket.title,
    style,
    styleLabel: STYLES[style].label,
    noteStyle: STYLES[style].note,
    referencesHeading: STYLES[style].note ? 'Bibliography' : 'References',
    exportedAt: now.toISOString(),
    entries: cited.quotes.map((q) => ({
      ...q,
      quote: { ...q.quote, exact: displayQuoteText(q.quote.exact) },
      sourceExact: q.quote.exact,
      inTextRuns: runs(q.inTextHtml),
    })),
    items: cited.items,
    references: cited.references.map((r) => ({
      itemId: r.itemId,
      text: r.text,
      runs: runs(r.html),
    })),
  }
}

/** "para. 9" / "p. 3" / "" — the quote's own locator, for formats that list it apart from the citation. */
export function locatorLabel(entry: QuoteCitation): string {
  if (!entry.locator) return ''
  return `${entry.locator.label === 'page' ? 'p.' : 'para.'} ${entry.locator.value}`
}

/** The export date as YYYY-MM-DD. */
export const exportDate = (model: ExportModel): string => model.exportedAt.slice(0, 10)
