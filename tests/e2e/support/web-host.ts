import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

export const REPO_ROOT = resolve(__dirname, '..', '..', '..')
const HOST_SCRIPT = join(REPO_ROOT, 'out', 'main', 'web-host.js')

export type RunningHost = {
  /** The address to open, token included. */
  url: string
  origin: string
  token: string
  libraryDir: string
  stop(): Promise<void>
}

/**
 * Start `node out/main/web-host.js` on a free port with a fresh temporary library (or the one given) and a known
 * token; resolves once it prints its address.
 */
/** Library folders made by tempLibraryDir: removed (with their temp parent) when a host started on them stops. */
const TEMP_LIBRARIES = new Set<string>()

/** A fresh library folder in a temp directory named `prefix…`, removed when the host started on it stops. */
export function tempLibraryDir(prefix: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'library')
  TEMP_LIBRARIES.add(dir)
  return dir
}

export async function startWebHost(
  options: { libraryDir?: string; token?: string; importRoots?: string[] } = {},
): Promise<RunningHost> {
  if (!existsSync(HOST_SCRIPT)) {
    throw new Error(`${HOST_SCRIPT} is missing: run \`npm run build\` before the e2e tests.`)
  }
  const ownDir = options.libraryDir
    ? TEMP_LIBRARIES.has(options.libraryDir)
      ? dirname(options.libraryDir)
      : null
    : mkdtempSync(join(tmpdir(), 'lectern-e2e-'))
  const libraryDir = options.libraryDir ?? join(ownDir as string, 'library')
  const token = options.token ?? `e2e-${Math.random().toString(36).slice(2)}-token-0123456789`
  const args = [HOST_SCRIPT, '--port', '0', '--library', libraryDir, '--token', token]
  for (const root of options.importRoots ?? []) args.push('--import-root', root)
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LECTERN_WEB_TOKEN: '' },
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${stderr}`)), 20_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /running at (http:\/\/\S+)/.exec(stdout)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web host exited with ${code}:\n${stderr}`))
    })
  })
  return {
    url,
    origin: new URL(url).origin,
    token,
    libraryDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      if (ownDir) rmSync(ownDir, { recursive: true, force: true })
    },
  }
}
