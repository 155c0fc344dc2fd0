/**
 * Running headers, footers and page numbers: lines at the very top or bottom of a page that repeat across pages
 * ("20 CHAPTER 2. THE POOL OF TEARS", "19"). They are taken out of the text flow, kept per page (PageMeta.removed),
 * and a printed page number found there becomes the page's label when the PDF declares no /PageLabels.
 */

/** A line of positioned text on a page (PDF user space: y grows upwards). */
export type PositionedLine = { text: string; y: number; size: number }

/** Share of the page height at the top and bottom where running lines live. */
const ZONE = 0.14
/** Lines examined at each end of a page. */
const PER_END = 2

const PAGE_NUMBER = /^[\s\-–—.·|[\]()]*(\d{1,4}|[ivxlcdm]{1,7})[\s\-–—.·|[\]()]*$/i
/** A page number written with words around it ("Page 3", "3 of 40", "- 3 -"). */
const PAGE_NUMBER_PHRASE =
  /^(?:page|p\.|seite|página|pagina)?\s*(\d{1,4})\s*(?:(?:of|\/|von|de)\s*\d{1,5})?$/i

/**
 * Key under which a running line repeats: digits and case ignored ("Chapter 2 · 20" ~ "Chapter 2 · 21"), type size
 * kept, so a title page's big title is not taken for the small running header that repeats it.
 */
const keyOf = (line: PositionedLine): string =>
  `${line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()}@${Math.round(line.size)}`

export function pageNumberIn(text: string): string | null {
  const t = text.trim()
  const bare = PAGE_NUMBER.exec(t)
  if (bare) return bare[1] ?? null
  const phrase = PAGE_NUMBER_PHRASE.exec(t)
  return phrase ? (phrase[1] ?? null) : null
}

export type RunningLines = {
  /** Per page: indexes (into that page's lines) to remove. */
  remove: Set<number>[]
  /** Per page: the printed page number seen in a removed line, if any. */
  printedNumber: (string | null)[]
}

/** Candidate lines of one page: up to PER_END lines at each end, inside the top/bottom zones. */
function candidates(lines: PositionedLine[], height: number, bottom: number): number[] {
  if (lines.length < 2) return []
  const order = lines.map((_, i) => i).sort((a, b) => (lines[b]?.y ?? 0) - (lines[a]?.y ?? 0))
  const picked: number[] = []
  for (const i of order.slice(0, PER_END))
    if ((lines[i]?.y ?? 0) >= bottom + height * (1 - ZONE)) picked.push(i)
  for (const i of order.slice(-PER_END))
    if ((lines[i]?.y ?? Infinity) <= bottom + height * ZONE && !picked.includes(i)) picked.push(i)
  return picked
}

/**
 * Decide which edge lines are running lines. A line counts when its key (digits ignored) appears at a page edge on at
 * least two pages, or when it is a bare page number and at least two pages have one. Documents of one page keep
 * everything: nothing can be seen to repeat.
 */
export function findRunningLines(
  pages: { lines: PositionedLine[]; height: number; bottom: number }[],
): RunningLines {
  const remove = pages.map(() => new Set<number>())
  const printedNumber: (string | null)[] = pages.map(() => null)
  if (pages.length < 2) return { remove, printedNumber }
  const perPage = pages.map((p) => candidates(p.lines, p.height, p.bottom))
  const keyPages = new Map<string, number>()
  let numberPages = 0
  for (const [p, picked] of perPage.entries()) {
    const seen = new Set<string>()
    let hasNumber = false
    for (const i of picked) {
      const line = pages[p]?.lines[i]
      if (!line) continue
      if (pageNumberIn(line.text) !== null) hasNumber = true
      if (line.text.trim().length > 0) seen.add(keyOf(line))
    }
    for (const key of seen) keyPages.set(key, (keyPages.get(key) ?? 0) + 1)
    if (hasNumber) numberPages++
  }
  for (const [p, picked] of perPage.entries()) {
    for (const i of picked) {
      const line = pages[p]?.lines[i]
      if (!line) continue
      const text = line.text
      const number = pageNumberIn(text)
      const repeats = (keyPages.get(keyOf(line)) ?? 0) >= 2
      if ((number !== null && numberPages >= 2) || (repeats && /\p{L}/u.test(text))) {
        remove[p]?.add(i)
        // A running header often carries the page number at one end ("20 CHAPTER 2…", "…TEARS 21").
        const edge = number ?? /^(\d{1,4})\s|\s(\d{1,4})$/.exec(text.trim())?.slice(1).find(Boolean)
        if (edge && printedNumber[p] === null) printedNumber[p] = edge
      }
    }
  }
  return { remove, printedNumber }
}
