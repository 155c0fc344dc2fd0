/**
 * The body words of a search query, for the reader's find bar: field filters, operators and negated terms are
 * dropped (they say which documents, not which words); phrases keep their quotes, so a phrase query finds the
 * phrase in the document, not its words one by one.
 */
export function queryWords(typed: string): string {
  // NEAR(a b, 10): the words, not the distance.
  const query = typed.replace(/\bNEAR\(([^()]*?)(?:,\s*\d+\s*)?\)/g, ' $1 ')
  const phrases = [...query.matchAll(/(^|[\s(])"([^"]+)"/g)]
    .map((match) => (match[2] ?? '').trim())
    .filter(Boolean)
    .map((phrase) => `"${phrase}"`)
  const rest = query.replace(/-?\S*"[^"]*"?/g, ' ').replace(/[()]/g, ' ')
  const words = rest
    .split(/\s+/)
    .filter(
      (word) =>
        word &&
        !word.includes(':') &&
        !word.startsWith('-') &&
        !/^(?:OR|AND|NOT)$/.test(word) &&
        !/^NEAR/.test(word),
    )
    .map((word) => word.replace(/[*,]/g, ''))
    .filter(Boolean)
  return [...phrases, ...words].join(' ').trim()
}
