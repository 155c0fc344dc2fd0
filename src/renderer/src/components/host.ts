import { webHostToken } from '../api/client'

/**
 * Whether the page runs in a browser against the loopback web host (rather than inside Electron). The browser has
 * no file paths or save dialog: it uploads picked and dropped files and saves exports as downloads.
 */
export function isBrowserHost(): boolean {
  return webHostToken() !== ''
}
