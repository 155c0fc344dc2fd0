#!/usr/bin/env node
// `npm start`: build if needed, then launch the desktop app with the Electron binary from node_modules.
// Where the binary is missing (it cannot be downloaded on machines without GitHub access) this exits with one
// clear line and suggests the browser version instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))

/**
 * The Electron binary's path, found the way the electron package does it but WITHOUT its fallback of downloading
 * the binary (which fails slowly and noisily offline): path.txt names the executable inside dist/.
 */
function electronBinary() {
  const pkg = dirname(require.resolve('electron/package.json'))
  const pathFile = join(pkg, 'path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH)
    return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron')
  return name ? join(pkg, 'dist', name) : null
}

let binary = null
try {
  binary = electronBinary()
} catch {
  binary = null
}
if (typeof binary !== 'string' || !existsSync(binary)) {
  process.stderr.write(
    'Cannot start Lectern: the Electron binary is not installed on this machine (node_modules/electron/dist is missing); run `npm run web` to use Lectern in your browser instead.\n',
  )
  process.exit(1)
}

if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  const build = spawnSync(
    process.execPath,
    [require.resolve('electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  if (build.status !== 0) process.exit(build.status ?? 1)
}
if (
  !existsSync(
    join(root, 'native', 'electron', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
  )
)
  process.stderr.write(
    'warning: run `npm run native:electron` first, or the app cannot open its library.\n',
  )

const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' })
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
