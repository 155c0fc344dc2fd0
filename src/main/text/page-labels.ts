/**
 * Printed page labels ("xii", "20"), as every locator shows them: from the importer's page table
 * (documents.pages, migration 0070: `/PageLabels` or the page number printed in a running header/footer). Queries
 * select the labels alone as a JSON array, not the whole page table (which also holds each page's removed lines):
 * `(SELECT json_group_array(json_extract(value, '$.label') ORDER BY key) FROM json_each(CASE WHEN json_valid(pages)
 * THEN pages END)) AS page_labels`.
 */

/** The labels of a document's pages, index 0 = page 1; null when the JSON is missing or not an array. */
export function parsePageLabels(json: string | null | undefined): (string | null)[] | null {
  if (!json) return null
  try {
    const value: unknown = JSON.parse(json)
    if (!Array.isArray(value) || value.length === 0) return null
    return value.map((v) => (typeof v === 'string' && v.trim() !== '' ? v : null))
  } catch {
    return null
  }
}

/** The printed label of 1-based `page`, or null when the page has none (then the page number is the locator). */
export function pageLabelOf(
  labels: readonly (string | null)[] | null,
  page: number | null,
): string | null {
  if (page === null || !labels) return null
  return labels[page - 1] ?? null
}
