type FormFooterProps = {
  /** Shown above the buttons as an alert when set. */
  error?: string | null
  onCancel: () => void
  submitLabel: string
  canSubmit?: boolean
}

/** The error line and Cancel / submit buttons every dialog form ends with. */
export function FormFooter({ error, onCancel, submitLabel, canSubmit = true }: FormFooterProps) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!canSubmit}>
          {submitLabel}
        </button>
      </div>
    </>
  )
}
