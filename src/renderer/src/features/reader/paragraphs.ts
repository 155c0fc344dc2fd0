/** A paragraph of plain text and where it starts in the document's text. */
export type Paragraph = { start: number; text: string }

/**
 * Split plain text on blank lines (how quotes count paragraphs), keeping offsets. A paragraph starts after the last
 * blank line, so an indented first line (a code sample in a plain-text file) keeps its indentation.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  const separator = /\n[ \t\r\f\v]*\n(?:[ \t\r\f\v]*\n)*/g
  let start = 0
  for (const match of text.matchAll(separator)) {
    const end = match.index ?? 0
    if (text.slice(start, end).trim()) paragraphs.push({ start, text: text.slice(start, end) })
    start = end + match[0].length
  }
  if (text.slice(start).trim()) paragraphs.push({ start, text: text.slice(start) })
  return paragraphs
}
