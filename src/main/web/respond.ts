import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { ApiErrorCode, Envelope } from '@shared/contract'
import { SECURITY_HEADERS } from '../http/csp'
import { tokensMatch } from './guards'

/** A request the host refuses, with the status and envelope code to answer with. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ApiErrorCode = 'invalid_args',
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(message)
  }
}

/** Every response carries the app's CSP and the other security headers (SECURITY.md §3.2, §6). */
export const withSecurityHeaders = (extra: OutgoingHttpHeaders = {}): OutgoingHttpHeaders => ({
  ...SECURITY_HEADERS,
  ...extra,
})

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: OutgoingHttpHeaders = {},
): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const payload = JSON.stringify(body)
  res.writeHead(
    status,
    withSecurityHeaders({
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(payload),
      ...extra,
    }),
  )
  res.end(payload)
}

export function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const envelope: Envelope<never> = {
    ok: false,
    error: { code: refusal.code, message: refusal.message },
  }
  // A client still sending a body we refused: answer, then drop the connection instead of reading it all.
  const unread = !req.readableEnded
  sendJson(
    res,
    refusal.status,
    envelope,
    unread ? { ...refusal.headers, Connection: 'close' } : refusal.headers,
  )
  if (unread) res.once('finish', () => req.destroy())
}

/** Throws a 401 Refusal unless `given` is the host's token (compared in constant time). */
export function requireToken(token: string, given: string | null | undefined): void {
  if (!tokensMatch(token, given)) throw new Refusal(401, 'Missing or wrong Lectern token.')
}

export const headerToken = (req: IncomingMessage): string | undefined =>
  req.headers['x-lectern-token'] as string | undefined

/** Read a JSON body of at most `maxBytes` (an empty body is `{}`). */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > maxBytes) {
      reject(new Refusal(413, `The request body is larger than ${maxBytes} bytes.`))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > maxBytes) {
        failed = true
        reject(new Refusal(413, `The request body is larger than ${maxBytes} bytes.`))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (failed) return
      const text = Buffer.concat(chunks).toString('utf8')
      if (text.trim() === '') {
        resolveBody({})
        return
      }
      try {
        resolveBody(JSON.parse(text))
      } catch {
        reject(new Refusal(400, 'The request body is not valid JSON.'))
      }
    })
    req.on('error', (error) => {
      if (!failed) reject(error)
    })
  })
}
