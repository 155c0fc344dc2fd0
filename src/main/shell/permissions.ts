import { APP_HOST, APP_SCHEME } from './app-protocol'

/**
 * Session guards (SECURITY.md §1 items 5 and 18, §2 remote loads). Electron grants every permission by default;
 * Lectern needs exactly one: `clipboard-sanitized-write`, which `navigator.clipboard.writeText` asks for in
 * Electron (the Copy buttons). It is granted only to the app's own page in the main frame — never to the document
 * viewer's sub-frame or any other origin. Everything else (camera, notifications, clipboard-read, geolocation, MIDI,
 * HID, serial…) is answered "no". Pure functions with Electron's signatures so plain-Node tests cover them.
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write'])

interface PermissionDetails {
  requestingUrl?: string
  isMainFrame?: boolean
}

/** Is this URL or origin (`app://lectern`, `app://lectern/index.html`) the app's own page? */
function isAppOrigin(urlOrOrigin: string | undefined): boolean {
  if (!urlOrOrigin) return false
  try {
    const url = new URL(urlOrOrigin)
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.port
  } catch {
    return false
  }
}

function isAllowed(permission: string, origin: string | undefined, details: unknown): boolean {
  const d = (details ?? {}) as PermissionDetails
  return ALLOWED_PERMISSIONS.has(permission) && d.isMainFrame === true && isAppOrigin(origin)
}

/** `session.setPermissionRequestHandler`. */
export function permissionRequestHandler(
  _webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: unknown,
): void {
  callback(
    isAllowed(permission, (details as PermissionDetails | undefined)?.requestingUrl, details),
  )
}

/** `session.setPermissionCheckHandler`: Electron passes the requesting origin separately. */
export function permissionCheckHandler(
  _webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details?: unknown,
): boolean {
  return isAllowed(permission, requestingOrigin, details)
}

/** Schemes the window may load: our own files, document resources, inline data and object URLs. */
const LOCAL_SCHEMES = new Set(['app:', 'app-doc:', 'data:', 'blob:', 'about:', 'devtools:'])

/** Should this request be cancelled? Everything that could leave the machine is (http, https, ws, wss, ftp, file…). */
export function shouldCancelRequest(url: string): boolean {
  let scheme: string
  try {
    scheme = new URL(url).protocol
  } catch {
    return true
  }
  return !LOCAL_SCHEMES.has(scheme)
}

/** `session.webRequest.onBeforeRequest` listener built on shouldCancelRequest. */
export function requestFilter(
  details: { url: string },
  callback: (response: { cancel: boolean }) => void,
): void {
  callback({ cancel: shouldCancelRequest(details.url) })
}
