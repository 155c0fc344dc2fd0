import { type ReactNode, useEffect, useId, useRef } from 'react'

const FIRST_FOCUS = [
  '.dialog-body input:not([type="hidden"]):not(:disabled)',
  '.dialog-body select:not(:disabled)',
  '.dialog-body textarea:not(:disabled)',
  '.dialog-body button:not(:disabled)',
  '.dialog-actions button:not(:disabled)',
].join(', ')

type DialogProps = {
  title: string
  onClose: () => void
  children: ReactNode
  /** Buttons at the bottom. */
  actions?: ReactNode
  wide?: boolean
  /** For dialogs without a <form>: what Enter in a field does (forms submit on Enter by themselves). */
  onEnter?: () => void
}

/** A modal dialog on the native <dialog> element: focus is trapped, Escape closes, the title names it. */
export function Dialog({
  title,
  onClose,
  children,
  actions,
  wide,
  onEnter,
}: DialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const closeRef = useRef(onClose)
  closeRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement
    dialog.showModal()
    // Focus the first field (or the first action), not the header's × Close: typing should go into the form.
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>(FIRST_FOCUS)
    first?.focus()
    const onCancel = (event: Event): void => {
      event.preventDefault()
      closeRef.current()
    }
    dialog.addEventListener('cancel', onCancel)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      dialog.close()
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        const target = event.target as HTMLElement
        if (!onEnter || event.key !== 'Enter' || event.defaultPrevented) return
        if (target.tagName === 'BUTTON' || target.tagName === 'TEXTAREA' || target.tagName === 'A')
          return
        event.preventDefault()
        onEnter()
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {actions && <footer className="dialog-actions">{actions}</footer>}
    </dialog>
  )
}
