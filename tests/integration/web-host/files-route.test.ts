/**
 * The web host's read-only file route (issue #12): `GET /files/<id>[/<part>]` serves a document's kept original (or
 * an image inside an EPUB) with the token, an exact Content-Type and `Content-Security-Policy: sandbox`; files
 * uploaded through the browser keep their originals too.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentId, ImportReport, OriginalInfo } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/main/platform/logger'
import { startWebHost, type WebHost } from '../../../src/main/web/web-host'
import { tempDir } from '../../support/temp-library'
import { apiHeaders, rawRequest } from './http-client'

const DOCS = join(__dirname, '..', '..', 'fixtures', 'documents', 'debian')
const PDF = join(DOCS, 'maint-guide.en.pdf')
const EPUB = join(DOCS, 'developers-reference.epub')

let host: WebHost
let root: { dir: string; cleanup: () => void }
let pdfId: DocumentId
let epubId: DocumentId

const base = (): string => `http://127.0.0.1:${host.port}`

async function api<T>(method: string, args: unknown): Promise<T> {
  const res = await fetch(`${base()}/api/${method}`, {
    method: 'POST',
    headers: apiHeaders(host.port, host.token),
    body: JSON.stringify(args),
  })
  const envelope = (await res.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!envelope.ok) throw new Error(envelope.error?.message)
  return envelope.value
}

async function upload(file: string): Promise<string> {
  const res = await fetch(
    `${base()}/api/upload?name=${encodeURIComponent(file.split('/').pop() ?? '')}`,
    {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        'X-Lectern-Token': host.token,
        Origin: base(),
      },
      body: readFileSync(file),
    },
  )
  const envelope = (await res.json()) as { ok: boolean; value: { path: string } }
  expect(envelope.ok).toBe(true)
  return envelope.value.path
}

beforeAll(async () => {
  root = tempDir('lectern-files-')
  const renderer = join(root.dir, 'renderer')
  mkdirSync(renderer, { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Lectern</title>')
  host = await startWebHost({
    port: 0,
    libraryDir: join(root.dir, 'library'),
    rendererDir: renderer,
    log: createMemoryLogger(),
    limits: { workers: 0 },
  })
  // Through the browser's path: upload, then import from incoming/.
  const paths = [await upload(PDF), await upload(EPUB)]
  const { jobId } = await api<{ jobId: string }>('documents.import', { paths })
  const outcome = await api<{ result: ImportReport }>('jobs.wait', { jobId })
  pdfId = outcome.result.results.find((r) => r.format === 'pdf')?.documentId as DocumentId
  epubId = outcome.result.results.find((r) => r.format === 'epub')?.documentId as DocumentId
}, 120_000)

afterAll(async () => {
  await host?.close()
  root?.cleanup()
})

describe('GET /files/<id>', () => {
  it('serves the uploaded original byte for byte, as application/pdf in a sandbox', async () => {
    const res = await fetch(`${base()}/files/${pdfId}?token=${host.token}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    const bytes = Buffer.from(await res.arrayBuffer())
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
    expect(sha(bytes)).toBe(sha(readFileSync(PDF)))
    const info = await api<OriginalInfo>('documents.original', { id: pdfId })
    expect(info).toMatchObject({
      status: 'stored',
      sha256: sha(bytes),
      fileName: 'maint-guide.en.pdf',
    })
  })

  it('accepts the token as a header too, and refuses a missing or wrong token', async () => {
    const withHeader = await fetch(`${base()}/files/${pdfId}`, {
      headers: { 'X-Lectern-Token': host.token },
    })
    expect(withHeader.status).toBe(200)
    expect((await fetch(`${base()}/files/${pdfId}`)).status).toBe(401)
    expect((await fetch(`${base()}/files/${pdfId}?token=${'x'.repeat(43)}`)).status).toBe(401)
  })

  it('serves an image inside an EPUB original, and only images', async () => {
    const info = await api<OriginalInfo>('documents.original', { id: epubId })
    expect(info.parts.map((p) => p.path)).toContain('_static/swirl.png')
    const res = await fetch(`${base()}/files/${epubId}/_static/swirl.png?token=${host.token}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/)
    const png = Buffer.from(await res.arrayBuffer())
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // Markup inside the archive is never served.
    const page = await fetch(`${base()}/files/${epubId}/index.xhtml?token=${host.token}`)
    expect(page.status).toBe(404)
  })

  it('refuses paths that try to leave the archive or name no document', async () => {
    for (const path of [
      `/files/${epubId}/..%2f..%2flibrary.sqlite`,
      `/files/${epubId}/../library.sqlite`,
      `/files/${epubId}/%00.png`,
      '/files/0',
      '/files/abc',
      '/files/999999',
    ]) {
      const res = await rawRequest(host.port, { path: `${path}?token=${host.token}` })
      expect(res.status, path).toBe(404)
      expect(res.body).not.toContain('SQLite format')
    }
  })
})
