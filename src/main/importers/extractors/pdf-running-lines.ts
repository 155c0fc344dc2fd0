/**
 * Page furniture: running headers, footers and page numbers, the lines at the very top or bottom of a page that the
 * typesetter repeats on every page ("20 CHAPTER 2. THE POOL OF TEARS", "Debian リファレンス iv", "19"). They are taken
 * out of the text flow (so a sentence running over a page break does not carry them in its middle), kept per page
 * (PageMeta.removed; the page view still shows them), and a printed page number found there becomes the page's label
 * when the PDF declares no /PageLabels.
 *
 * Conservative by design: a line leaves the flow only on evidence that it is furniture, never because it merely
 * repeats (a table header continued on the next page repeats, and so does a "Note" box). The evidence:
 *  - a page number (bare, or at one end of the line, arabic or roman) that runs in step with the pages (the same
 *    number minus page index on at least MIN_PAGES pages), on a line that is only that number or that repeats with
 *    its number ignored ("Debian リファレンス iv", "20 CHAPTER 2. …");
 *  - a line that, numbers ignored, is at a page edge on at least half the pages (a constant header or footer);
 *  - a line that repeats or carries a page number in step, sitting where such lines sit (same edge, baseline and type
 *    size) on at least a third of the pages: a chapter's running head that changes with the chapter, odd/even heads.
 * A document of fewer than MIN_PAGES pages keeps everything.
 */

/** A line of positioned text on a page (PDF user space: y grows upwards). */
export type PositionedLine = { text: string; y: number; size: number }

/** Share of the page height at the top and bottom where running lines live. */
const ZONE = 0.14
/** Lines examined at each end of a page. */
const PER_END = 2
/** Pages that must show the same furniture before it counts as such. */
const MIN_PAGES = 3
/** Share of the pages a line without a page number must be on to count as a constant header or footer. */
const CONSTANT_SHARE = 0.5
/** Share of the pages a slot must hold repeating lines on to be where running lines sit. */
const SLOT_SHARE = 1 / 3
/** How close two baselines (pt) and type sizes (pt) must be to be the same furniture slot. */
const SLOT_Y = 2
const SLOT_SIZE = 0.6

const ROMAN = /^(?=[mdclxvi])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i
const ARABIC = /^\d{1,4}$/
/** A whole line that is only a page number, perhaps dressed ("- 3 -", "[iv]", "Page 3", "3 of 40", "3 / 40"). */
const BARE_NUMBER =
  /^(?:page|p\.|seite|página|pagina|страница|页|第)?[\s\-–—.·|[\]()]*(\d{1,4}|[ivxlcdm]{1,7})[\s\-–—.·|[\]()]*(?:(?:of|\/|von|de|из)\s*\d{1,5})?[\s页]*$/i
/** "… 5 / 244", "… 5 of 244" at the end of a line: the page's number is the first one. */
const NUMBER_OF_TOTAL = /(?:^|\s)(\d{1,4})\s*(?:\/|of|von|de)\s*\d{1,5}$/i

/** A number as printed (arabic or roman) and what it counts. */
type PrintedNumber = { printed: string; kind: 'arabic' | 'roman'; value: number }

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 }

function romanValue(token: string): number {
  let total = 0
  const t = token.toLowerCase()
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN_VALUES[t[i] as string] ?? 0
    const next = ROMAN_VALUES[t[i + 1] as string] ?? 0
    total += v < next ? -v : v
  }
  return total
}

function asNumber(token: string | undefined): PrintedNumber | null {
  if (!token) return null
  if (ARABIC.test(token)) return { printed: token, kind: 'arabic', value: Number(token) }
  // Roman numerals in one case only ("iv", "IV"): "Mix" or "Did" is a word.
  if (ROMAN.test(token) && (token === token.toLowerCase() || token === token.toUpperCase()))
    return { printed: token, kind: 'roman', value: romanValue(token) }
  return null
}

/** The page number a whole line consists of ("19", "- iv -", "Page 3 of 40"), if it is one. */
export function pageNumberIn(text: string): string | null {
  const bare = BARE_NUMBER.exec(text.trim())
  return bare && asNumber(bare[1]) ? (bare[1] ?? null) : null
}

/** Numbers that may be the page's number: the whole line, or a token at either end ("20 CHAPTER 2…", "…TEARS 21"). */
function numbersIn(text: string): PrintedNumber[] {
  const t = text.trim()
  const whole = pageNumberIn(t)
  if (whole !== null) return [asNumber(whole) as PrintedNumber]
  const found: PrintedNumber[] = []
  const tokens = t.split(/\s+/)
  for (const token of [tokens[0], tokens[tokens.length - 1]]) {
    const n = asNumber(token?.replace(/^[[(|·.–—-]+|[\])|·.–—-]+$/g, ''))
    if (n) found.push(n)
  }
  const ofTotal = asNumber(NUMBER_OF_TOTAL.exec(t)?.[1])
  if (ofTotal) found.push(ofTotal)
  return found
}

/**
 * Key under which a running line repeats: numbers (arabic and roman) and case ignored ("Chapter 2 · 20" ~
 * "Chapter 2 · 21", "Debian リファレンス iv" ~ "… v"), type size kept, so a title page's big title is not taken
 * for the small running header that repeats it.
 */
const keyOf = (line: PositionedLine): string =>
  `${line.text
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/(^|\s)[ivxlcdm]+(?=\s|$)/g, '$1#')
    .replace(/\s+/g, ' ')
    .trim()}@${Math.round(line.size)}`

