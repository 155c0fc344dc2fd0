/**
 * A byline names each party once. An EPUB's publisher is often its author ("Developer's Reference Team" in both
 * dc:creator and dc:publisher), a page's site name its author's: the stored fields stay as the document declares
 * them, and what is shown (byline, citation: APA 7 omits a publisher that is the author) drops the repeat.
 */

/** A name folded for comparison: case, accents, punctuation, spacing and a leading "The" do not count. */
function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^\s*the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** Whether `party` (a source, a publisher) is one of the authors. */
export function isOneOfAuthors(
  party: string | null | undefined,
  authors: readonly string[],
): boolean {
  const key = party ? fold(party) : ''
  return key !== '' && authors.some((a) => fold(a) === key)
}

/** The source to show beside the authors: none when it repeats one of them. */
export function sourceBesideAuthors(
  source: string | null | undefined,
  authors: readonly string[],
): string | null {
  return source && !isOneOfAuthors(source, authors) ? source : null
}
