import { toApiCallError } from '@shared/api-call'
import type { ApiTransport } from '@shared/contract'
import { createHttpTransport } from './http-transport'

const TOKEN_KEY = 'lectern.token'

/** The web host hands the page its token in `?token=`; keep it for reloads, then drop it from the address bar. */
function webToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

let transport: ApiTransport | null = null

/**
 * The preload rejects failed calls with a plain `{ code, message }` (contextBridge strips custom Error fields):
 * turn that back into an ApiCallError so both transports fail the same way.
 */
function fromPreload(preload: ApiTransport): ApiTransport {
  return {
    invoke: (method, args) =>
      preload.invoke(method, args).catch((error: unknown) => {
        throw toApiCallError(error)
      }),
    on: (event, listener) => preload.on(event, listener),
  }
}

/** The one API transport of this page: Electron's preload when present, else the loopback web host. */
export function getApi(): ApiTransport {
  transport ??= window.api
    ? fromPreload(window.api)
    : createHttpTransport(window.location.origin, webToken())
  return transport
}

/** The web host's token (empty inside Electron): needed by the upload endpoint. */
export function webHostToken(): string {
  const api = getApi() as ApiTransport & { token?: string }
  return api.token ?? ''
}

export { ApiCallError } from '@shared/api-call'
