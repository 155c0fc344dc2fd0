import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { type Backend, createBackend } from '../compose/create-backend'
import type { BackendContext, ImportLimits } from '../core/context'
import { createLogger, type Logger } from '../platform/logger'
import { checkHost, checkOrigin, tokenProblem } from './guards'
import { Refusal, refuse } from './respond'
import { apiRoute } from './routes/api'
import { debugRoute } from './routes/debug'
import { eventsRoute } from './routes/events'
import { filesRoute } from './routes/files'
import { staticRoute } from './routes/static'
import { uploadRoute } from './routes/upload'

/** The port `npm run web` and `lectern web` try first; when it is taken (and no port was asked for) any free one. */
export const DEFAULT_WEB_PORT = 4173
/** Largest JSON body an API call may send. Arguments are small; big payloads are uploads. */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
/** Folder under the library where uploads are staged for import. */
export const INCOMING_DIR = 'incoming'
/** Default folder under the library that `export.save` may write to through the web host. */
export const EXPORTS_DIR = 'exports'

const MAX_URL_LENGTH = 8192

export type WebHostOptions = {
  /** Port on 127.0.0.1. Undefined: DEFAULT_WEB_PORT, else any free port. 0: any free port. */
  port?: number
  libraryDir: string
  /** Folders whose files `documents.import` may read; `<library>/incoming` (uploads) is always added. */
  importRoots?: string[]
  /**
   * Folders `export.save` may write to; default `<library>/exports`. (The browser saves exports as downloads; this
   * only keeps a page from making the host write anywhere else.)
   */
  exportRoots?: string[]
  /** The per-run secret; random (32 bytes) when absent. */
  token?: string
  /** The built renderer (`out/renderer`): the only folder static files come from. */
  rendererDir: string
  /** The built import worker (`out/main/import-worker.js`); absent = parse in-process. */
  workerScript?: string
  log?: Logger
  limits?: Partial<ImportLimits>
  version?: string
  /** Hook run once the database is open (backups, integrity checks). */
  afterOpen?: (backend: BackendContext) => void
  maxBodyBytes?: number
  /** Time a client has to send a whole request (headers and body). */
  requestTimeoutMs?: number
  /** Expose `GET /api/debug/event-loop` (token-protected): event-loop delay of this process, for load tests. */
  debugMetrics?: boolean
}

export type WebHost = {
  /** The address to open, token included: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string
  port: number
  token: string
  backend: Backend
  /** Stop accepting requests, end event streams, close the backend (checkpoints the WAL). Idempotent. */
  close(): Promise<void>
}

/** Paths of the built files next to a main-process bundle in `out/main/` (used by the entries and `lectern web`). */
export function builtPaths(mainDir: string): { rendererDir: string; workerScript: string } {
  return {
    rendererDir: resolve(mainDir, '..', 'renderer'),
    workerScript: resolve(mainDir, 'import-worker.js'),
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening)
      reject(error)
    }
    const onListening = (): void => {
      server.off('error', onError)
      resolveListen((server.address() as AddressInfo).port)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    // Loopback only, whatever anyone asks for: the host exposes the whole API.
    server.listen({ host: '127.0.0.1', port, exclusive: true })
  })
}

