import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cspProblems } from '../../../src/main/http/csp'
import { createMemoryLogger } from '../../../src/main/platform/logger'
import { startWebHost, type WebHost } from '../../../src/main/web/web-host'
import { tempDir } from '../../support/temp-library'
import { apiHeaders, type RawResponse, rawRequest } from './http-client'

const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER'
const UPLOAD_LIMIT = 64 * 1024

let host: WebHost
let port: number
let token: string
let root: { dir: string; cleanup: () => void }
let importable: string
const seen: RawResponse[] = []

/** Every response goes through here so the no-CORS check covers all of them. */
async function send(options: Parameters<typeof rawRequest>[1]): Promise<RawResponse> {
  const response = await rawRequest(port, options)
  seen.push(response)
  return response
}

const api = (method: string, args: unknown = {}, headers: Record<string, string> = {}) =>
  send({
    method: 'POST',
    path: `/api/${method}`,
    headers: { ...apiHeaders(port, token), ...headers },
    body: JSON.stringify(args),
  })

beforeAll(async () => {
  root = tempDir('lectern-webhost-')
  const renderer = join(root.dir, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(
    join(renderer, 'index.html'),
    '<!doctype html><title>Lectern</title><p>app page</p>',
  )
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app")')
  // Names as Vite's build gives them: content-hashed, so cacheable for good.
  writeFileSync(join(renderer, 'assets', 'pdf.worker.min-FHbmGBN0.mjs'), 'self.onmessage = null')
  writeFileSync(join(renderer, 'assets', 'index-SGYHaI8V.css'), 'body { margin: 0 }')
  mkdirSync(join(renderer, 'pdfjs'), { recursive: true })
  writeFileSync(join(renderer, 'pdfjs', 'font-ABCDEFGH.js'), '// not under assets/')
  symlinkSync(join(root.dir, 'secret.txt'), join(renderer, 'assets', 'leak-ABCDEFGH.js'))
  writeFileSync(join(root.dir, 'secret.txt'), SECRET)
  symlinkSync(join(root.dir, 'secret.txt'), join(renderer, 'link.txt'))
  symlinkSync(root.dir, join(renderer, 'escape'))
  importable = join(root.dir, 'importable')
  mkdirSync(importable)
  writeFileSync(join(importable, 'note.txt'), 'A short note that may be imported.')
  host = await startWebHost({
    port: 0,
    libraryDir: join(root.dir, 'library'),
    importRoots: [importable],
    rendererDir: renderer,
    log: createMemoryLogger(),
    limits: { workers: 0, maxFileBytes: UPLOAD_LIMIT },
    requestTimeoutMs: 1_500,
  })
  port = host.port
  token = host.token
})

afterAll(async () => {
  await host?.close()
  root?.cleanup()
})

describe('web host: listening', () => {
  it('binds 127.0.0.1 only and prints a URL with the token', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${port}/?token=${token}`)
    expect(token.length).toBeGreaterThanOrEqual(32)
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a?.address as string)
    for (const address of ['::1', ...addresses]) {
      const reachable = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port }, () => {
          socket.destroy()
          resolve(true)
        })
        socket.on('error', () => resolve(false))
      })
      expect(reachable, `reachable on ${address}`).toBe(false)
    }
  })

  it('refuses a token that is too short or has odd characters', async () => {
    const { dir, cleanup } = tempDir()
    try {
      for (const bad of ['short', 'has spaces in the token!!', 'x'.repeat(300)]) {
        await expect(
          startWebHost({ port: 0, libraryDir: dir, rendererDir: dir, token: bad }),
        ).rejects.toThrow(/token/)
      }
    } finally {
      cleanup()
    }
  })
})

describe('web host: the page', () => {
  it('serves index.html with the CSP and hygiene headers, no token needed', async () => {
    const page = await send({ path: '/' })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.body).toContain('app page')
    const csp = String(page.headers['content-security-policy'])
    expect(cspProblems(csp)).toEqual([])
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['cache-control']).toBe('no-store')
    // Cross-origin isolated (the palette's shared-memory answer channel), and so are the scripts it loads.
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(page.headers['cross-origin-embedder-policy']).toBe('require-corp')
    const asset = await send({ path: '/assets/app.js' })
    expect(asset.headers['cross-origin-embedder-policy']).toBe('require-corp')
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/)
    expect(asset.headers['content-security-policy']).toBe(csp)
    expect(asset.headers['cache-control']).toBe('no-store') // no content hash in its name
  })

  it('lets the browser keep hashed build assets (pdf.js and its worker) for good, and nothing else', async () => {
    for (const path of ['/assets/pdf.worker.min-FHbmGBN0.mjs', '/assets/index-SGYHaI8V.css']) {
      const res = await send({ path })
      expect(res.status).toBe(200)
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(cspProblems(String(res.headers['content-security-policy']))).toEqual([])
      expect(res.headers['x-content-type-options']).toBe('nosniff')
    }
    for (const path of ['/', '/index.html', '/library/view', '/pdfjs/font-ABCDEFGH.js']) {
      expect((await send({ path })).headers['cache-control']).toBe('no-store')
    }
    // The guards come first: a hashed-looking name that leads out of the folder is still refused.
    const leak = await send({ path: '/assets/leak-ABCDEFGH.js' })
    expect(leak.status).toBe(403)
    expect(leak.body).not.toContain(SECRET)
    expect(leak.headers['cache-control']).toBe('no-store')
  })

  it('serves the page for client-side routes but 404s missing assets', async () => {
    expect((await send({ path: '/library/view' })).body).toContain('app page')
    expect((await send({ path: '/assets/missing.js' })).status).toBe(404)
  })

  it('refuses every static path traversal', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/%252e%252e%252fsecret.txt',
      '/..%5csecret.txt',
      '/assets\\..\\..\\secret.txt',
      '/%5c..%5csecret.txt',
      `/${join(root.dir, 'secret.txt')}`,
      `/${encodeURIComponent(join(root.dir, 'secret.txt'))}`,
      '/C:/Windows/win.ini',
      '/link.txt',
      '/escape/secret.txt',
      '/%00index.html',
    ]
    for (const path of attempts) {
      const response = await send({ path })
      expect(response.body, path).not.toContain(SECRET)
      expect([400, 403, 404], path).toContain(response.status)
    }
    // An absolute-form request target ("proxy" style) is refused before routing.
    const proxied = await send({ path: `http://127.0.0.1:${port}/../secret.txt` })
    expect(proxied.status).toBe(400)
  })

  it('only GET and HEAD reach static files', async () => {
    expect((await send({ method: 'HEAD', path: '/' })).status).toBe(200)
    expect((await send({ method: 'PUT', path: '/' })).status).toBe(405)
    expect((await send({ method: 'DELETE', path: '/index.html' })).status).toBe(405)
  })
})

