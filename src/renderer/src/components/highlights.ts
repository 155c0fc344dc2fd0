type HighlightWindow = Window & {
  Highlight?: new (...ranges: AbstractRange[]) => object
  CSS: { highlights?: Map<string, object> }
}

/** Whether this browser paints named highlights (the CSS Custom Highlight API: Chromium 105+, Electron 21+). */
export function highlightsSupported(): boolean {
  // Evaluated when a module loads: outside a browser (a test importing it under Node) there is no window.
  if (typeof window === 'undefined') return false
  const view = window as HighlightWindow
  return view.CSS?.highlights !== undefined && view.Highlight !== undefined
}

/**
 * Paint `ranges` under a named highlight (styled by `::highlight(name)`) in the document that holds them. The CSS
 * Custom Highlight API leaves the DOM untouched: the reader's sanitized document is never modified after
 * sanitizing (its text map stays valid), and the palette's marks cost no layout.
 */
export function paintHighlight(target: Document, name: string, ranges: AbstractRange[]): void {
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
