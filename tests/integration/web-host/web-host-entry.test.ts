import { spawn } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp-library'
import { apiHeaders, rawRequest } from './http-client'

const ENTRY = resolve(__dirname, '../../../out/main/web-host.js')

describe('web host entry (out/main/web-host.js)', () => {
  it('prints the URL first, serves the API, and checkpoints the library on SIGTERM', async () => {
    expect(existsSync(ENTRY), 'out/main/web-host.js is missing: run npm run build first').toBe(true)
    const { dir, cleanup } = tempDir()
    const token = 'entry-test-token-0123456789'
    const child = spawn(process.execPath, [ENTRY, '--port', '0', '--library', join(dir, 'lib')], {
      env: { ...process.env, LECTERN_WEB_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const firstLine = await new Promise<string>((done, fail) => {
        createInterface({ input: child.stdout }).once('line', done)
        child.once('exit', (code) => fail(new Error(`exited early with ${code}`)))
      })
      const match = /^Lectern is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=(.+)$/.exec(
        firstLine,
      )
      expect(match, firstLine).not.toBeNull()
      expect(match?.[2]).toBe(token)
      const port = Number(match?.[1])
      const response = await rawRequest(port, {
        method: 'POST',
        path: '/api/jobs.list',
        headers: apiHeaders(port, token),
        body: '{}',
      })
      expect(JSON.parse(response.body)).toEqual({ ok: true, value: [] })
      const exited = new Promise<number | null>((done) => child.once('exit', done))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      const wal = join(dir, 'lib', 'library.sqlite-wal')
      expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true)
    } finally {
      child.kill('SIGKILL')
      cleanup()
    }
  })

  it('refuses bad flags with a usage message', async () => {
    const child = spawn(process.execPath, [ENTRY, '--port', 'abc'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const code = await new Promise<number | null>((done) => child.once('exit', done))
    expect(code).toBe(2)
    expect(stderr).toMatch(/--port must be an integer/)
  })
})
