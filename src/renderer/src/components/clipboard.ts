import type { CitationStyle, QuoteSelection } from '@shared/contract'
import { getApi } from '../api/client'

/**
 * Copy quotes with their citations: plain text plus rich text (HTML) where the clipboard takes both. The HTML
 * comes from the export renderer, which escapes quote text and metadata.
 */
export async function copyQuotes(selection: QuoteSelection, style: CitationStyle): Promise<void> {
  const api = getApi()
  const [plain, rich] = await Promise.all([
    api.invoke('export.render', { selection, format: 'txt', style }),
    api.invoke('export.render', { selection, format: 'html', style }).catch(() => null),
  ])
  await copyText(plain.content, rich?.encoding === 'utf8' ? rich.content : null)
}

/** Put text (and optionally HTML) on the clipboard. */
export async function copyText(text: string, html: string | null = null): Promise<void> {
  if (html && typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ])
      return
    } catch {
      // Some hosts allow only text: fall through.
    }
  }
  await navigator.clipboard.writeText(text)
}