describe('web host: API calls', () => {
  it('answers a well-formed call with an envelope', async () => {
    const response = await api('jobs.list')
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: [] })
    expect(response.headers['content-type']).toMatch(/^application\/json/)
  })

  it('answers bad arguments and unknown methods with invalid_args, not a crash', async () => {
    const wrong = JSON.parse((await api('jobs.wait', { jobId: 42 })).body)
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    const unknown = JSON.parse((await api('nope.never')).body)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    const proto = JSON.parse(
      (
        await send({
          method: 'POST',
          path: '/api/jobs.list',
          headers: apiHeaders(port, token),
          body: '{"__proto__":{"polluted":1}}',
        })
      ).body,
    )
    expect(proto.ok).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const malformed = await send({
      method: 'POST',
      path: '/api/jobs.list',
      headers: apiHeaders(port, token),
      body: '{not json',
    })
    expect(malformed.status).toBe(400)
    expect(
      (
        await send({
          method: 'POST',
          path: '/api/../jobs.list',
          headers: apiHeaders(port, token),
          body: '{}',
        })
      ).status,
    ).not.toBe(200)
  })

  it('refuses calls without the token or with a wrong one', async () => {
    const headers = apiHeaders(port, token)
    const { 'X-Lectern-Token': _dropped, ...noToken } = headers
    for (const variant of [
      noToken,
      { ...noToken, 'X-Lectern-Token': '' },
      { ...noToken, 'X-Lectern-Token': `${token}x` },
      { ...noToken, 'X-Lectern-Token': token.slice(0, -1) },
      { ...noToken, 'X-Lectern-Token': token.toUpperCase() },
    ]) {
      const response = await send({
        method: 'POST',
        path: '/api/jobs.list',
        headers: variant,
        body: '{}',
      })
      expect(response.status).toBe(401)
      expect(JSON.parse(response.body)).toMatchObject({ ok: false })
    }
    // The query-string token is for the event stream only.
    const viaQuery = await send({
      method: 'POST',
      path: `/api/jobs.list?token=${token}`,
      headers: noToken,
      body: '{}',
    })
    expect(viaQuery.status).toBe(401)
  })

  it('refuses a foreign Origin, a missing Origin on POST and cross-site fetch metadata', async () => {
    for (const origin of [
      'http://evil.example',
      'http://127.0.0.1.evil.example',
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      'null',
    ]) {
      const response = await api('jobs.list', {}, { Origin: origin })
      expect(response.status, origin).toBe(403)
    }
    const { Origin: _o, ...noOrigin } = apiHeaders(port, token)
    const missing = await send({
      method: 'POST',
      path: '/api/jobs.list',
      headers: noOrigin,
      body: '{}',
    })
    expect(missing.status).toBe(403)
    const crossSite = await api('jobs.list', {}, { 'Sec-Fetch-Site': 'cross-site' })
    expect(crossSite.status).toBe(403)
    const localhost = await api('jobs.list', {}, { Origin: `http://localhost:${port}` })
    expect(localhost.status).toBe(200)
  })

  it('refuses a foreign Host (DNS rebinding), for the API and for the page', async () => {
    for (const hostHeader of [
      `evil.example:${port}`,
      'evil.example',
      '127.0.0.1',
      `127.0.0.1:${port + 1}`,
      `0.0.0.0:${port}`,
      `[::1]:${port}`,
    ]) {
      const call = await api('jobs.list', {}, { Host: hostHeader })
      expect(call.status, hostHeader).toBe(403)
      const page = await send({ path: '/', headers: { Host: hostHeader } })
      expect(page.status, hostHeader).toBe(403)
    }
    expect((await send({ path: '/', headers: { Host: `localhost:${port}` } })).status).toBe(200)
  })

  it('refuses a non-JSON content type', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
    ]) {
      const response = await api('jobs.list', {}, { 'Content-Type': type })
      expect(response.status, type).toBe(415)
    }
    const { 'Content-Type': _t, ...noType } = apiHeaders(port, token)
    expect(
      (await send({ method: 'POST', path: '/api/jobs.list', headers: noType, body: '{}' })).status,
    ).toBe(415)
    expect(
      (await api('jobs.list', {}, { 'Content-Type': 'application/json; charset=utf-8' })).status,
    ).toBe(200)
  })

  it('caps the body size', async () => {
    const huge = JSON.stringify({ jobId: 'x'.repeat(3 * 1024 * 1024) })
    const response = await send({
      method: 'POST',
      path: '/api/jobs.wait',
      headers: apiHeaders(port, token),
      body: huge,
    })
    expect(response.status).toBe(413)
    expect(JSON.parse(response.body).error.message).toMatch(/larger than/)
    // Still serving afterwards.
    expect((await api('jobs.list')).status).toBe(200)
  })

  it('times out a client that never finishes its request', async () => {
    const started = Date.now()
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.write(
          `POST /api/jobs.list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nX-Lectern-Token: ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
        )
      })
      let received = ''
      socket.on('data', (chunk) => {
        received += chunk.toString()
      })
      socket.on('close', () => resolve(received))
      socket.on('error', () => resolve(received))
    })
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(outcome).toMatch(/^HTTP\/1\.1 408/)
  })

  it('answers OPTIONS with 405 and never sends CORS headers', async () => {
    const preflight = await send({
      method: 'OPTIONS',
      path: '/api/jobs.list',
      headers: {
        Origin: 'http://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-lectern-token, content-type',
      },
    })
    expect(preflight.status).toBe(405)
    expect((await send({ method: 'OPTIONS', path: '/' })).status).toBe(405)
    expect(seen.length).toBeGreaterThan(30)
    for (const response of seen) {
      const cors = Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))
      expect(cors).toEqual([])
    }
  })
})

describe('web host: event stream', () => {
  it('streams backend events to a client with the token and refuses others', async () => {
    const noToken = await send({ path: '/api/events' })
    expect(noToken.status).toBe(401)
    const foreign = await send({
      path: `/api/events?token=${token}`,
      headers: { Origin: 'http://evil.example' },
    })
    expect(foreign.status).toBe(403)

    const frame = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.write(
          `GET /api/events?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`,
        )
      })
      let received = ''
      socket.on('data', (chunk) => {
        received += chunk.toString()
        // (The CSP header itself contains "data:", so look for a frame at the start of a line.)
        const match = /\ndata: (.*)\n\n/.exec(received)
        if (received.includes('retry: 2000') && !match) host.backend.context.changed(['documents'])
        if (match?.[1]) {
          expect(received).toMatch(/content-type: text\/event-stream/i)
          socket.destroy()
          resolve(match[1])
        }
      })
      socket.on('error', reject)
    })
    expect(JSON.parse(frame)).toEqual({
      event: 'library.changed',
      payload: { tables: ['documents'] },
    })
  })
})

describe('web host: uploads', () => {
  const upload = (query: string, body: Buffer | string, headers: Record<string, string> = {}) =>
    send({
      method: 'POST',
      path: `/api/upload?${query}`,
      headers: {
        ...apiHeaders(port, token),
        'Content-Type': 'application/octet-stream',
        ...headers,
      },
      body,
    })
  const incoming = () => join(root.dir, 'library', 'incoming')

  it('stores the raw bytes under incoming/<batch>/<relative path>', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 10, 13])
    const response = await upload(
      `batch=b-1&name=${encodeURIComponent('My Folder/sub/a file.txt')}`,
      bytes,
    )
    expect(response.status).toBe(200)
    const { ok, value } = JSON.parse(response.body)
    expect(ok).toBe(true)
    expect(value.path).toBe(join(incoming(), 'b-1', 'My Folder', 'sub', 'a file.txt'))
    expect(readFileSync(value.path)).toEqual(bytes)
  })

  it('refuses traversal in names and batches and writes nothing outside incoming/', async () => {
    for (const query of [
      `batch=b-2&name=${encodeURIComponent('../../evil.txt')}`,
      `batch=b-2&name=${encodeURIComponent('a/../../evil.txt')}`,
      `batch=b-2&name=${encodeURIComponent('/etc/evil.txt')}`,
      `batch=b-2&name=${encodeURIComponent('a\\..\\..\\evil.txt')}`,
      `batch=b-2&name=${encodeURIComponent('C:/evil.txt')}`,
      `batch=b-2&name=${encodeURIComponent('evil\u0000.txt')}`,
      `batch=b-2&name=${encodeURIComponent('..')}`,
      'batch=b-2&name=',
      'batch=b-2',
      `batch=${encodeURIComponent('../..')}&name=evil.txt`,
      `batch=${encodeURIComponent('/tmp')}&name=evil.txt`,
    ]) {
      const response = await upload(query, 'evil')
      expect(response.status, query).toBe(400)
    }
    expect(existsSync(join(root.dir, 'library', 'evil.txt'))).toBe(false)
    expect(existsSync(join(root.dir, 'evil.txt'))).toBe(false)
    expect(existsSync(join(incoming(), 'b-2'))).toBe(false)
  })

  it('cleans unsafe characters and refuses names that clean to nothing', async () => {
    expect((await upload(`batch=b-3&name=${encodeURIComponent('CON/a.txt')}`, 'x')).status).toBe(
      400,
    )
    const response = await upload(`batch=b-3&name=${encodeURIComponent('dir:x/a<b>c?.txt')}`, 'x')
    expect(response.status).toBe(200)
    const { value } = JSON.parse(response.body)
    expect(value.path.startsWith(join(incoming(), 'b-3'))).toBe(true)
    expect(value.path).not.toMatch(/[<>?]/)
  })

  it('caps the size at the import limit and leaves no partial file', async () => {
    const big = Buffer.alloc(UPLOAD_LIMIT + 1, 65)
    const response = await upload('batch=b-4&name=big.txt', big)
    expect(response.status).toBe(413)
    expect(JSON.parse(response.body).error.message).toMatch(/import limit/)
    const batch = join(incoming(), 'b-4')
    const left = existsSync(batch) ? readdirSync(batch) : []
    expect(left).toEqual([])
    const fits = await upload('batch=b-4&name=fits.txt', Buffer.alloc(UPLOAD_LIMIT, 65))
    expect(fits.status).toBe(200)
    expect(statSync(join(batch, 'fits.txt')).size).toBe(UPLOAD_LIMIT)
  })

  it('requires the token, our Origin and the octet-stream type', async () => {
    expect(
      (await upload('batch=b-5&name=a.txt', 'x', { 'X-Lectern-Token': 'wrong-token-wrong-token' }))
        .status,
    ).toBe(401)
    expect(
      (await upload('batch=b-5&name=a.txt', 'x', { Origin: 'http://evil.example' })).status,
    ).toBe(403)
    expect(
      (await upload('batch=b-5&name=a.txt', 'x', { 'Content-Type': 'text/plain' })).status,
    ).toBe(415)
    expect(existsSync(join(incoming(), 'b-5'))).toBe(false)
  })
})

describe('web host: import roots', () => {
  it('refuses import paths outside the configured roots and incoming/', async (ctx) => {
    const probe = JSON.parse((await api('documents.import', { paths: ['/etc/passwd'] })).body)
    // Until the importer lands the handler is a placeholder; say so instead of passing vacuously.
    if (/not implemented/.test(probe.error?.message ?? '')) ctx.skip()
    for (const path of [
      join(root.dir, 'secret.txt'),
      '/etc/passwd',
      join(importable, '..', 'secret.txt'),
      join(root.dir, 'library', 'library.sqlite'),
    ]) {
      const envelope = JSON.parse((await api('documents.import', { paths: [path] })).body)
      expect(envelope, path).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    }
    const allowed = JSON.parse(
      (await api('documents.import', { paths: [join(importable, 'note.txt')] })).body,
    )
    expect(allowed).toMatchObject({ ok: true, value: { jobId: expect.any(String) } })
    await api('jobs.wait', { jobId: allowed.value.jobId })
  })
})
