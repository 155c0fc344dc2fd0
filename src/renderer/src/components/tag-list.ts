/** Split "a, b ,c" (what people type in a tags field) into distinct, trimmed tag names. */
export function parseTagList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ]
}
