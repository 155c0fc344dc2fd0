import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Backend } from '../../compose/create-backend'
import { headerToken, Refusal, requireToken, withSecurityHeaders } from '../respond'

const MAX_EVENT_STREAMS = 64
const SSE_HEARTBEAT_MS = 15_000
const SSE_MAX_BUFFERED = 8 * 1024 * 1024

export type EventsRoute = {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void
  /** End every open stream (on close). */
  endAll(): void
}

/** `GET /api/events?token=…`: every backend event as server-sent events (EventSource cannot send headers). */
export function eventsRoute(options: { backend: Backend; token: string }): EventsRoute {
  const streams = new Set<ServerResponse>()
  return {
    handle(req, res, url) {
      requireToken(options.token, url.searchParams.get('token') ?? headerToken(req))
      if (streams.size >= MAX_EVENT_STREAMS) throw new Refusal(503, 'Too many open event streams.')
      res.writeHead(
        200,
        withSecurityHeaders({
          'Content-Type': 'text/event-stream; charset=utf-8',
          Connection: 'keep-alive',
        }),
      )
      res.write('retry: 2000\n\n')
      streams.add(res)
      const unsubscribe = options.backend.onAny((event, payload) => {
        if (res.writableLength > SSE_MAX_BUFFERED) {
          res.destroy() // a client that stopped reading must not make the host buffer without bound
          return
        }
        res.write(`data: ${JSON.stringify({ event, payload })}\n\n`)
      })
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS)
      heartbeat.unref()
      res.once('close', () => {
        clearInterval(heartbeat)
        unsubscribe()
        streams.delete(res)
      })
    },
    endAll() {
      for (const stream of streams) stream.end()
    },
  }
}
