import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Backend } from '../../compose/create-backend'
import { hasContentType } from '../guards'
import { headerToken, Refusal, readJsonBody, requireToken, sendJson } from '../respond'
import type { ServiceTimes } from './debug'

export type ApiRouteOptions = {
  backend: Backend
  token: string
  maxBodyBytes: number
  serviceTimes: ServiceTimes | null
}

/** `POST /api/<method>`: one JSON argument in, one Envelope out; a closed request aborts the call. */
export function apiRoute(options: ApiRouteOptions) {
  return async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    requireToken(options.token, headerToken(req))
    if (!hasContentType(req.headers, 'application/json'))
      throw new Refusal(415, 'API calls must be sent as application/json.')
    const args = await readJsonBody(req, options.maxBodyBytes)
    const controller = new AbortController()
    res.once('close', () => {
      if (!res.writableFinished) controller.abort()
    })
    const started = performance.now()
    const envelope = await options.backend.dispatch(method, args, { signal: controller.signal })
    options.serviceTimes?.record(method, performance.now() - started)
    if (!res.destroyed) sendJson(res, 200, envelope)
  }
}
