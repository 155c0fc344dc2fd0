/**
 * Sentences, paragraphs and words around a text offset, for keyboard selection (caret mode). Works on the stored
 * plain text (what quotes are made of), segmenting only the paragraph around the offset so a long book stays fast.
 * Intl.Segmenter knows sentence rules per language (abbreviations, CJK full stops).
 */
export type Span = { start: number; end: number }

const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n/g

/** The paragraph (text between blank lines) holding `offset`, without its surrounding whitespace. */
export function paragraphAt(text: string, offset: number): Span {
  const at = clamp(offset, 0, text.length)
  let start = 0
  let end = text.length
  PARAGRAPH_BREAK.lastIndex = 0
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    const index = match.index ?? 0
    if (index + match[0].length <= at) start = index + match[0].length
    else if (index >= at) {
      end = index
      break
    }
  }
  return trim(text, { start, end })
}

/** Words whose full stop rarely ends a sentence (ICU's default rules split after them). */
const TITLES = 'Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Gov|Sen|Rep|Rev|Hon|Fig'
const ABBREVIATION = new RegExp(
  `(?:^|[\\s(])(?:${TITLES}|${TITLES.toUpperCase()}|vs|e\\.g|i\\.e|cf|[A-Z])\\.\\s*$`,
)

/** Sentence spans of one paragraph, with ICU's splits after abbreviations and initials undone. */
function sentencesOf(slice: string, language?: string): Span[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })
  const spans: Span[] = []
  let mergeNext = false
  for (const segment of segmenter.segment(slice)) {
    const span = { start: segment.index, end: segment.index + segment.segment.length }
    const last = spans[spans.length - 1]
    if (mergeNext && last) last.end = span.end
    else spans.push(span)
    mergeNext = ABBREVIATION.test(segment.segment)
  }
  return spans
}

/** The sentence holding `offset` (the next one when the offset sits in whitespace between sentences). */
export function sentenceAt(text: string, offset: number, language?: string): Span {
  const paragraph = paragraphAt(text, offset)
  const local =
    clamp(offset, paragraph.start, Math.max(paragraph.start, paragraph.end - 1)) - paragraph.start
  const slice = text.slice(paragraph.start, paragraph.end)
  const span = sentencesOf(slice, language).find((s) => local >= s.start && local < s.end)
  if (!span) return paragraph
  return trim(text, { start: paragraph.start + span.start, end: paragraph.start + span.end })
}

/** The start of the next sentence after the one holding `offset` (or the next paragraph's first). */
export function nextSentenceStart(text: string, offset: number, language?: string): number {
  const current = sentenceAt(text, offset, language)
  let next = current.end
  while (next < text.length && /\s/.test(text[next] as string)) next++
  return next >= text.length ? current.start : next
}

/** The start of the sentence before the one holding `offset`. */
export function previousSentenceStart(text: string, offset: number, language?: string): number {
  const current = sentenceAt(text, offset, language)
  if (offset > current.start) return current.start
  let before = current.start - 1
  while (before > 0 && /\s/.test(text[before] as string)) before--
  return before <= 0 ? 0 : sentenceAt(text, before, language).start
}

/** Offset of the next (direction 1) or previous (-1) word boundary, as Ctrl+Arrow moves in an editor. */
export function wordBoundary(text: string, offset: number, direction: 1 | -1): number {
  let i = clamp(offset, 0, text.length)
  const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}'’-]/u.test(c)
  if (direction === 1) {
    while (i < text.length && !isWord(text[i])) i++
    while (i < text.length && isWord(text[i])) i++
  } else {
    while (i > 0 && !isWord(text[i - 1])) i--
    while (i > 0 && isWord(text[i - 1])) i--
  }
  return i
}

/** One character left or right, never splitting a surrogate pair. */
export function charStep(text: string, offset: number, direction: 1 | -1): number {
  const next = clamp(offset + direction, 0, text.length)
  const code = text.charCodeAt(next)
  // Landing between a high and a low surrogate: go one further.
  const inside = next > 0 && next < text.length && code >= 0xdc00 && code <= 0xdfff
  return inside ? clamp(next + direction, 0, text.length) : next
}

function trim(text: string, span: Span): Span {
  let { start, end } = span
  while (start < end && /\s/.test(text[start] as string)) start++
  while (end > start && /\s/.test(text[end - 1] as string)) end--
  return { start, end }
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n))
}
