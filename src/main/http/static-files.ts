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