/**
 * Start the loopback web host (SECURITY.md §6): the built renderer plus the API over HTTP on 127.0.0.1, guarded by
 * a per-run token, Host and Origin checks, JSON-only bodies and no CORS. Never part of the packaged desktop app.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.log ?? createLogger()
  const token = options.token ?? randomBytes(32).toString('base64url')
  const problem = tokenProblem(token)
  if (problem) throw new Error(`Invalid web host token: ${problem}.`)
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES

  const libraryDir = resolve(options.libraryDir)
  const incomingDir = join(libraryDir, INCOMING_DIR)
  mkdirSync(incomingDir, { recursive: true })
  const importRoots = [...(options.importRoots ?? []).map((root) => resolve(root)), incomingDir]
  const exportRoots = (options.exportRoots ?? [join(libraryDir, EXPORTS_DIR)]).map((root) =>
    resolve(root),
  )

  const backend = createBackend({
    role: 'web',
    libraryDir,
    log,
    limits: options.limits,
    version: options.version,
    importRoots,
    exportRoots,
    workerScript: options.workerScript,
    afterOpen: options.afterOpen,
  })

  const debug = debugRoute({ token, enabled: options.debugMetrics === true })
  const events = eventsRoute({ backend, token })
  const handleApiCall = apiRoute({ backend, token, maxBodyBytes, serviceTimes: debug.serviceTimes })
  const handleUpload = uploadRoute({
    token,
    incomingDir,
    maxFileBytes: () => backend.context.limits.maxFileBytes,
  })
  const handleStatic = staticRoute(options.rendererDir)
  const handleFile = filesRoute({ backend, token })
  let port = 0
  let closing = false

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET'
    const rawUrl = req.url ?? '/'
    if (rawUrl.length > MAX_URL_LENGTH) throw new Refusal(414, 'The URL is too long.')
    // Origin-form only ("/path"): an absolute-form target is a proxy request, which we are not.
    if (!rawUrl.startsWith('/') || rawUrl.startsWith('//'))
      throw new Refusal(400, 'Bad request target.')
    const hostProblem = checkHost(req.headers, port)
    if (hostProblem) throw new Refusal(403, `Refused: ${hostProblem}.`)
    if (method === 'OPTIONS')
      throw new Refusal(405, 'OPTIONS is not supported (no CORS).', 'invalid_args', {
        Allow: 'GET, HEAD, POST',
      })
    if (closing) throw new Refusal(503, 'Lectern is shutting down.')
    const originProblem = checkOrigin(req.headers, port, method)
    if (originProblem) throw new Refusal(403, `Refused: ${originProblem}.`)
    const url = new URL(rawUrl, `http://127.0.0.1:${port}`)
    const path = url.pathname

    if (path === '/api' || path.startsWith('/api/')) {
      const name = path.slice('/api/'.length)
      if (method === 'GET' && name === 'events') return events.handle(req, res, url)
      if (method === 'GET' && name === 'debug/event-loop') return debug.handle(req, res, url)
      if (method !== 'POST')
        throw new Refusal(405, 'API calls use POST.', 'invalid_args', { Allow: 'POST' })
      if (name === 'upload') return handleUpload(req, res, url)
      if (!/^[A-Za-z]+\.[A-Za-z]+$/.test(name))
        throw new Refusal(404, 'No such API endpoint.', 'not_found')
      return handleApiCall(req, res, name)
    }
    if (method !== 'GET' && method !== 'HEAD')
      throw new Refusal(405, 'Method not allowed.', 'invalid_args', { Allow: 'GET, HEAD' })
    if (path === '/files' || path.startsWith('/files/')) return handleFile(req, res, url)
    handleStatic(req, res, url)
  }

  const requestTimeout = options.requestTimeoutMs ?? 120_000
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(10_000, requestTimeout),
      keepAliveTimeout: 5_000,
      // Check request deadlines every second (Node's default is every 30 s, which makes them coarse).
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      route(req, res).catch((error: unknown) => {
        // The client went away mid-request: nobody is left to answer.
        if (req.destroyed && res.destroyed) return
        if (error instanceof Refusal) {
          refuse(req, res, error)
          return
        }
        log.error(`web host: ${req.method} ${String(req.url).slice(0, 200)} failed`, error)
        refuse(
          req,
          res,
          new Refusal(
            500,
            'Something went wrong inside Lectern; the details are in the log.',
            'internal',
          ),
        )
      })
    },
  )

  try {
    if (options.port === undefined) {
      try {
        port = await listen(server, DEFAULT_WEB_PORT)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
        port = await listen(server, 0)
      }
    } else {
      port = await listen(server, options.port)
    }
  } catch (error) {
    await backend.close()
    debug.stop()
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new Error(
        `Port ${options.port} on 127.0.0.1 is already in use; pick another with --port.`,
      )
    throw error
  }

  let closed: Promise<void> | null = null
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true
      events.endAll()
      await new Promise<void>((done) => {
        server.close(() => done())
        server.closeIdleConnections()
        setTimeout(() => server.closeAllConnections(), 2_000).unref()
      })
      debug.stop()
      await backend.close()
    })()
    return closed
  }

  return { url: `http://127.0.0.1:${port}/?token=${token}`, port, token, backend, close }
}
