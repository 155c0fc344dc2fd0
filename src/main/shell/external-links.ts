import type { Shell as ElectronShell } from 'electron'

/** Schemes the system browser or mail client may be asked to open. Everything else is refused. */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])
/** Special-use and private top-level names: never a public site, often a lookalike or a probe of the local network. */
const RESERVED_TLDS = new Set([
  'invalid',
  'test',
  'example',
  'localhost',
  'local',
  'internal',
  'intranet',
  'lan',
  'home',
  'corp',
  'private',
  'arpa',
  'onion',
])
/** mailto parameters that only fill in a message; `attach`/`attachment` make some mail clients attach local files. */
const MAILTO_PARAMS = new Set(['subject', 'body', 'cc', 'bcc', 'to'])
const MAX_URL_LENGTH = 2048

/**
 * Decide whether a link from the app (or from an imported document) may be opened outside the app. Parses with
 * `new URL` after refusing raw strings with whitespace, control characters or backslashes (UNC `\\host\share`,
 * `java\tscript:` tricks), and allows only `http:`/`https:` to a public DNS name and plain `mailto:` addresses.
 * Refused: `file:`, `smb:`, custom schemes (`ms-msdt:`, `search-ms:`, `app:`…), credentials in the URL, IP literals
 * and local names, reserved TLDs (`https://example.com.attacker.invalid/`), and punycode hosts (IDN homographs such
 * as `xn--pple-43d.com` for "аpple.com"). Returns the normalised URL to open, or null.
 */
export function allowedExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null
  if (/[\s\u0000-\u001f\u007f\\]/.test(raw)) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null
  if (url.username || url.password) return null
  if (url.protocol === 'mailto:') {
    if (!/^[^@/?#]+@[^@/?#]+\.[A-Za-z]{2,}$/.test(decodeURIComponent(url.pathname))) return null
    for (const key of url.searchParams.keys())
      if (!MAILTO_PARAMS.has(key.toLowerCase())) return null
    return url.href
  }
  const host = url.hostname.toLowerCase()
  if (host.length === 0 || host.startsWith('[') || /^[\d.]+$/.test(host)) return null // empty, IPv6, IPv4
  const labels = host.replace(/\.$/, '').split('.')
  if (labels.length < 2) return null // "localhost", "intranet"
  const tld = labels[labels.length - 1] ?? ''
  if (!/^[a-z]{2,63}$/.test(tld) || RESERVED_TLDS.has(tld)) return null
  if (labels.some((label) => label.startsWith('xn--') || label.length === 0)) return null
  if (url.port && url.port !== '80' && url.port !== '443') return null
  return url.href
}

/**
 * The one place Lectern hands a URL to the operating system. Only URLs that pass `allowedExternalUrl` are opened,
 * with the normalised form, never the raw string. Never `shell.openPath` (that would run imported files).
 */
export async function openExternalLink(
  raw: unknown,
  electronShell: Pick<ElectronShell, 'openExternal'>,
): Promise<boolean> {
  const url = allowedExternalUrl(raw)
  if (!url) return false
  await electronShell.openExternal(url, { activate: true })
  return true
}
