import type { CitationStyle, ExportFormat, ExportPreview, QuoteSelection } from '@shared/contract'
import { type ReactNode, useState } from 'react'
import { getApi } from '../../api/client'
import { errorMessage, useApiQuery } from '../../api/use-api-query'
import { copyQuotes } from '../../components/clipboard'
import { Dialog } from '../../components/Dialog'
import { plural } from '../../components/format'
import { isBrowserHost } from '../../components/host'
import { getShell } from '../../platform/shell'
import { setCitationStyle, toast, useAppState } from '../../state/app-state'
import { CitationCheck } from './CitationCheck'

const FORMATS: { value: ExportFormat; label: string; usesStyle: boolean }[] = [
  { value: 'md', label: 'Markdown (.md)', usesStyle: true },
  { value: 'txt', label: 'Plain text (.txt)', usesStyle: true },
  { value: 'html', label: 'Web page (.html)', usesStyle: true },
  { value: 'docx', label: 'Word (.docx)', usesStyle: true },
  { value: 'csv', label: 'Spreadsheet (.csv)', usesStyle: true },
  { value: 'json', label: 'JSON', usesStyle: true },
  { value: 'csl-json', label: 'CSL-JSON (reference managers)', usesStyle: false },
  { value: 'bibtex', label: 'BibTeX', usesStyle: false },
  { value: 'ris', label: 'RIS', usesStyle: false },
  { value: 'w3c', label: 'W3C Web Annotation (JSON-LD)', usesStyle: false },
]

const STYLES: { value: CitationStyle; label: string }[] = [
  { value: 'apa', label: 'APA 7' },
  { value: 'mla', label: 'MLA 9' },
  { value: 'chicago-author-date', label: 'Chicago (author-date)' },
  { value: 'chicago-note', label: 'Chicago (notes and bibliography)' },
  { value: 'harvard', label: 'Harvard' },
  { value: 'ieee', label: 'IEEE' },
  { value: 'vancouver', label: 'Vancouver' },
]

type ExportDialogProps = { selection: QuoteSelection; title: string; onClose: () => void }

/** Decode the export into bytes for a download. */
function toBlob(preview: ExportPreview): Blob {
  if (preview.encoding === 'utf8') return new Blob([preview.content], { type: preview.mime })
  const binary = atob(preview.content)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type: preview.mime })
}

/** The browser has no save dialog: it downloads. Inside Electron the shell asks where to save. */
const savesByDownload = isBrowserHost

/** Pick format and citation style, preview, then save (or download) or copy. */
export function ExportDialog({ selection, title, onClose }: ExportDialogProps): ReactNode {
  const [format, setFormat] = useState<ExportFormat>('md')
  const style = useAppState((state) => state.citationStyle)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const preview = useApiQuery('export.render', { selection, format, style }, { keepPrevious: true })
  const usesStyle = FORMATS.find((f) => f.value === format)?.usesStyle ?? true
  const current = preview.error ? undefined : preview.data

  const save = async (): Promise<void> => {
    setProblem(null)
    if (savesByDownload()) {
      if (!current) return
      const url = URL.createObjectURL(toBlob(current))
      const link = document.createElement('a')
      link.href = url
      link.download = current.fileName
      link.rel = 'noopener'
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      toast(`Downloaded ${current.fileName}.`)
      onClose()
      return
    }
    setBusy(true)
    try {
      const path = await getShell().pickSavePath({
        defaultName: current?.fileName ?? `quotes.${format}`,
      })
      if (!path) return
      const api = getApi()
      try {
        const saved = await api.invoke('export.save', { selection, format, style, path })
        toast(`Saved ${plural(current?.quoteCount ?? 0, 'quote')} to ${saved.path}.`)
      } catch (error) {
        if (!(error instanceof Error && 'code' in error && error.code === 'conflict')) throw error
        if (!window.confirm(`${path} already exists. Replace it?`)) return
        const saved = await api.invoke('export.save', {
          selection,
          format,
          style,
          path,
          overwrite: true,
        })
        toast(`Saved to ${saved.path}.`)
      }
      onClose()
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  const copy = async (): Promise<void> => {
    setProblem(null)
    try {
      await copyQuotes(selection, style)
      toast('Copied the quotes with their citations.')
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }

  return (
    <Dialog
      title={`Export ${title}`}
      onClose={onClose}
      wide
      onEnter={() => {
        if (!busy && current) void save()
      }}
      actions={
        <>
          <button type="button" onClick={() => void copy()} disabled={!current}>
            Copy to clipboard
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void save()}
            disabled={busy || !current}
          >
            {savesByDownload() ? 'Download' : 'Save…'}
          </button>
        </>
      }
    >
      <div className="export-options">
        <label className="field">
          <span>Format</span>
          <select
            value={format}
            onChange={(event) => setFormat(event.target.value as ExportFormat)}
          >
            {FORMATS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Citation style</span>
          <select
            value={style}
            onChange={(event) => setCitationStyle(event.target.value as CitationStyle)}
            disabled={!usesStyle}
          >
            {STYLES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!usesStyle && (
        <p className="muted">This format carries the data itself; no citation style applies.</p>
      )}
      {current && <CitationCheck documentIds={current.documentIds} onFix={onClose} />}
      <section className="export-preview" aria-label="Preview" aria-busy={preview.isFetching}>
        {preview.error ? (
          <p className="form-error" role="alert">
            {preview.error.message}
          </p>
        ) : !current ? (
          <p className="loading">Preparing the preview…</p>
        ) : current.encoding === 'base64' ? (
          <p>
            {current.fileName}: {plural(current.quoteCount, 'quote')}, ready to save. Word documents
            cannot be previewed here.
          </p>
        ) : (
          <pre className="preview-text">{current.content}</pre>
        )}
      </section>
      {current && (
        <p className="muted">
          {plural(current.quoteCount, 'quote')} · {current.fileName}
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  )
}
