/**
 * The PDF's own navigation: the outline (bookmarks) as TocEntry with pages, and /PageLabels as printed page labels.
 * Both come from an untrusted file: a malformed outline or label tree is ignored with a warning, never fatal, and the
 * outline is bounded in size and depth (a hostile file can nest it without end).
 */
import type { TocEntry } from '@shared/contract'
import { oneLine } from '../normalise'

const MAX_ENTRIES = 5000
const MAX_DEPTH = 9

type OutlineNode = { title?: unknown; dest?: unknown; items?: unknown }

/** What of pdf.js's PDFDocumentProxy this module uses. */
export type OutlineSource = {
  numPages: number
  getOutline(): Promise<unknown>
  getDestination(id: string): Promise<unknown>
  getPageIndex(ref: never): Promise<number>
  getPageLabels(): Promise<unknown>
}

export type PdfTocEntry = TocEntry & { page: number }

async function pageOf(pdf: OutlineSource, dest: unknown): Promise<number | null> {
  const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest
  if (!Array.isArray(explicit) || explicit.length === 0) return null
  const target = explicit[0] as unknown
  let index: number | null = null
  if (Number.isInteger(target)) index = target as number
  else if (target && typeof target === 'object' && 'num' in target)
    index = await pdf.getPageIndex(target as never)
  return index !== null && index >= 0 && index < pdf.numPages ? index + 1 : null
}

/** Flatten the outline to entries with 1-based pages; entries that point nowhere are dropped. */
export async function readOutline(
  pdf: OutlineSource,
  warnings: string[],
): Promise<{ title: string; level: number; page: number }[]> {
  let outline: unknown
  try {
    outline = await pdf.getOutline()
  } catch (error) {
    warnings.push(`the PDF outline is damaged and was ignored (${oneLine(String(error), 80)})`)
    return []
  }
  if (!Array.isArray(outline)) return []
  const entries: { title: string; level: number; page: number }[] = []
  let unresolved = 0
  const walk = async (nodes: unknown[], level: number): Promise<void> => {
    for (const node of nodes) {
      if (entries.length >= MAX_ENTRIES) return
      const n = node as OutlineNode
      const title = typeof n.title === 'string' ? oneLine(n.title, 300) : ''
      let page: number | null = null
      try {
        page = await pageOf(pdf, n.dest)
      } catch {
        page = null
      }
      if (title && page !== null) entries.push({ title, level, page })
      else unresolved++
      if (Array.isArray(n.items) && n.items.length > 0) {
        if (level >= MAX_DEPTH) continue
        await walk(n.items, level + 1)
      }
    }
  }
  await walk(outline, 1)
  if (unresolved > 0)
    warnings.push(
      `${unresolved} outline ${unresolved === 1 ? 'entry points' : 'entries point'} nowhere in the PDF and ${unresolved === 1 ? 'was' : 'were'} ignored`,
    )
  return entries
}

/**
 * Printed page labels, one per page, or null when the PDF has none (or they are malformed: then with a warning).
 * pdf.js answers null both for "none" and for a label tree it could not read; `declared` (the file names
 * /PageLabels, when the catalog is not compressed) tells the two apart.
 */
export async function readPageLabels(
  pdf: OutlineSource,
  warnings: string[],
  declared = false,
): Promise<string[] | null> {
  let labels: unknown
  try {
    labels = await pdf.getPageLabels()
  } catch (error) {
    warnings.push(
      `the PDF's page labels are damaged and were ignored (${oneLine(String(error), 80)})`,
    )
    return null
  }
  if (labels === null || labels === undefined) {
    if (declared) warnings.push("the PDF's page labels could not be read and were ignored")
    return null
  }
  if (
    !Array.isArray(labels) ||
    labels.length !== pdf.numPages ||
    labels.some((l) => typeof l !== 'string')
  ) {
    warnings.push("the PDF's page labels do not match its pages and were ignored")
    return null
  }
  const clean = labels.map((l: string) => oneLine(l, 40))
  // pdf.js fills pages the label tree does not cover with "": no label then.
  return clean.every((l) => l === '') ? null : clean
}

/**
 * Place outline entries in the text: at the title on its page when the page's text holds it (ignoring case and
 * spacing), else at the start of the page.
 */
export function placeOutline(
  entries: { title: string; level: number; page: number }[],
  text: string,
  pageStarts: number[],
): PdfTocEntry[] {
  return entries.map((e) => {
    const start = pageStarts[e.page - 1] ?? 0
    const end = pageStarts[e.page] ?? text.length
    const words = e.title
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    let offset = start
    if (words.length > 0 && words.length <= 40) {
      const found = new RegExp(words.join('\\s+'), 'iu').exec(text.slice(start, end))
      if (found) offset = start + found.index
    }
    return { title: e.title, level: e.level, offset, page: e.page }
  })
}
