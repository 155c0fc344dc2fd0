/**
 * The one Content-Security-Policy of the app (SECURITY.md §3.2), sent as a header by the `app://` protocol handler
 * and by the loopback web host. Nothing remote, no eval, no plugins, no <base>, no forms, Trusted Types required for
 * every HTML sink. Electron-free so the static tests and the web host share it.
 */
export const APP_CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: app-doc:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  // Bundled workers only, same origin, never blob:: the palette's FlexSearch index and the PDF page view's pdf.js
  // worker (features/reader/pdf/pdf-engine.ts).
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['require-trusted-types-for', "'script'"],
]

export const APP_CSP = APP_CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ')

/**
 * Headers every response from our own origin carries (web host and app://): the CSP, no MIME sniffing, no caching
 * (the token-bearing page and API answers must not land in a shared cache), no referrer, no cross-origin embedding.
 * COOP + COEP make the page cross-origin isolated: nothing from another origin may load into it (nothing does: no
 * remote content), and it may use shared memory, which the palette's answer channel needs
 * (renderer features/palette/answer-channel.ts).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
}

/** Problems that make a CSP weaker than ours requires; empty when the policy is acceptable. Used by tests. */
export function cspProblems(policy: string): string[] {
  const problems: string[] = []
  const directives = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) directives.set(name.toLowerCase(), values)
  }
  const expectNone = (name: string): void => {
    const values = directives.get(name)
    if (values?.join(' ') !== "'none'") problems.push(`${name} must be 'none'`)
  }
  expectNone('default-src')
  expectNone('object-src')
  expectNone('base-uri')
  expectNone('form-action')
  for (const [name, values] of directives) {
    for (const value of values) {
      const v = value.toLowerCase()
      if (v === "'unsafe-eval'" || v === "'wasm-unsafe-eval'") problems.push(`${name} allows eval`)
      if (
        v === '*' ||
        v.startsWith('http:') ||
        v.startsWith('https:') ||
        v.startsWith('ws:') ||
        v.startsWith('wss:')
      )
        problems.push(`${name} allows remote origins (${value})`)
      if (name === 'script-src' && (v === "'unsafe-inline'" || v === 'data:' || v === 'blob:'))
        problems.push(`script-src allows ${value}`)
      if (name === 'worker-src' && (v === 'data:' || v === 'blob:'))
        problems.push(`worker-src allows ${value}`)
    }
  }
  return problems
}
