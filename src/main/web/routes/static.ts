import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { cacheControlFor, contentTypeFor, resolveStaticFile } from '../../http/static-files'
import { withSecurityHeaders } from '../respond'

/**
 * `GET|HEAD /…`: files of the built renderer only; client-side routes (no extension) get the app page. Hashed build
 * assets may be cached (cacheControlFor); the page and everything else are not.
 */
export function staticRoute(rendererDir: string) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    let found = resolveStaticFile(rendererDir, url.pathname)
    if (!found.ok && found.status === 404 && !/\.[A-Za-z0-9]+$/.test(url.pathname))
      found = resolveStaticFile(rendererDir, '/index.html')
    if (!found.ok) {
      const body = found.status === 404 ? 'Not found' : 'Forbidden'
      res.writeHead(
        found.status,
        withSecurityHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }),
      )
      res.end(body)
      return
    }
    res.writeHead(
      200,
      withSecurityHeaders({
        'Content-Type': contentTypeFor(found.file),
        'Cache-Control': cacheControlFor(rendererDir, found.file),
      }),
    )
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res)
  }
}
