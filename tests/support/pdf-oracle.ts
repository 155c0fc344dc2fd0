/**
 * The PDF extraction oracle: poppler's `pdftotext` (a test-time tool only; never a runtime dependency) per page,
 * compared with our extraction per page after the same normalisation. Similarity is 2·matched / (a + b) over
 * characters (jsdiff's character diff), so every lost ligature, dash or word costs.
 */
import { execFileSync } from 'node:child_process'
import { diffChars } from 'diff'

/**
 * The words of a page as both extractors should agree on them: compatibility forms folded (ligature code points),
 * line-end hyphenation joined (we join it; poppler keeps it), soft hyphens dropped.
 */
export function oracleWords(s: string): string[] {
  return s
    .normalize('NFKC')
    .replace(/[\u00ad\u200b]/g, '')
    .replace(/(\p{L})-\n\s*(\p{Ll})/gu, '$1$2')
    .split(/\s+/)
    .filter(Boolean)
}

/**
 * Similarity of two word lists: 2·|A∩B| / (|A|+|B|) over word multisets. Order-free on purpose: poppler's reading order
 * of tables and figures is no ground truth, while every lost ligature, dash, quote or word changes a word and costs.
 */
export function wordSimilarity(a: string[], b: string[]): number {
  if (a.length + b.length === 0) return 1
  const counts = new Map<string, number>()
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1)
  let same = 0
  for (const w of b) {
    const n = counts.get(w) ?? 0
    if (n > 0) {
      same++
      counts.set(w, n - 1)
    }
  }
  return (2 * same) / (a.length + b.length)
}

/** Character-level similarity (jsdiff): order-sensitive, for reports. */
export function charSimilarity(a: string, b: string): number {
  if (a.length + b.length === 0) return 1
  let same = 0
  for (const part of diffChars(a, b)) if (!part.added && !part.removed) same += part.value.length
  return (2 * same) / (a.length + b.length)
}

/** Poppler's plain (not -layout) text, one string per page. */
export function popplerPages(file: string): string[] {
  const out = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  }).toString('utf8')
  const pages = out.split('\f')
  if (pages.at(-1)?.trim() === '') pages.pop()
  return pages
}

export function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
