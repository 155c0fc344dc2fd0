import type { Paragraph } from './paragraphs'

/** Where pages begin in the text view: above a paragraph, or inside one that runs over a page break. */
export type PageMarks = {
  /** Paragraph index → label of the page starting with that paragraph (shown above it). */
  above: ReadonlyMap<number, string>
  /** Paragraph index → pages starting inside it: `at` is an offset into the paragraph's text, never 0. */
  inside: ReadonlyMap<number, readonly InlinePageMark[]>
}

export type InlinePageMark = { at: number; label: string }

/** The class and attribute of an inline page mark: an empty element whose label is CSS-generated (not text). */
export const PAGE_MARK_CLASS = 'page-mark'
export const PAGE_MARK_LABEL = 'data-page-label'

const NO_MARKS: PageMarks = { above: new Map(), inside: new Map() }

/**
 * Place each page start (text offset → printed label) in the paragraphs. A page whose first words continue the
 * previous page's paragraph (pdf-page-flow.ts joins a sentence run over a page break into one paragraph) is marked
 * inside it, so the text view shows where every page begins, as the page view does. A start in the whitespace
 * before a paragraph (the blank lines between pages, an indented first line) marks the paragraph itself.
 */
export function placePageMarks(
  paragraphs: readonly Paragraph[],
  pageStarts: ReadonlyMap<number, string> | undefined,
): PageMarks {
  if (!pageStarts || pageStarts.size === 0 || paragraphs.length === 0) return NO_MARKS
  const above = new Map<number, string>()
  const inside = new Map<number, InlinePageMark[]>()
  for (const [start, label] of [...pageStarts].sort((a, b) => a[0] - b[0])) {
    const index = firstEndingAfter(paragraphs, start)
    if (index === -1) continue
    const paragraph = paragraphs[index] as Paragraph
    const at = start - paragraph.start
    if (at <= leadingSpace(paragraph.text)) {
      // Two pages starting at one paragraph (an empty page between): the later one is the paragraph's page.
      above.set(index, label)
    } else {
      const marks = inside.get(index) ?? []
      marks.push({ at, label })
      inside.set(index, marks)
    }
  }
  return { above, inside }
}

/** The first paragraph that ends after `offset` (holds it, or follows the gap it is in); -1 when none does. */
function firstEndingAfter(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0
  let high = paragraphs.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    const paragraph = paragraphs[middle] as Paragraph
    if (paragraph.start + paragraph.text.length > offset) {
      found = middle
      high = middle - 1
    } else {
      low = middle + 1
    }
  }
  return found
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length
}
