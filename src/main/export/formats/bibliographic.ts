/**
 * BibTeX and RIS through citation-js's own mappings (plugin-bibtex, plugin-ris) from the CSL items. The quotes of
 * each document travel with its entry: BibTeX `annote`, RIS `N1`.
 */
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import type { CslItem } from '../../citations/csl-item'
import { type ExportModel, locatorLabel } from '../export-model'

/** “quote” (para. 5) for each quote of each document, by CSL item id. */
function quotesByItem(model: ExportModel, oneLine: boolean): Map<string, string[]> {
  const byItem = new Map<string, string[]>()
  for (const e of model.entries) {
    const text = oneLine ? e.quote.exact.replace(/\s+/g, ' ').trim() : e.quote.exact.trim()
    const locator = locatorLabel(e)
    const list = byItem.get(e.item.id) ?? []
    list.push(`“${text}”${locator ? ` (${locator})` : ''}`)
    byItem.set(e.item.id, list)
  }
  return byItem
}

/** ASCII letters and digits of the first word that is not an article. */
function keyWord(text: string | undefined): string {
  const words = (text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w && !['the', 'a', 'an'].includes(w.toLowerCase()))
  const word = words[0] ?? ''
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * Unique BibTeX keys, AuthorYearTitleword ("Obama2012Remarks"); entries that would share a key get a, b, c… in
 * order, as reference managers do.
 */
export function citationKeys(items: readonly CslItem[]): Map<string, string> {
  // Keys stored in the library (bibtex-keys.ts) are unique already and never change.
  if (items.every((item) => item['citation-key']))
    return new Map(items.map((item) => [item.id, item['citation-key'] as string]))
  const base = items.map((item) => {
    const author = item.author?.[0]
    const who = keyWord(author?.family ?? author?.literal)
    const year = item.issued?.['date-parts'][0]?.[0] ?? ''
    return `${who}${year}${keyWord(item.title)}` || 'untitled'
  })
  const counts = new Map<string, number>()
  for (const b of base) counts.set(b, (counts.get(b) ?? 0) + 1)
  const seen = new Map<string, number>()
  const keys = new Map<string, string>()
  items.forEach((item, i) => {
    const b = base[i] as string
    if ((counts.get(b) ?? 0) === 1) {
      keys.set(item.id, b)
      return
    }
    const n = seen.get(b) ?? 0
    seen.set(b, n + 1)
    keys.set(
      item.id,
      `${b}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ''}`,
    )
  })
  return keys
}

export function renderBibtex(model: ExportModel): string {
  const quotes = quotesByItem(model, false)
  const keys = citationKeys(model.items)
  const items = model.items.map((item) => ({
    ...item,
    'citation-key': keys.get(item.id),
    annote: (quotes.get(item.id) ?? []).join('\n\n'),
  }))
  return `${validMonths(new Cite(items).format('bibtex', { format: 'text' }).trim())}\n`
}

/**
 * citation-js writes a full date's month as `month = {jan 13}`, which BibTeX rejects: the month becomes the
 * standard macro (`month = jan`) and the day its own field (biblatex reads `day`).
 */
export function validMonths(bibtex: string): string {
  return bibtex.replace(
    /^(\s*)month = \{([a-z]{3})(?:\s+(\d{1,2}))?\},$/gm,
    (_m, indent: string, month: string, day?: string) =>
      `${indent}month = ${month},${day ? `\n${indent}day = {${Number(day)}},` : ''}`,
  )
}

/** RIS has no speech type; citation-js would write SOUND (an audio recording), so speeches go out as generic. */
const risType = (item: CslItem): string => (item.type === 'speech' ? 'document' : item.type)

type RisRecord = Record<string, string | number | (string | number)[]>

export function renderRis(model: ExportModel): string {
  const quotes = quotesByItem(model, true)
  const items = model.items.map((item) => ({
    ...item,
    type: risType(item),
    note: (quotes.get(item.id) ?? []).join(' · '),
  }))
  // citation-js maps the fields; we write the lines ourselves because its text writer hard-wraps values at 70
  // characters, which cuts URLs in two for most readers. RIS tags are line-based: values stay on one line.
  const records = new Cite(items).format('ris', { format: 'object' }) as unknown as RisRecord[]
  const lines: string[] = []
  for (const record of records) {
    lines.push(`TY  - ${String(record.TY)}`)
    for (const [tag, value] of Object.entries(record)) {
      if (tag === 'TY') continue
      for (const v of ([] as (string | number)[]).concat(value)) {
        lines.push(`${tag}  - ${String(v).replace(/\s+/g, ' ').trim()}`)
      }
    }
    lines.push('ER  - ')
  }
  return `${lines.join('\r\n')}\r\n`
}
