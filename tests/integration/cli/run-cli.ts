/** Run the BUILT `lectern` CLI (out/main/cli.js) as a child process, as a user or a script would. */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const REPO = resolve(__dirname, '..', '..', '..')
export const CLI = join(REPO, 'out', 'main', 'cli.js')
export const BIN = join(REPO, 'bin', 'lectern.cjs')

/** Build once if the bundle is missing (npm test builds before vitest; this covers running a file alone). */
export function ensureBuilt(): void {
  if (existsSync(CLI)) return
  const result = spawnSync('flock', ['/tmp/build.lock', 'npx', 'electron-vite', 'build'], {
    cwd: REPO,
    stdio: 'inherit',
  })
  if (result.status !== 0 || !existsSync(CLI)) throw new Error('electron-vite build failed')
}

export type CliResult = { code: number | null; stdout: string; stderr: string }

export type RunOptions = {
  env?: NodeJS.ProcessEnv
  cwd?: string
  input?: string
  timeoutMs?: number
  script?: string
}

/** Run `node out/main/cli.js ...args`; resolves with exit code and output. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [options.script ?? CLI, ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, NO_COLOR: '1', LECTERN_LIBRARY: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`lectern ${args.join(' ')} timed out\n${stderr}`))
    }, options.timeoutMs ?? 60_000)
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, stdout, stderr })
    })
    child.stdin.end(options.input ?? '')
  })
}

/** Run with `--json` and parse stdout; fails with the stderr when the output is not JSON. */
export async function runJson<T = unknown>(
  args: string[],
  options: RunOptions = {},
): Promise<{ code: number | null; json: T; stderr: string }> {
  const result = await runCli([...args, '--json'], options)
  try {
    return { code: result.code, json: JSON.parse(result.stdout) as T, stderr: result.stderr }
  } catch {
    throw new Error(
      `lectern ${args.join(' ')} printed no JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
    )
  }
}
