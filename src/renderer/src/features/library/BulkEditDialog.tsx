import type { BulkMetadataPatch } from '@shared/contract'
import { type ReactNode, useState } from 'react'
import { Dialog } from '../../components/Dialog'
import { plural } from '../../components/format'

const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/

type BulkEditDialogProps = {
  count: number
  busy: boolean
  /** Resolves true when the documents were updated (the dialog then closes). */
  onSave: (patch: BulkMetadataPatch) => Promise<boolean>
  onClose: () => void
}

/**
 * The patch for what was typed: an empty field leaves that field alone on every document (a bulk edit must not wipe
 * authors nobody meant to touch). Returns an error message for a date that is not YYYY, YYYY-MM or YYYY-MM-DD.
 */
export function bulkPatch(fields: {
  authors: string
  source: string
  date: string
}): { patch: BulkMetadataPatch } | { error: string } {
  const patch: BulkMetadataPatch = {}
  const authors = fields.authors
    .split(';')
    .map((name) => name.trim())
    .filter(Boolean)
  if (authors.length > 0) patch.authors = authors
  if (fields.source.trim()) patch.source = fields.source.trim()
  const date = fields.date.trim()
  if (date) {
    if (!PARTIAL_DATE.test(date)) return { error: 'Date: use YYYY, YYYY-MM or YYYY-MM-DD.' }
    patch.publishedAt = date
  }
  if (Object.keys(patch).length === 0) return { error: 'Fill in at least one field.' }
  return { patch }
}

/** Set authors, source or date on the selected documents at once; each set field counts as a person's correction. */
export function BulkEditDialog({ count, busy, onSave, onClose }: BulkEditDialogProps): ReactNode {
  const [authors, setAuthors] = useState('')
  const [source, setSource] = useState('')
  const [date, setDate] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const save = async (): Promise<void> => {
    const result = bulkPatch({ authors, source, date })
    if ('error' in result) {
      setProblem(result.error)
      return
    }
    setProblem(null)
    if (await onSave(result.patch)) onClose()
  }

  return (
    <Dialog
      title={`Edit ${plural(count, 'document')}`}
      onClose={onClose}
      onEnter={() => {
        if (!busy) void save()
      }}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
            Apply to {plural(count, 'document')}
          </button>
        </>
      }
    >
      <p className="muted">Empty fields are left as they are on each document.</p>
      <label className="field">
        <span>Authors (separate with ;)</span>
        <input value={authors} onChange={(event) => setAuthors(event.target.value)} />
      </label>
      <label className="field">
        <span>Source</span>
        <input value={source} onChange={(event) => setSource(event.target.value)} />
      </label>
      <label className="field">
        <span>Date</span>
        <input
          value={date}
          placeholder="YYYY-MM-DD"
          onChange={(event) => setDate(event.target.value)}
        />
      </label>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  )
}