export type RunningLines = {
  /** Per page: indexes (into that page's lines) to remove. */
  remove: Set<number>[]
  /** Per page: the printed page number seen in a removed line, if any. */
  printedNumber: (string | null)[]
}

type Candidate = {
  page: number
  index: number
  line: PositionedLine
  top: boolean
  key: string
  numbers: PrintedNumber[]
}

/** Candidate lines of one page: up to PER_END lines at each end, inside the top/bottom zones. */
function candidates(
  page: number,
  lines: PositionedLine[],
  height: number,
  bottom: number,
): Candidate[] {
  if (lines.length < 2) return []
  const order = lines.map((_, i) => i).sort((a, b) => (lines[b]?.y ?? 0) - (lines[a]?.y ?? 0))
  const picked: { index: number; top: boolean }[] = []
  for (const i of order.slice(0, PER_END))
    if ((lines[i]?.y ?? 0) >= bottom + height * (1 - ZONE)) picked.push({ index: i, top: true })
  for (const i of order.slice(-PER_END))
    if ((lines[i]?.y ?? Infinity) <= bottom + height * ZONE && !picked.some((p) => p.index === i))
      picked.push({ index: i, top: false })
  return picked.flatMap(({ index, top }) => {
    const line = lines[index]
    if (!line || line.text.trim().length === 0) return []
    return [{ page, index, line, top, key: keyOf(line), numbers: numbersIn(line.text) }]
  })
}

/** Decide which edge lines are page furniture (see the header). */
export function findRunningLines(
  pages: { lines: PositionedLine[]; height: number; bottom: number }[],
): RunningLines {
  const remove = pages.map(() => new Set<number>())
  const printedNumber: (string | null)[] = pages.map(() => null)
  if (pages.length < MIN_PAGES) return { remove, printedNumber }
  const all = pages.flatMap((p, i) => candidates(i, p.lines, p.height, p.bottom))

  // Pages per text key, and pages per page-number sequence (kind + number minus page index).
  const keyPages = new Map<string, Set<number>>()
  const sequencePages = new Map<string, Set<number>>()
  const sequenceOf = (c: Candidate, n: PrintedNumber): string => `${n.kind}:${n.value - c.page}`
  for (const c of all) {
    if (!keyPages.has(c.key)) keyPages.set(c.key, new Set())
    keyPages.get(c.key)?.add(c.page)
    for (const n of c.numbers) {
      const s = sequenceOf(c, n)
      if (!sequencePages.has(s)) sequencePages.set(s, new Set())
      sequencePages.get(s)?.add(c.page)
    }
  }
  const inStep = (c: Candidate): PrintedNumber | null =>
    c.numbers.find((n) => (sequencePages.get(sequenceOf(c, n))?.size ?? 0) >= MIN_PAGES) ?? null
  const textPages = pages.filter((p) => p.lines.length > 0).length
  const constant = Math.max(MIN_PAGES, Math.ceil(textPages * CONSTANT_SHARE))
  const held = Math.max(MIN_PAGES, Math.ceil(textPages * SLOT_SHARE))
  const hasLetters = (c: Candidate): boolean =>
    /\p{L}/u.test(c.line.text.replace(/(^|\s)[ivxlcdm]+(?=\s|$)/gi, ''))
  const repeats = (c: Candidate): number => keyPages.get(c.key)?.size ?? 0

  // Sure furniture: a bare page number in step with the pages; a line that also repeats with its number in step
  // ("Debian リファレンス iv", "20 CHAPTER 2…"); a constant line on a large share of the pages.
  const furniture = new Set<Candidate>()
  for (const c of all) {
    const number = inStep(c)
    const letters = hasLetters(c)
    if ((number && (!letters || repeats(c) >= 2)) || (letters && repeats(c) >= constant))
      furniture.add(c)
  }
  // Slots: where lines that repeat sit (edge, baseline, size), with the pages something repeating sits there on.
  const slotKey = (c: Candidate, y: number): string => `${c.top ? 't' : 'b'}${y}`
  const slots = new Map<string, Candidate[]>()
  for (const c of all) {
    if (!furniture.has(c) && repeats(c) < 2) continue
    const key = slotKey(c, Math.round(c.line.y))
    const list = slots.get(key) ?? []
    list.push(c)
    slots.set(key, list)
  }
  const slotPages = (c: Candidate): number => {
    const seen = new Set<number>()
    const y = Math.round(c.line.y)
    for (let dy = -SLOT_Y; dy <= SLOT_Y; dy++)
      for (const f of slots.get(slotKey(c, y + dy)) ?? [])
        if (
          Math.abs(f.line.y - c.line.y) <= SLOT_Y &&
          Math.abs(f.line.size - c.line.size) <= SLOT_SIZE
        )
          seen.add(f.page)
    return seen.size
  }
  // A line in a slot that running lines hold on many pages is one of them: a chapter's running head that changes
  // with the chapter, a section's head that carries its page number ("2.1. SECTION NAME 21").
  const slotted = all.filter(
    (c) =>
      !furniture.has(c) &&
      hasLetters(c) &&
      (repeats(c) >= 2 || inStep(c) !== null) &&
      slotPages(c) >= held,
  )
  for (const c of slotted) furniture.add(c)

  for (const c of furniture) {
    remove[c.page]?.add(c.index)
    const number = inStep(c)
    if (number && printedNumber[c.page] === null) printedNumber[c.page] = number.printed
  }
  return { remove, printedNumber }
}
