import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react'

/** One entry of a menu. */
export type MenuItem = {
  label: string
  onSelect: () => void
  disabled?: boolean
}

type MenuButtonProps = {
  /** The button's accessible name, e.g. "Actions for tag economy". */
  label: string
  items: MenuItem[]
  /** What the button shows (an ellipsis by default). */
  children?: ReactNode
  className?: string
  /** Part of a roving-tabindex row (see use-roving-focus.ts). */
  roving?: 'secondary'
}

/**
 * A button opening a menu (the WAI-ARIA menu button pattern) on a native popover, so it sits in the top layer and
 * closes on outside clicks. Enter, Space or ↓ opens it on the first item, ↑ on the last; ↑ ↓ Home End and the
 * first letter move between items; Escape and Tab close it; Escape and choosing an item put focus back on the
 * button (so a dialog opened by the item returns focus there too).
 */
export function MenuButton({
  label,
  items,
  children = '⋯',
  className = 'icon-button',
  roving,
}: MenuButtonProps): ReactNode {
  const menuId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)

  const menuItems = (): HTMLButtonElement[] =>
    Array.from(
      menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ??
        [],
    )
  const focusItem = (index: number): void => {
    const all = menuItems()
    if (all.length === 0) return
    all[((index % all.length) + all.length) % all.length]?.focus()
  }
  const isOpen = (): boolean => menuRef.current?.matches(':popover-open') ?? false
  const close = (returnFocus: boolean): void => {
    if (isOpen()) menuRef.current?.hidePopover()
    if (returnFocus) buttonRef.current?.focus()
  }

  useEffect(() => {
    const menu = menuRef.current
    if (!menu) return
    const onToggle = (event: Event): void => {
      if ((event as ToggleEvent).newState === 'open') {
        // Opened by a click, Enter or Space (natively, through popoverTarget): start on the first item, unless
        // the keyboard already put focus on one.
        if (!menu.contains(document.activeElement)) menuItems()[0]?.focus()
        return
      }
      // Closed from inside (Escape, an item): focus goes back to the button, not to the page's start.
      const active = document.activeElement
      if (!active || active === document.body || menu.contains(active)) buttonRef.current?.focus()
    }
    menu.addEventListener('toggle', onToggle)
    return () => menu.removeEventListener('toggle', onToggle)
  })

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    if (!isOpen()) menuRef.current?.showPopover()
    focusItem(event.key === 'ArrowDown' ? 0 : -1)
  }

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const all = menuItems()
    const current = all.indexOf(document.activeElement as HTMLButtonElement)
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        focusItem(current + 1)
        return
      case 'ArrowUp':
        event.preventDefault()
        focusItem(current - 1)
        return
      case 'Home':
        event.preventDefault()
        focusItem(0)
        return
      case 'End':
        event.preventDefault()
        focusItem(-1)
        return
      case 'Escape':
        event.preventDefault()
        event.stopPropagation()
        close(true)
        return
      case 'Tab':
        // Leave the menu the way Tab would from its button.
        event.preventDefault()
        close(true)
        return
      default:
        if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey) {
          const letter = event.key.toLowerCase()
          const order = [...all.slice(current + 1), ...all.slice(0, current + 1)]
          order.find((item) => item.textContent?.trim().toLowerCase().startsWith(letter))?.focus()
        }
    }
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={className}
        data-roving={roving}
        aria-label={label}
        aria-haspopup="menu"
        aria-controls={menuId}
        popoverTarget={menuId}
        onKeyDown={onButtonKeyDown}
      >
        {children}
      </button>
      <div
        ref={menuRef}
        id={menuId}
        popover="auto"
        className="menu"
        role="menu"
        aria-label={label}
        onKeyDown={onMenuKeyDown}
      >
        {items.map((item) => (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            tabIndex={-1}
            disabled={item.disabled}
            onClick={() => {
              close(true)
              item.onSelect()
            }}
          >
            {item.label}
          </button>
        ))}
      </div>
    </>
  )
}
