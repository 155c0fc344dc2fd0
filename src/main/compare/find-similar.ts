/**
 * "Find the same statement elsewhere": candidate documents from the full-text index (the quote's most distinctive
 * words, OR-ed, ranked by bm25, the quote's own document excluded), then the best-aligned passage in each candidate
 * (word-level alignment), scored by word similarity and returned with its offsets, page and word diff.
 */

import type { DocumentId, Quote, SimilarPassage } from '@shared/contract'
import { comparableQuoteText, displayQuoteText, extendToSentenceEnd } from '../quotes/quote-text'
import { pageAt, paragraphAt } from '../quotes/text-anchor'
import { pageLabelOf, parsePageLabels } from '../text/page-labels'
import { hasSpecial } from '../text/scripts'
import { alignWords, densestWindows, tokenize } from './word-align'
import { quoteDiff, similarityOf, wordDiff, wordOverlap } from './word-diff'

/** Words too common to say anything about a statement. */
const STOPWORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both
  but by can could did do does doing down during each few for from further had has have having he her here hers
  herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
  once only or other our ours ourselves out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were what when where
  which while who whom why will with would you your yours yourself yourselves s t don ll re ve m d o y let us also
  get got going go one well said says say like`
    .split(/\s+/)
    .filter(Boolean),
)

const MAX_TERMS = 12
const MAX_CANDIDATES = 40
/** Longest quote text aligned (characters); longer quotes are cut, which is plenty to find the passage. */
const MAX_QUOTE_CHARS = 2_000
/** Passages scoring below this are not "the same statement" (score: mean of ordered and unordered word similarity). */
export const MIN_SCORE = 0.4

/**
 * What finding similar passages reads from the library, handed in by the caller (over the documents repository), so
 * this module stays pure.
 */
export type SimilarReader = {
  /** How many documents hold each term (a term in none may be left out). */
  documentFrequencies(terms: readonly string[]): ReadonlyMap<string, number>
  /** Documents matching the FTS5 expression `match`, best first (bm25), without `excludeId`. */
  candidates(match: string, excludeId: number, limit: number): CandidateRow[]
}

/** The quote's words that are rarest in the library (by document frequency), at most MAX_TERMS. */
export function distinctiveTerms(read: SimilarReader, text: string): string[] {
  const words = [...new Set(tokenize(text).map((t) => t.word))]
    // FTS5's unicode61 splits on apostrophes: "president's" is indexed as "president" and "s".
    .flatMap((w) => w.split("'"))
    .filter((w) => (hasSpecial(w) ? w.length >= 2 : w.length >= 3) && !STOPWORDS.has(w))
  const unique = [...new Set(words)]
  if (unique.length === 0) return []
  const df = read.documentFrequencies(unique)
  return unique
    .map((term) => ({ term, doc: df.get(term) ?? 0 }))
    .filter((t) => t.doc > 0)
    .sort((a, b) => a.doc - b.doc || b.term.length - a.term.length)
    .slice(0, MAX_TERMS)
    .map((t) => t.term)
}

export type CandidateRow = {
  id: number
  title: string
  source: string | null
  published_at: string | null
  text: string
  page_starts: string | null
  /** JSON array of the pages' printed labels (null entries where a page has none). */
  page_labels: string | null
}

function parsePageStarts(value: string | null): number[] | null {
  if (value === null) return null
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) && parsed.every((n) => typeof n === 'number') ? parsed : null
  } catch {
    return null
  }
}

/** Passages in other documents that report the quote's words or close variants, best first. */
export function findSimilar(read: SimilarReader, quote: Quote, limit = 10): SimilarPassage[] {
  const quoteText = comparableQuoteText(quote.exact.slice(0, MAX_QUOTE_CHARS))
  const terms = distinctiveTerms(read, quoteText)
  if (terms.length === 0) return []
  // Terms are folded letters and digits only, so quoting them is all the escaping FTS5 needs.
  const match = `text : (${terms.map((t) => `"${t}"`).join(' OR ')})`
  const candidates = read.candidates(match, quote.documentId, MAX_CANDIDATES)

  const passages: SimilarPassage[] = []
  for (const doc of candidates) {
    let best: { start: number; end: number; score: number } | null = null
    const spans = [
      ...alignWords(doc.text, quoteText, 0.5, 3),
      ...densestWindows(doc.text, quoteText, 3),
    ]
    for (const a of spans) {
      // A passage that ends where its sentence ends takes the closing period (and quote mark) with it.
      const end = extendToSentenceEnd(doc.text, a.end, quoteText)
      const passage = comparableQuoteText(doc.text.slice(a.start, end))
      // Ordered similarity (jsdiff) marks reworded and reordered passages down; word overlap keeps a reordered
      // misquote from vanishing. The mean of the two is the score.
      const ordered = similarityOf(wordDiff(quoteText, passage))
      const score = Math.round(((ordered + wordOverlap(quoteText, passage)) / 2) * 1000) / 1000
      if (!best || score > best.score) best = { start: a.start, end, score }
    }
    if (!best || best.score < MIN_SCORE) continue
    const text = displayQuoteText(doc.text.slice(best.start, best.end))
    const page = pageAt(parsePageStarts(doc.page_starts), best.start)
    passages.push({
      documentId: doc.id as DocumentId,
      title: doc.title,
      source: doc.source,
      publishedAt: doc.published_at,
      text,
      start: best.start,
      end: best.end,
      page,
      pageLabel: pageLabelOf(parsePageLabels(doc.page_labels), page),
      paragraph: paragraphAt(doc.text, best.start),
      score: best.score,
      diff: quoteDiff(quote.exact.slice(0, MAX_QUOTE_CHARS), doc.text.slice(best.start, best.end)),
    })
  }
  passages.sort((a, b) => b.score - a.score || a.documentId - b.documentId)
  return passages.slice(0, limit)
}
