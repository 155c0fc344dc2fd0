type HighlightWindow = Window & {
  Highlight?: new (...ranges: Range[]) => object
  CSS: { highlights?: Map<string, object> }
}

/**
 * Paint `ranges` under a named highlight (styled by `::highlight(name)`) in the document that holds them. The CSS
 * Custom Highlight API leaves the DOM untouched, so the sanitized document is never modified after sanitizing and
 * the text map stays valid.
 */
export function paintHighlight(target: Document, name: string, ranges: Range[]): void {
  const view = (target.defaultView ?? window) as HighlightWindow
  const registry = view.CSS?.highlights
  if (!registry) return
  if (ranges.length === 0) {
    registry.delete(name)
    return
  }
  const HighlightClass = view.Highlight ?? (window as HighlightWindow).Highlight
  if (!HighlightClass) return
  registry.set(name, new HighlightClass(...ranges))
}

/** Remove every highlight we set in a document. */
export function clearHighlights(target: Document, names: readonly string[]): void {
  for (const name of names) paintHighlight(target, name, [])
}
