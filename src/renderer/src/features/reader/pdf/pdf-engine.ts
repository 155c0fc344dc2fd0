/**
 * pdf.js, configured for hostile files (SECURITY.md): no eval (`isEvalSupported: false`), no XFA, no scripting (we
 * never load pdf.js's scripting sandbox or annotation layer, so a PDF's JavaScript and form actions never run), no
 * remote resources (the bytes come from the stored original through our own origin; fonts from the file or the
 * bundled standard fonts and CMaps, never the system), and a worker we start ourselves from a bundled file.
 */
import {
  GlobalWorkerOptions,
  getDocument,
  InvalidPDFException,
  type PDFDocumentLoadingTask,
  type PDFDocumentProxy,
} from 'pdfjs-dist'
import { pdfWorker } from './pdf-preload'

/** Where the build copies pdf.js's standard fonts and CMaps (electron.vite.config.ts, `pdfjsAssets`). */
const ASSETS = new URL('./pdfjs/', document.baseURI)

/** The shared worker (started early by pdf-preload when a PDF is opened). */
function ensureWorker(): void {
  GlobalWorkerOptions.workerPort ??= pdfWorker()
}

/** Open a PDF from its bytes. The caller destroys the returned task when done (which frees the document). */
export function openPdf(data: Uint8Array): PDFDocumentLoadingTask {
  ensureWorker()
  return getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    standardFontDataUrl: new URL('standard_fonts/', ASSETS).href,
    cMapUrl: new URL('cmaps/', ASSETS).href,
    cMapPacked: true,
    // Decoders for JPEG 2000 / JBIG2 would need 'wasm-unsafe-eval' in the CSP: pdf.js falls back to its JS ones.
    useWasm: false,
    // No fetch of anything but our own assets, and nothing more than asked for.
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    // A damaged object costs its page, not the document.
    stopAtErrors: false,
    // Images larger than 64 megapixels are not decoded (a bomb would otherwise take the memory).
    maxImageSize: 64 * 1024 * 1024,
  })
}

/**
 * Why a PDF could not be shown as pages, as one short clause for the reader's banner ("…could not be shown (X).").
 * pdf.js's own messages end with a full stop and name its internals: "Invalid PDF structure."
 */
export function failureReason(error: unknown): string {
  if (error instanceof InvalidPDFException) return 'the stored file is not a readable PDF'
  const message = error instanceof Error ? error.message : String(error)
  const clause = message.trim().replace(/\.+$/, '')
  return clause.length > 160 ? `${clause.slice(0, 159)}…` : clause || 'unknown error'
}

export type { PDFDocumentProxy }
