/**
 * Palette ranking and marking, shared by the worker (documents, tags, quotes…) and the main thread (commands):
 * an exact prefix of the whole label beats every query word starting a word, which beats a fuzzy match.
 */

/** Case- and accent-folded, like the FTS tokenizer (`Café` → `cafe`). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

export function queryWords(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

export const TIER_EXACT_PREFIX = 0
export const TIER_WORD_PREFIX = 1
export const TIER_FUZZY = 2

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/**
 * The tier of `label` (and optional extra fields such as authors and source) for `query`; lower is better.
 * `null` when a one-word query matches nothing by prefix (FlexSearch's fuzzy candidates are still tier 2).
 */
export function rankTier(query: string, label: string, extra = ''): number {
  const q = fold(query).trim()
  if (q && fold(label).startsWith(q)) return TIER_EXACT_PREFIX
  const wanted = queryWords(query)
  if (wanted.length === 0) return TIER_FUZZY
  const have = [...words(label), ...words(extra)]
  return wanted.every((w) => have.some((h) => h.startsWith(w))) ? TIER_WORD_PREFIX : TIER_FUZZY
}

/** A label cut into plain and marked runs: each query word marked where it starts a word. */
export function markRuns(label: string, query: string): { text: string; marked: boolean }[] {
  const wanted = queryWords(query)
  if (wanted.length === 0) return [{ text: label, marked: false }]
  const runs: { text: string; marked: boolean }[] = []
  const pattern = /[\p{L}\p{N}]+/gu
  let last = 0
  for (const match of label.matchAll(pattern)) {
    const word = fold(match[0])
    const hit = wanted.filter((w) => word.startsWith(w)).sort((a, b) => b.length - a.length)[0]
    if (!hit) continue
    // Folding can change lengths (ß, ligatures): mark by the folded prefix length only when it maps 1:1.
    const length = fold(match[0].slice(0, hit.length)) === hit ? hit.length : match[0].length
    const start = match.index ?? 0
    if (start > last) runs.push({ text: label.slice(last, start), marked: false })
    runs.push({ text: label.slice(start, start + length), marked: true })
    last = start + length
  }
  if (last < label.length) runs.push({ text: label.slice(last), marked: false })
  return runs
}
