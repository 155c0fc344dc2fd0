/**
 * The plain words of a search query, for highlighting in the reader: field filters, operators and negated terms
 * are dropped (they say which documents, not which words).
 */
export function queryWords(query: string): string {
  // NEAR(a b, 10): the distance says how close, it is not a word to find.
  const withoutDistances = query.replace(/,\s*\d+\s*\)/g, ' )')
  const phrases = [...withoutDistances.matchAll(/(^|[\s(])"([^"]+)"/g)].map(
    (match) => match[2] ?? '',
  )
  const rest = withoutDistances.replace(/-?"[^"]*"?/g, ' ').replace(/[()]/g, ' ')
  const words = rest
    .split(/\s+/)
    .filter(
      (word) =>
        word &&
        !word.includes(':') &&
        !word.startsWith('-') &&
        !/^(?:OR|AND|NOT|NEAR\b.*)$/.test(word) &&
        !/^NEAR/.test(word),
    )
    .map((word) => word.replace(/[*,]/g, ''))
    .filter(Boolean)
  return [...phrases, ...words].join(' ').trim()
}
