import type { ReactNode } from 'react'
import { dismissToast, useAppState } from '../state/app-state'

/** Short messages at the bottom of the window; read out by screen readers. */
export function Toasts(): ReactNode {
  const toasts = useAppState((state) => state.toasts)
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast toast-${t.tone}`}
          role={t.tone === 'error' ? 'alert' : 'status'}
        >
          <span>{t.message}</span>
          {t.action && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                dismissToast(t.id)
                void t.action?.run()
              }}
            >
              {t.action.label}
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss message"
            onClick={() => dismissToast(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
