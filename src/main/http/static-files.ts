import { realpathSync, statSync } from 'node:fs'
import { extname, isAbsolute, join, relative, sep } from 'node:path'

/** Where a request for a static file leads: a real file inside the root, or the status to answer with. */
export type StaticResolution = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 }

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

/** The Content-Type for a served file; unknown types are opaque bytes (with nosniff, never rendered as HTML). */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`))
}

/**
 * Map a URL pathname (still percent-encoded, as it arrives) to a file under `root`, refusing every escape: `..`
 * segments before or after decoding, double encoding (`%252e`), backslashes, NUL, drive letters, absolute paths and
 * symlinks that lead outside the root. `/` maps to `index.html`. Shared by the web host and the `app://` handler.
 */
export function resolveStaticFile(root: string, encodedPathname: string): StaticResolution {
  if (!encodedPathname.startsWith('/')) return { ok: false, status: 400 }
  let decoded: string
  try {
    decoded = decodeURIComponent(encodedPathname)
  } catch {
    return { ok: false, status: 400 }
  }
  // Anything still looking encoded after one decode is an attempt at double encoding: no real asset name has '%'.
  if (
    /[%\\\u0000-\u001f]/.test(decoded) ||
    /^\/[a-zA-Z]:/.test(decoded) ||
    decoded.startsWith('//')
  )
    return { ok: false, status: 403 }
  const segments = decoded.slice(1).split('/')
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 }
  const wanted = segments.filter((s) => s.length > 0).join('/') || 'index.html'

  let realRoot: string
  try {
    realRoot = realpathSync(root)
  } catch {
    return { ok: false, status: 404 }
  }
  const candidate = join(realRoot, wanted)
  if (!isInside(realRoot, candidate)) return { ok: false, status: 403 }
  let real: string
  try {
    real = realpathSync(candidate)
  } catch {
    return { ok: false, status: 404 }
  }
  if (!isInside(realRoot, real)) return { ok: false, status: 403 } // a symlink pointing out of the root
  try {
    if (!statSync(real).isFile()) return { ok: false, status: 404 }
  } catch {
    return { ok: false, status: 404 }
  }
  return { ok: true, file: real }
}

/** Build assets named by their content hash (Vite: `name-1a2B3c4D.js`); such a name never changes meaning. */
const HASHED_ASSET =
  /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|mjs|css|svg|png|jpg|jpeg|gif|webp|woff2?|ttf|json)$/

/**
 * Cache-Control for a resolved static file: the hashed files of the build's assets folder are cached for a year
 * (immutable: a new build names its files anew), so each open of the page view does not download and parse pdf.js
 * and its worker again. Everything else, index.html first (it names the current assets), stays `no-store`.
 */
export function cacheControlFor(root: string, file: string): string {
  let rel: string
  try {
    rel = relative(realpathSync(root), file).split(sep).join('/')
  } catch {
    return 'no-store'
  }
  return HASHED_ASSET.test(rel) ? 'public, max-age=31536000, immutable' : 'no-store'
}
