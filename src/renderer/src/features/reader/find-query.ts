import type { FindMode } from '../../state/app-state'

/**
 * What the find bar asks `search.inDocument` for. Typed text is a phrase by default ("Mock Turtle said" counts the
 * phrase, not every word); "match any word" sends it as written. Text with quotes is the search syntax already
 * (`"Mock Turtle" said`) and is sent as written in either mode.
 */
export function findQuery(typed: string, mode: FindMode): string {
  const text = typed.trimStart()
  if (mode === 'any' || text.includes('"')) return text
  // One word needs no quotes; more become a phrase left open, so the last word matches as a prefix while typing.
  if (!/\s\S/.test(text.trimEnd())) return text
  return `"${text}`
}

/** The index of the first match at or after `offset` (the passage a search hit opened at), else 0. */
export function firstMatchFrom(
  matches: readonly { start: number }[],
  offset: number | null,
): number {
  if (offset === null) return 0
  const index = matches.findIndex((match) => match.start >= offset)
  return index === -1 ? 0 : index
}
