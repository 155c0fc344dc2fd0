import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron'
import { allowedExternalUrl } from './external-links'

/** What the shell does with a link it will not navigate to: hand it to the external-link opener (or drop it). */
export type ExternalOpener = (url: string) => void

/**
 * `will-navigate` / `will-redirect` / `will-frame-navigate` handler: the app never navigates away from its own page
 * (every view is client-side). An allowed http(s)/mailto target goes to the system browser instead.
 */
export function preventNavigation(
  event: { preventDefault(): void },
  url: string,
  openExternal: ExternalOpener,
): void {
  event.preventDefault()
  const allowed = allowedExternalUrl(url)
  if (allowed) openExternal(allowed)
}

/** `setWindowOpenHandler`: never a new Electron window; an allowed link opens in the system browser. */
export function createWindowOpenHandler(
  openExternal: ExternalOpener,
): (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse {
  return ({ url }) => {
    const allowed = allowedExternalUrl(url)
    if (allowed) openExternal(allowed)
    return { action: 'deny' }
  }
}

/**
 * `will-frame-navigate` for sub-frames (the document viewer's sandboxed iframe): it may become its own `srcdoc`
 * or `about:blank`, nothing else. A link clicked inside a document is stopped; an allowed target opens in the system
 * browser. Returns whether the navigation was allowed.
 */
export function guardFrameNavigation(
  event: { preventDefault(): void },
  url: string,
  isMainFrame: boolean,
  openExternal: ExternalOpener,
): boolean {
  if (!isMainFrame && (url === 'about:srcdoc' || url === 'about:blank')) return true
  preventNavigation(event, url, openExternal)
  return false
}
