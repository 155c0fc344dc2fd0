import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import sanitizeFilename from 'sanitize-filename'

/**
 * Request checks of the loopback web host (SECURITY.md §6), as pure functions so each rule is tested on its own.
 * Each returns null when the request passes, else a short reason (logged, and sent in the refusal's message).
 */

/** The two names a browser on this machine may use for us; anything else is DNS rebinding or a proxy. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

/** Our own origins, as a browser writes them in `Origin`. */
export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`)
}

export function checkHost(headers: IncomingHttpHeaders, port: number): string | null {
  const host = headers.host?.toLowerCase()
  if (!host) return 'missing Host header'
  return allowedHosts(port).includes(host) ? null : 'foreign Host header'
}

/**
 * POSTs must carry our own Origin (browsers always send one on POST, so a missing one is not a browser of ours).
 * GETs may omit it (same-origin navigations and EventSource usually do) but never carry a foreign one.
 * `Sec-Fetch-Site: cross-site` is refused as a second signal where the browser sends it.
 */
export function checkOrigin(
  headers: IncomingHttpHeaders,
  port: number,
  method: string,
): string | null {
  const site = headers['sec-fetch-site']
  if (site === 'cross-site' || site === 'same-site') return 'cross-site request'
  const origin = headers.origin
  if (origin === undefined) return method === 'POST' ? 'missing Origin header' : null
  return allowedOrigins(port).includes(origin.toLowerCase()) ? null : 'foreign Origin header'
}

/** Is the media type (ignoring parameters such as charset) exactly the expected one? */
export function hasContentType(headers: IncomingHttpHeaders, expected: string): boolean {
  const value = headers['content-type']
  if (!value) return false
  return value.split(';')[0]?.trim().toLowerCase() === expected
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()

/** Constant-time token comparison; hashing first makes the length of the guess irrelevant too. */
export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 1024) return false
  return timingSafeEqual(digest(expected), digest(given))
}

/** Tokens travel in URLs and headers: keep them to URL-safe characters and long enough not to be guessed. */
export function tokenProblem(token: string): string | null {
  if (token.length < 16) return 'the token must be at least 16 characters long'
  if (token.length > 256) return 'the token must be at most 256 characters long'
  if (!/^[A-Za-z0-9._~-]+$/.test(token))
    return 'the token may only contain A-Z, a-z, 0-9 and . _ ~ -'
  return null
}

/** A batch id groups the files of one pick; the renderer sends a UUID. */
export function validBatch(batch: string | null): batch is string {
  return typeof batch === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(batch)
}

const MAX_UPLOAD_DEPTH = 32

/**
 * Turn an uploaded file's relative path (a picked file's name, or `webkitRelativePath` for a folder pick) into safe
 * path segments under the batch folder. Traversal is refused outright rather than repaired: `..`, absolute paths,
 * drive letters, backslashes and NUL mean the caller is not our renderer. Other unsafe characters and reserved names
 * are cleaned by sanitize-filename; a segment that cleans to nothing is refused.
 */
export function uploadSegments(name: string | null): string[] | null {
  if (!name || name.length > 1024) return null
  if (/[\\\u0000]/.test(name) || name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return null
  const raw = name.split('/').filter((s) => s.length > 0)
  if (raw.length === 0 || raw.length > MAX_UPLOAD_DEPTH) return null
  const segments: string[] = []
  for (const segment of raw) {
    if (segment === '.' || segment === '..') return null
    const clean = sanitizeFilename(segment)
    if (!clean || clean === '.' || clean === '..') return null
    segments.push(clean)
  }
  return segments
}
