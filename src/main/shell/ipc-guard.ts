import { APP_ORIGIN } from './app-protocol'

/** The parts of Electron's `WebFrameMain` the check reads (a plain object in tests). */
export type SenderFrame = { url: string; parent: unknown | null } | null | undefined

/**
 * SECURITY.md §1 item 17: an IPC message is honoured only when it comes from our own page, i.e. the top frame of a
 * window showing `app://lectern/…`. Sub-frames (the document viewer iframe, anything injected), other schemes,
 * lookalike hosts and destroyed frames are refused.
 */
export function isTrustedSender(frame: SenderFrame): boolean {
  if (!frame || frame.parent !== null) return false
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false
  }
  return `${url.protocol}//${url.host}` === APP_ORIGIN && url.username === '' && url.password === ''
}

/** Thrown to the renderer when a sender or an argument is refused; Electron turns it into a rejected promise. */
export class IpcRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IpcRefused'
  }
}

/**
 * Wrap an `ipcMain.handle` listener so it runs only for trusted senders. The listener receives the arguments after
 * the event; it must validate them itself (zod).
 */
export function guardIpc<A extends unknown[], R>(
  listener: (...args: A) => R,
): (event: { senderFrame: SenderFrame }, ...args: A) => R {
  return (event, ...args) => {
    if (!isTrustedSender(event?.senderFrame))
      throw new IpcRefused('IPC refused: unexpected sender.')
    return listener(...args)
  }
}
