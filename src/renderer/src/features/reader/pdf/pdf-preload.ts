/**
 * What opening a PDF's pages waits for, started as soon as the reader knows it shows a PDF rather than one after the
 * other: pdf.js's worker (a megabyte of script to load and compile), the page view's code, and the original's bytes.
 * Nothing here imports pdf.js itself, so this stays in the app's main bundle and costs nothing until a PDF is opened.
 */
// The unminified worker, because patches/pdfjs-dist+*.patch fixes its glyph-to-Unicode mapping (a partial
// /ToUnicode map lost every "fi" on the page, so a quote selected there read "speci ed"), as in the importer's copy.
import workerUrl from 'pdfjs-dist/build/pdf.worker.mjs?url'

/** Larger originals are not opened in the page view (the text view still works). */
export const MAX_PDF_BYTES = 512 * 1024 * 1024

type ScriptUrlPolicy = { createScriptURL(input: string): string }
type TrustedTypesGlobal = {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy
}

let workerPolicy: ScriptUrlPolicy | null = null

/**
 * The worker's URL as Trusted Types require (`require-trusted-types-for 'script'`): the CSP allows this policy by
 * name, and it vouches for exactly one URL, the bundled worker.
 */
function trustedWorkerUrl(): string {
  const trustedTypes = (window as unknown as { trustedTypes?: TrustedTypesGlobal }).trustedTypes
  if (!trustedTypes) return workerUrl
  workerPolicy ??= trustedTypes.createPolicy('lectern-pdf-worker', {
    createScriptURL: (input) => {
      if (input !== workerUrl) throw new Error('Only the bundled PDF worker may run.')
      return input
    },
  })
  return workerPolicy.createScriptURL(workerUrl)
}

let worker: Worker | null = null

/** pdf.js's worker: one for the app's lifetime, shared by every document opened. */
export function pdfWorker(): Worker {
  worker ??= new Worker(trustedWorkerUrl(), { type: 'module', name: 'pdf' })
  return worker
}

/** Fetch a document's stored original from our own origin; throws a one-line reason. */
export async function fetchOriginal(url: string, signal: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, { signal, credentials: 'same-origin' })
  if (!response.ok) {
    throw new Error(
      response.status === 404
        ? 'the original file is not in the library'
        : `the original could not be read (${response.status})`,
    )
  }
  const length = Number(response.headers.get('Content-Length') ?? 0)
  if (length > MAX_PDF_BYTES) throw new Error('the original is too large to show as pages')
  const bytes = new Uint8Array(await response.arrayBuffer())
  if (bytes.byteLength > MAX_PDF_BYTES)
    throw new Error('the original is too large to show as pages')
  return bytes
}

/**
 * The original fetched ahead (the last asked for), handed out once since pdf.js takes the bytes over; or, once taken
 * (`taken`), the one the page view is using, so that a preload arriving after the view asked does not fetch it twice.
 */
let ahead: {
  url: string
  bytes: Promise<Uint8Array>
  abort: AbortController
  taken: boolean
} | null = null

/**
 * Start what the page view of a PDF needs: the worker and the page view's code (`loadView`, the reader's lazy
 * import, passed in so that this module does not depend on the view that depends on it) always; the original's bytes when
 * `originalUrl` is given (only once the library said the original is stored, so no request is made for nothing).
 */
export function preloadPdf(originalUrl: string | null, loadView: () => Promise<unknown>): void {
  pdfWorker()
  loadView().catch(() => {
    // Reported when the reader itself loads the page view.
  })
  if (!originalUrl || ahead?.url === originalUrl) return
  if (ahead && !ahead.taken) ahead.abort.abort()
  const abort = new AbortController()
  const bytes = fetchOriginal(originalUrl, abort.signal)
  // Unclaimed, a failure is not an error: the page view asks again and reports it.
  bytes.catch(() => undefined)
  ahead = { url: originalUrl, bytes, abort, taken: false }
}

/** The original's bytes: those fetched ahead when they are this document's, else fetched now. */
export function takeOriginal(url: string, signal: AbortSignal): Promise<Uint8Array> {
  const entry =
    ahead?.url === url && !ahead.taken
      ? ahead
      : { url, bytes: fetchOriginal(url, signal), abort: new AbortController(), taken: false }
  entry.taken = true
  ahead = entry
  signal.addEventListener(
    'abort',
    () => {
      entry.abort.abort()
      if (ahead === entry) ahead = null
    },
    { once: true },
  )
  return entry.bytes
}
