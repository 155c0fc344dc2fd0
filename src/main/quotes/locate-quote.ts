/**
 * Find a W3C TextQuoteSelector (exact + prefix/suffix) in a text whose content may have changed: exact occurrences
 * first, scored by their context and by the distance to the old position; then an approximate (edit-distance) search
 * with approx-string-match (Myers' bit-parallel algorithm, the matcher Hypothesis uses for the same job), scored the
 * same way. Pure: no database.
 */
import approxSearch from 'approx-string-match'
import type { TextQuote } from './text-anchor'
import { occurrences } from './text-anchor'

export type Located = { start: number; end: number; kind: 'exact' | 'fuzzy' }

/** Share of the quote's characters that may differ for a fuzzy match to count. */
const MAX_ERROR_RATE = 0.25
/** Longer quotes are matched by their head and tail (the search costs text length × quote length / 32). */
const LONG_QUOTE = 1_500
const HEAD_TAIL = 400

/**
 * 0..1: how well `context` matches the text right before (or after) a position, by edit distance. A match that
 * sits further from the position counts the distance as errors, so only context that touches the position scores.
 */
function contextScore(text: string, context: string, at: number, side: 'before' | 'after'): number {
  if (context.length === 0) return 1
  const window =
    side === 'before'
      ? text.slice(Math.max(0, at - context.length - 4), at)
      : text.slice(at, at + context.length + 4)
  if (window.length === 0) return 0
  if (side === 'before' ? window.endsWith(context) : window.startsWith(context)) return 1
  let errors = context.length
  for (const m of approxSearch(window, context, context.length)) {
    const gap = side === 'before' ? window.length - m.end : m.start
    errors = Math.min(errors, m.errors + gap)
  }
  return 1 - errors / context.length
}

function positionScore(at: number, hint: number | null, length: number): number {
  if (hint === null || length === 0) return 0.5
  return 1 - Math.min(1, Math.abs(at - hint) / length)
}

/** Exact occurrences of the quote, best first by context, then by nearness to `hint`. */
function locateExact(text: string, quote: TextQuote, hint: number | null): Located | null {
  const found = occurrences(text, quote.exact, 2_000)
  if (found.length === 0) return null
  let best: { start: number; score: number } | null = null
  for (const start of found) {
    const end = start + quote.exact.length
    const score =
      20 * contextScore(text, quote.prefix, start, 'before') +
      20 * contextScore(text, quote.suffix, end, 'after') +
      2 * positionScore(start, hint, text.length)
    if (!best || score > best.score) best = { start, score }
  }
  if (!best) return null
  return { start: best.start, end: best.start + quote.exact.length, kind: 'exact' }
}

type Scored = {
  start: number
  end: number
  quoteScore: number
  contextScore: number
  score: number
}

function scoreCandidates(
  text: string,
  quote: TextQuote,
  spans: { start: number; end: number; errors: number }[],
  hint: number | null,
): Scored[] {
  return spans.map(({ start, end, errors }) => {
    const quoteScore = 1 - errors / Math.max(1, quote.exact.length)
    const ctx =
      contextScore(text, quote.prefix, start, 'before') +
      contextScore(text, quote.suffix, end, 'after')
    return {
      start,
      end,
      quoteScore,
      contextScore: ctx,
      score: 50 * quoteScore + 20 * ctx + 2 * positionScore(start, hint, text.length),
    }
  })
}

/** Approximate spans of a long quote: a fuzzy head, then a fuzzy tail at about the right distance after it. */
function longQuoteSpans(
  text: string,
  exact: string,
): { start: number; end: number; errors: number }[] {
  const head = exact.slice(0, HEAD_TAIL)
  const tail = exact.slice(-HEAD_TAIL)
  const maxErrors = Math.floor(HEAD_TAIL * MAX_ERROR_RATE)
  const spans: { start: number; end: number; errors: number }[] = []
  for (const h of approxSearch(text, head, maxErrors).slice(0, 50)) {
    const from = h.start + Math.floor(exact.length * (1 - MAX_ERROR_RATE)) - HEAD_TAIL
    const to = h.start + Math.ceil(exact.length * (1 + MAX_ERROR_RATE))
    const region = text.slice(Math.max(h.start, from), to)
    const tails = approxSearch(region, tail, maxErrors)
    const t = tails.sort((a, b) => a.errors - b.errors)[0]
    if (!t) continue
    const end = Math.max(h.start, from) + t.end
    // Errors of the middle are unknown; estimate from head and tail, which is what the score needs.
    const rate = (h.errors + t.errors) / (2 * HEAD_TAIL)
    spans.push({ start: h.start, end, errors: Math.round(rate * exact.length) })
  }
  return spans
}

/** Approximate location of the quote (edit distance ≤ 25 % of its length), or null. */
function locateFuzzy(text: string, quote: TextQuote, hint: number | null): Located | null {
  const exact = quote.exact
  if (exact.trim().length < 4) return null
  const spans =
    exact.length > LONG_QUOTE
      ? longQuoteSpans(text, exact)
      : approxSearch(text, exact, Math.floor(exact.length * MAX_ERROR_RATE)).slice(0, 500)
  const scored = scoreCandidates(text, quote, spans, hint)
  scored.sort((a, b) => b.score - a.score)
  const best = scored[0]
  if (!best || best.quoteScore < 1 - MAX_ERROR_RATE) return null
  // A short passage matches too many places by chance: require its context to agree as well.
  if (exact.length < 24 && best.contextScore < 1.2) return null
  return { start: best.start, end: best.end, kind: 'fuzzy' }
}

/**
 * Where the quote stands in `text`: exact (nearest `hint`, context first), then fuzzy, else null.
 * `hint` is the old start offset, or null when unknown.
 */
export function locateQuote(text: string, quote: TextQuote, hint: number | null): Located | null {
  if (quote.exact.length === 0) return null
  return locateExact(text, quote, hint) ?? locateFuzzy(text, quote, hint)
}
