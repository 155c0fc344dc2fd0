/**
 * Loopback web host entry (`node out/main/web-host.js`, `npm run web`): the built renderer and the API on
 * 127.0.0.1 for a browser on this machine. Never part of the packaged desktop app. No Electron here.
 *
 *   node out/main/web-host.js [--port N] [--library DIR] [--import-root DIR]... [--export-root DIR]... [--token T]
 *                             [--debug-metrics]
 *
 * The first stdout line is the address to open: `Lectern is running at http://127.0.0.1:PORT/?token=TOKEN`.
 */
import { parseArgs } from 'node:util'
import { resolveLibraryDir } from '../platform/paths'
import { builtPaths, startWebHost, type WebHost } from './web-host'

const USAGE = `Usage: node out/main/web-host.js [options]
  --port N            port on 127.0.0.1 (default 4173, or any free port when that one is taken; 0 = any)
  --library DIR       library folder (default: $LECTERN_LIBRARY, else the per-OS app-data folder)
  --import-root DIR   a folder the browser may import from (repeatable); uploads are always allowed
  --export-root DIR   a folder export.save may write to (repeatable; default <library>/exports)
  --token T           the access token (default: $LECTERN_WEB_TOKEN, else random per start)
  --debug-metrics     expose GET /api/debug/event-loop (token-protected) for load tests
  --help              show this help`

function fail(message: string): never {
  process.stderr.write(`lectern web: ${message}\n`)
  process.exit(2)
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseOptions>
  try {
    parsed = parseOptions()
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`)
  }
  const { values } = parsed
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  let port: number | undefined
  if (values.port !== undefined) {
    port = Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      fail(`--port must be an integer between 0 and 65535, got "${values.port}".`)
  }
  const token = values.token ?? (process.env.LECTERN_WEB_TOKEN || undefined)
  const { rendererDir, workerScript } = builtPaths(__dirname)

  let host: WebHost
  try {
    host = await startWebHost({
      port,
      libraryDir: resolveLibraryDir(values.library),
      importRoots: values['import-root'] ?? [],
      exportRoots: values['export-root'],
      token,
      rendererDir,
      workerScript,
      debugMetrics: values['debug-metrics'] ?? false,
    })
  } catch (error) {
    fail((error as Error).message)
  }
  process.stdout.write(`Lectern is running at ${host.url}\n`)
  process.stderr.write(`Library: ${resolveLibraryDir(values.library)}. Press Ctrl+C to stop.\n`)

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write('Forced exit.\n')
      process.exit(1)
    }
    stopping = true
    process.stderr.write(`${signal}: closing the library…\n`)
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Closing failed: ${(error as Error).message}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function parseOptions() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      library: { type: 'string' },
      'import-root': { type: 'string', multiple: true },
      'export-root': { type: 'string', multiple: true },
      token: { type: 'string' },
      'debug-metrics': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  })
}

void main()
