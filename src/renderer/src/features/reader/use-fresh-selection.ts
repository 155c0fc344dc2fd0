import { useEffect } from 'react'

/**
 * A document opens with nothing selected. Opening by double-click (on a library row or its title) leaves the browser
 * mid-way through a multi-click: the first click opened the reader and the second lands on whatever the reader put
 * under the pointer, where it would select a word — painted blue across the page toolbar and text layer. So the
 * selection is cleared when a document opens, and a multi-click whose first click happened before the reader was
 * there does nothing in it.
 */
export function useFreshSelection(documentId: number): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: each document opened starts afresh
  useEffect(() => {
    document.getSelection()?.removeAllRanges()
    // Whether a single click has happened since this document opened: a click series begun before does not count.
    let ownSeries = false
    const onMouseDown = (event: MouseEvent): void => {
      if (event.detail <= 1) ownSeries = true
      else if (!ownSeries) event.preventDefault()
    }
    document.addEventListener('mousedown', onMouseDown, true)
    return () => document.removeEventListener('mousedown', onMouseDown, true)
  }, [documentId])
}
