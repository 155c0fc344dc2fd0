import { readFile } from 'node:fs/promises'
import { SECURITY_HEADERS } from '../http/csp'
import { contentTypeFor, resolveStaticFile } from '../http/static-files'

/** The privileged scheme and host the renderer is served from: `app://lectern/index.html`. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'lectern'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** A stored original as the backend answers it (compose/serve-files.ts). */
export type FileAnswer = { status: number; headers: Record<string, string>; body: Buffer }

const textResponse = (status: number, body: string): Response =>
  new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  })

/**
 * The `protocol.handle('app', …)` handler: a Request in, a Response out, Electron-free. Serves only files under
 * `rendererDir` (the built `out/renderer`) through the same path check as the web host, only for our host and only
 * for GET/HEAD, and puts the app CSP and hygiene headers on every answer.
 */
export function createAppProtocolHandler(
  rendererDir: string,
  /** Stored originals (`/files/<id>[/<part>]`), answered by the backend when one is open. */
  files?: (pathname: string) => Promise<FileAnswer | null>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return textResponse(405, 'Method not allowed')
    // Parse the raw string ourselves: `new URL` would already have collapsed `..` segments, hiding the attempt.
    const raw = request.url
    const prefix = `${APP_ORIGIN}/`
    if (!raw.toLowerCase().startsWith(prefix)) return textResponse(403, 'Forbidden')
    const pathname = `/${raw.slice(prefix.length).split(/[?#]/)[0] ?? ''}`
    if (files && pathname.startsWith('/files/')) {
      const answer = await files(pathname)
      if (!answer) return textResponse(404, 'Not found')
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(answer.body), {
        status: answer.status,
        headers: answer.headers,
      })
    }
    const found = resolveStaticFile(rendererDir, pathname)
    if (!found.ok)
      return textResponse(found.status, found.status === 404 ? 'Not found' : 'Forbidden')
    const body = request.method === 'HEAD' ? null : await readFile(found.file)
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(found.file) },
    })
  }
}
