import { type ReactNode, useState } from 'react'
import { errorMessage, mutate, useApiQuery } from '../../api/use-api-query'
import { formatDateTime } from '../../components/format'
import { toast } from '../../state/app-state'

/**
 * A library that failed its check at open is read-only until restored (db/open-library.ts). Say so at the top of
 * the window and offer the restore the CLI has (`lectern restore`): the newest backup that verifies replaces the
 * file; the damaged file is kept beside it, never deleted.
 */
const sentence = (text: string): string => {
  const trimmed = text.trim()
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
  return /[.!?]$/.test(capital) ? capital : `${capital}.`
}

export function DamagedLibraryBanner(): ReactNode {
  const info = useApiQuery('library.info', {})
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const corrupt = info.data?.corrupt
  if (!corrupt) return null

  const restore = async (): Promise<void> => {
    setBusy(true)
    setFailure(null)
    try {
      const restored = await mutate('library.restore', {})
      info.refetch()
      toast(
        `Restored the backup of ${formatDateTime(restored.createdAt)}. The damaged file is kept beside it.`,
      )
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="damaged-library" role="alert">
      <p>
        <strong>This library is damaged and open read-only.</strong> {sentence(corrupt.message)}{' '}
        Nothing has been changed or deleted.
      </p>
      <p>
        Restoring replaces it with the newest backup that passes every check; the damaged file is
        kept beside it.
      </p>
      {failure && <p className="form-error">{failure}</p>}
      <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
        {busy ? 'Restoring…' : 'Restore from the newest good backup'}
      </button>
    </div>
  )
}
