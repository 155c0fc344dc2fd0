/** Word-level differences (jsdiff `diffWords`) and the similarity figure derived from them. */
import type { DiffSegment } from '@shared/contract'
import { diffWords } from 'diff'
import { displayQuoteText, foldQuoteMarks, wordSegments } from '../quotes/quote-text'
import { hasSpecial, wordSegmenter } from '../text/scripts'

/** Words and punctuation marks, as a reader counts them. */
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu

export const countWords = (text: string): number => {
  if (!hasSpecial(text)) return text.match(TOKEN)?.length ?? 0
  let n = 0
  for (const s of wordSegmenter().segment(text)) if (s.segment.trim() !== '') n++
  return n
}

/**
 * Segments that turn `from` into `to`: 'same' is shared wording, 'removed' is only in `from`, 'added' only in `to`.
 * Adjacent segments of one kind are merged.
 */
export function wordDiff(from: string, to: string): DiffSegment[] {
  return wordSegments(from, to, diffWords)
}

/** 0..1 Dice coefficient over words: twice the shared words over the words of both texts. */
export function similarityOf(segments: readonly DiffSegment[]): number {
  let same = 0
  let from = 0
  let to = 0
  for (const s of segments) {
    const n = countWords(s.text)
    if (s.kind === 'same') {
      same += n
      from += n
      to += n
    } else if (s.kind === 'removed') from += n
    else to += n
  }
  if (from + to === 0) return 1
  return Math.round(((2 * same) / (from + to)) * 1000) / 1000
}

/** Similarity of two texts. */
export const similarity = (a: string, b: string): number => similarityOf(wordDiff(a, b))

const foldedWords = (text: string): string[] =>
  (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []).map((w) =>
    w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'"),
  )

/** 0..1 Dice coefficient over the words as multisets, ignoring order, case and accents. */
export function wordOverlap(a: string, b: string): number {
  const wa = foldedWords(a)
  const wb = foldedWords(b)
  if (wa.length + wb.length === 0) return 1
  const counts = new Map<string, number>()
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1)
  let shared = 0
  for (const w of wb) {
    const c = counts.get(w) ?? 0
    if (c > 0) {
      shared++
      counts.set(w, c - 1)
    }
  }
  return (2 * shared) / (wa.length + wb.length)
}

/**
 * The diff compare shows. By default whitespace (hard line breaks, indentation) and typographic quote style are not
 * differences: the words are compared with quote marks folded, and the segments are then cut from the displayed
 * texts, so each column still shows its source's own characters. `strict` compares the stored characters as they are.
 */
export function quoteDiff(from: string, to: string, strict = false): DiffSegment[] {
  if (strict) return wordDiff(from, to)
  const a = displayQuoteText(from)
  const b = displayQuoteText(to)
  let i = 0
  let j = 0
  return wordDiff(foldQuoteMarks(a), foldQuoteMarks(b)).map((segment) => {
    const n = segment.text.length
    if (segment.kind === 'removed') {
      const text = a.slice(i, i + n)
      i += n
      return { ...segment, text }
    }
    const text = b.slice(j, j + n)
    j += n
    if (segment.kind === 'same') i += n
    return { ...segment, text }
  })
}
