import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Backend } from '../../compose/create-backend'
import { parseFilePath, serveOriginal } from '../../originals/serve-original'
import { headerToken, Refusal, requireToken } from '../respond'

/**
 * `GET|HEAD /files/<id>[/<part>]`: a stored original or an image inside it, token-guarded like the API (the token may
 * come as `?token=`, since <img> cannot send headers). The answer's headers come from serveOriginal (exact type, CSP
 * sandbox, nosniff).
 */
export function filesRoute(options: { backend: Backend; token: string }) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    requireToken(options.token, url.searchParams.get('token') ?? headerToken(req))
    const target = parseFilePath(url.pathname)
    if (!target) throw new Refusal(404, 'No such file.', 'not_found')
    const answer = await serveOriginal(options.backend.context, target.id, target.part)
    if (res.destroyed) return
    res.writeHead(answer.status, { ...answer.headers, 'Content-Length': answer.body.length })
    res.end(req.method === 'HEAD' ? undefined : answer.body)
  }
}
