import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, realpathSync } from 'node:fs'
import { rename, unlink } from 'node:fs/promises'
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ApiErrorCode, Envelope } from '@shared/contract'
import { parseFilePath, serveOriginal } from '../originals/serve-original'
import { createLogger, type Logger } from '../platform/logger'
import { SECURITY_HEADERS } from '../shell/csp'
import { contentTypeFor, resolveStaticFile } from '../shell/static-files'
import type { BackendContext, ImportLimits } from './context'
import { type Backend, createBackend } from './create-backend'
import {
  checkHost,
  checkOrigin,
  hasContentType,
  tokenProblem,
  tokensMatch,
  uploadSegments,
  validBatch,
} from './web-host-guards'

/** The port `npm run web` and `lectern web` try first; when it is taken (and no port was asked for) any free one. */
export const DEFAULT_WEB_PORT = 4173
/** Largest JSON body an API call may send. Arguments are small; big payloads are uploads. */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
/** Folder under the library where uploads are staged for import. */
export const INCOMING_DIR = 'incoming'
/** Default folder under the library that `export.save` may write to through the web host. */
export const EXPORTS_DIR = 'exports'

const MAX_URL_LENGTH = 8192
const MAX_EVENT_STREAMS = 64
const SSE_HEARTBEAT_MS = 15_000
const SSE_MAX_BUFFERED = 8 * 1024 * 1024

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

/** Per-method dispatch durations for the debug endpoint (bounded: the last 20,000 samples per method). */
function createServiceTimes() {
  const samples = new Map<string, number[]>()
  const at = (sorted: number[], q: number): number =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 100) /
    100
  return {
    record(method: string, ms: number): void {
      let list = samples.get(method)
      if (!list) {
        list = []
        samples.set(method, list)
      }
      if (list.length >= 20_000) list.shift()
      list.push(ms)
    },
    summary(): Record<string, { n: number; p50: number; p95: number; max: number }> {
      const out: Record<string, { n: number; p50: number; p95: number; max: number }> = {}
      for (const [method, list] of samples) {
        const sorted = [...list].sort((a, b) => a - b)
        out[method] = {
          n: sorted.length,
          p50: at(sorted, 0.5),
          p95: at(sorted, 0.95),
          max: at(sorted, 1),
        }
      }
      return out
    },
    reset(): void {
      samples.clear()
    },
  }
}

