/**
 * Session guards (SECURITY.md §1 items 5 and 18, §2 remote loads). Electron grants every permission by default;
 * Lectern needs none (no camera, notifications, clipboard-read, geolocation, MIDI, HID, serial…), so every request
 * and check is answered "no". Pure functions with Electron's signatures so plain-Node tests cover them.
 */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false)
}

export function denyPermissionCheck(): boolean {
  return false
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
