import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_CSP, cspProblems } from '../../../src/main/http/csp'
import { APP_ORIGIN, createAppProtocolHandler } from '../../../src/main/shell/app-protocol'
import { tempDir } from '../../support/temp-library'

const SECRET = 'SECRET-NEXT-TO-THE-RENDERER'
let root: { dir: string; cleanup: () => void }
let handler: (request: Request) => Promise<Response>

beforeAll(() => {
  root = tempDir('lectern-app-protocol-')
  const renderer = join(root.dir, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Lectern</title>')
  writeFileSync(join(renderer, 'assets', 'index.js'), 'export {}')
  writeFileSync(join(root.dir, 'secret.txt'), SECRET)
  symlinkSync(join(root.dir, 'secret.txt'), join(renderer, 'link.txt'))
  handler = createAppProtocolHandler(renderer)
})
afterAll(() => root.cleanup())

/** Build a Request without letting WHATWG URL parsing collapse `..` first. */
function rawRequest(path: string, method = 'GET'): Request {
  const request = new Request(`${APP_ORIGIN}/`, { method })
  Object.defineProperty(request, 'url', { value: `${APP_ORIGIN}${path}` })
  return request
}

describe('app:// protocol handler', () => {
  it('serves index.html and assets with the CSP header', async () => {
    const index = await handler(new Request(`${APP_ORIGIN}/index.html`))
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await index.text()).toContain('<title>Lectern</title>')
    expect(index.headers.get('content-security-policy')).toBe(APP_CSP)
    expect(cspProblems(APP_CSP)).toEqual([])
    expect(index.headers.get('x-content-type-options')).toBe('nosniff')
    const asset = await handler(new Request(`${APP_ORIGIN}/assets/index.js`))
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect((await handler(new Request(`${APP_ORIGIN}/`))).status).toBe(200)
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/%5c%5cserver%5cshare',
    '//etc/passwd',
    '/C:/Windows/win.ini',
    '/%00index.html',
    '/link.txt',
  ])('refuses %s with 403/404, CSP still attached', async (path) => {
    const response = await handler(rawRequest(path))
    expect([400, 403, 404]).toContain(response.status)
    expect(await response.text()).not.toContain(SECRET)
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP)
  })

  it('refuses absolute file paths and other hosts', async () => {
    const absolute = await handler(rawRequest(`/${join(root.dir, 'secret.txt')}`))
    expect([403, 404]).toContain(absolute.status)
    expect(await absolute.text()).not.toContain(SECRET)
    const otherHost = await handler(new Request('app://evil/index.html'))
    expect(otherHost.status).toBe(403)
    expect((await handler(rawRequest('/index.html', 'POST'))).status).toBe(405)
  })
})