/** Paths of the built files next to a main-process bundle in `out/main/` (used by the entries and `lectern web`). */
export function builtPaths(mainDir: string): { rendererDir: string; workerScript: string } {
  return {
    rendererDir: resolve(mainDir, '..', 'renderer'),
    workerScript: resolve(mainDir, 'import-worker.js'),
  }
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ApiErrorCode = 'invalid_args',
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(message)
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
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

  // Node's histogram includes the sampling interval itself, so sample every millisecond: values ≈ 1 ms + delay.
  const loopDelay = options.debugMetrics ? monitorEventLoopDelay({ resolution: 1 }) : null
  loopDelay?.enable()
  const serviceTimes = options.debugMetrics ? createServiceTimes() : null

  const streams = new Set<ServerResponse>()
  let port = 0
  let closing = false

  const baseHeaders = (extra: OutgoingHttpHeaders = {}): OutgoingHttpHeaders => ({
    ...SECURITY_HEADERS,
    ...extra,
  })

  const sendJson = (
    res: ServerResponse,
    status: number,
    body: unknown,
    extra: OutgoingHttpHeaders = {},
  ): void => {
    if (res.headersSent) {
      res.destroy()
      return
    }
    const payload = JSON.stringify(body)
    res.writeHead(
      status,
      baseHeaders({
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(payload),
        ...extra,
      }),
    )
    res.end(payload)
  }

  const refuse = (req: IncomingMessage, res: ServerResponse, refusal: Refusal): void => {
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

  const requireToken = (given: string | null | undefined): void => {
    if (!tokensMatch(token, given)) throw new Refusal(401, 'Missing or wrong Lectern token.')
  }

  const readJsonBody = (req: IncomingMessage): Promise<unknown> =>
    new Promise((resolveBody, reject) => {
      const declared = Number(req.headers['content-length'] ?? 0)
      if (declared > maxBodyBytes) {
        reject(new Refusal(413, `The request body is larger than ${maxBodyBytes} bytes.`))
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      let failed = false
      req.on('data', (chunk: Buffer) => {
        if (failed) return
        size += chunk.length
        if (size > maxBodyBytes) {
          failed = true
          reject(new Refusal(413, `The request body is larger than ${maxBodyBytes} bytes.`))
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

  const handleApiCall = async (
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
  ): Promise<void> => {
    requireToken(req.headers['x-lectern-token'] as string | undefined)
    if (!hasContentType(req.headers, 'application/json'))
      throw new Refusal(415, 'API calls must be sent as application/json.')
    const args = await readJsonBody(req)
    const controller = new AbortController()
    res.once('close', () => {
      if (!res.writableFinished) controller.abort()
    })
    const started = performance.now()
    const envelope = await backend.dispatch(method, args, { signal: controller.signal })
    serviceTimes?.record(method, performance.now() - started)
    if (!res.destroyed) sendJson(res, 200, envelope)
  }

  const handleUpload = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> => {
    requireToken(req.headers['x-lectern-token'] as string | undefined)
    if (!hasContentType(req.headers, 'application/octet-stream'))
      throw new Refusal(415, 'Uploads must be sent as application/octet-stream.')
    const batch = url.searchParams.get('batch') ?? randomBytes(8).toString('hex')
    if (!validBatch(batch)) throw new Refusal(400, 'The upload batch id is not valid.')
    const segments = uploadSegments(url.searchParams.get('name'))
    if (!segments)
      throw new Refusal(400, 'The upload file name is missing or not a safe relative path.')
    const limit = backend.context.limits.maxFileBytes
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit)
      throw new Refusal(413, `The file is larger than the import limit of ${limit} bytes.`)

    const target = join(incomingDir, batch, ...segments)
    if (!isInside(incomingDir, target))
      throw new Refusal(400, 'The upload path leaves the incoming folder.')
    const folder = join(target, '..')
    mkdirSync(folder, { recursive: true })
    // Only this host creates folders in incoming/, but check the real path anyway: no symlink may lead out.
    const realFolder = realpathSync(folder)
    const realIncoming = realpathSync(incomingDir)
    if (realFolder !== realIncoming && !isInside(realIncoming, realFolder))
      throw new Refusal(400, 'The upload path leaves the incoming folder.')

    const temp = `${target}.part-${randomBytes(6).toString('hex')}`
    let size = 0
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length
        if (size > limit) {
          callback(new Refusal(413, `The file is larger than the import limit of ${limit} bytes.`))
          return
        }
        callback(null, chunk)
      },
    })
    try {
      await pipeline(req, counter, createWriteStream(temp, { flags: 'wx' }))
      await rename(temp, target)
    } catch (error) {
      await unlink(temp).catch(() => {})
      throw error
    }
    sendJson(res, 200, { ok: true, value: { path: target } })
  }

  const handleEvents = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    requireToken(
      url.searchParams.get('token') ?? (req.headers['x-lectern-token'] as string | undefined),
    )
    if (streams.size >= MAX_EVENT_STREAMS) throw new Refusal(503, 'Too many open event streams.')
    res.writeHead(
      200,
      baseHeaders({ 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' }),
    )
    res.write('retry: 2000\n\n')
    streams.add(res)
    const unsubscribe = backend.onAny((event, payload) => {
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
  }

  const handleDebug = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    requireToken(req.headers['x-lectern-token'] as string | undefined)
    if (!loopDelay) throw new Refusal(404, 'Not found.', 'not_found')
    const ms = (ns: number): number => Math.round(ns / 1e4) / 100
    const value = {
      resolutionMs: 1,
      count: loopDelay.count,
      meanMs: ms(loopDelay.mean),
      p50Ms: ms(loopDelay.percentile(50)),
      p99Ms: ms(loopDelay.percentile(99)),
      maxMs: ms(loopDelay.max),
      rssBytes: process.memoryUsage().rss,
      /** Time spent inside dispatch per method (ms), i.e. service time without queueing. */
      methods: serviceTimes?.summary() ?? {},
    }
    if (url.searchParams.get('reset') === '1') {
      loopDelay.reset()
      serviceTimes?.reset()
    }
    sendJson(res, 200, { ok: true, value })
  }

  /** `GET /files/<id>[/<part>]`: a stored original or an image in it, token-guarded like the API. */
  const handleFile = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    requireToken(
      url.searchParams.get('token') ?? (req.headers['x-lectern-token'] as string | undefined),
    )
    const target = parseFilePath(url.pathname)
    if (!target) throw new Refusal(404, 'No such file.', 'not_found')
    const answer = await serveOriginal(backend.context, target.id, target.part)
    if (res.destroyed) return
    res.writeHead(answer.status, {
      ...answer.headers,
      'Content-Length': Buffer.byteLength(answer.body),
    })
    res.end(req.method === 'HEAD' ? undefined : answer.body)
  }

  const handleStatic = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    let found = resolveStaticFile(options.rendererDir, url.pathname)
    // Client-side routes (no file extension) get the app page; real assets must exist.
    if (!found.ok && found.status === 404 && !/\.[A-Za-z0-9]+$/.test(url.pathname))
      found = resolveStaticFile(options.rendererDir, '/index.html')
    if (!found.ok) {
      const body = found.status === 404 ? 'Not found' : 'Forbidden'
      res.writeHead(found.status, baseHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }))
      res.end(body)
      return
    }
    res.writeHead(200, baseHeaders({ 'Content-Type': contentTypeFor(found.file) }))
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res)
  }

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
      if (method === 'GET' && name === 'events') return handleEvents(req, res, url)
      if (method === 'GET' && name === 'debug/event-loop') return handleDebug(req, res, url)
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
    loopDelay?.disable()
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
      for (const stream of streams) stream.end()
      await new Promise<void>((done) => {
        server.close(() => done())
        server.closeIdleConnections()
        setTimeout(() => server.closeAllConnections(), 2_000).unref()
      })
      loopDelay?.disable()
      await backend.close()
    })()
    return closed
  }

  return { url: `http://127.0.0.1:${port}/?token=${token}`, port, token, backend, close }
}
