import { oneLine } from './normalise'

/** Most tags one file may bring along (front matter). */
const MAX_TAGS = 50

/** Tag names from a file: trimmed, no control characters, at most 200 characters, unique ignoring case. */
export function cleanTags(tags: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of tags) {
    const tag = oneLine(raw, 200).replace(/^#/, '')
    if (!tag || seen.has(tag.toLowerCase())) continue
    seen.add(tag.toLowerCase())
    out.push(tag)
    if (out.length >= MAX_TAGS) break
  }
  return out
}
