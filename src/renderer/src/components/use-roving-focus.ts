import { type RefObject, useEffect, useLayoutEffect } from 'react'

/**
 * Roving tabindex (WAI-ARIA APG): a list is ONE tab stop. Inside `containerRef`, elements marked
 * `data-roving="item"` are the rows' main controls: only the current one is tabbable, ↑/↓ (and Home/End) move
 * between them. A row's other controls (`data-roving="secondary"`) are reached with →/← from its main control.
 */
export function useRovingFocus(containerRef: RefObject<HTMLElement | null>): void {
  // After every render (rows come and go), keep exactly one item tabbable: the focused one, else the first.
  useLayoutEffect(() => {
    const container = containerRef.current
    if (!container) return
    const items = [...container.querySelectorAll<HTMLElement>('[data-roving="item"]')]
    const current =
      items.find((item) => item === document.activeElement) ??
      items.find((item) => item.dataset.rovingCurrent === 'true') ??
      items[0]
    for (const item of items) item.tabIndex = item === current ? 0 : -1
    for (const secondary of container.querySelectorAll<HTMLElement>('[data-roving="secondary"]')) {
      secondary.tabIndex = -1
    }
  })

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey) return
      const target = event.target as HTMLElement
      const role = target.dataset?.roving
      if (!role) return
      // A row's other controls keep ↑/↓ for themselves (a menu button opens its menu on ↓).
      if (role === 'secondary' && event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
      const items = [...container.querySelectorAll<HTMLElement>('[data-roving="item"]')]
      const row = target.closest('[data-roving-row]') ?? target.parentElement
      const rowControls = row
        ? [...row.querySelectorAll<HTMLElement>('[data-roving="item"], [data-roving="secondary"]')]
        : []
      let next: HTMLElement | undefined
      const itemOf = (el: HTMLElement): HTMLElement | undefined =>
        role === 'item' ? el : rowControls.find((c) => c.dataset.roving === 'item')
      const index = items.indexOf(itemOf(target) ?? target)
      switch (event.key) {
        case 'ArrowDown':
          next = items[Math.min(items.length - 1, index + 1)]
          break
        case 'ArrowUp':
          next = items[Math.max(0, index - 1)]
          break
        case 'Home':
          next = items[0]
          break
        case 'End':
          next = items[items.length - 1]
          break
        case 'ArrowRight':
          next = rowControls[rowControls.indexOf(target) + 1]
          break
        case 'ArrowLeft':
          next = rowControls[rowControls.indexOf(target) - 1]
          break
        default:
          return
      }
      if (!next || next === target) return
      event.preventDefault()
      if (next.dataset.roving === 'item') {
        for (const item of items) {
          item.tabIndex = item === next ? 0 : -1
          item.dataset.rovingCurrent = item === next ? 'true' : 'false'
        }
      }
      next.focus()
    }
    container.addEventListener('keydown', onKeyDown)
    return () => container.removeEventListener('keydown', onKeyDown)
  }, [containerRef])
}
