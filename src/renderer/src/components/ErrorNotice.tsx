import type { ReactNode } from 'react'

type ErrorNoticeProps = { error: Error; onRetry?: () => void }

/** A failed call, explained in place, with a retry. */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps): ReactNode {
  return (
    <div className="error-notice" role="alert">
      <span>{error.message || 'Something went wrong.'}</span>
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}
