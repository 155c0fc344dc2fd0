#!/usr/bin/env node
// Stage better-sqlite3 built for Electron's ABI NEXT TO the Node build (STACK.md §5): never rebuild in place.
//
//   npm run native:electron
//
// Copies better-sqlite3's package.json into native/electron/better-sqlite3/ and runs better-sqlite3's own
// prebuild-install there with `--runtime electron --target <electron version>`. The result lands in
// native/electron/better-sqlite3/build/Release/better_sqlite3.node, which the desktop shell passes to
// better-sqlite3 as `nativeBinding` (src/main/shell/native-binding.ts) and electron-builder ships as an extra
// resource. Offline machines: put the release tarball
// (better-sqlite3-v<version>-electron-v<abi>-<platform>-<arch>.tar.gz) in prebuild-install's cache (~/.npm/_prebuilds).
//
// Where the prebuild cannot be downloaded (no GitHub access), this prints one warning and exits 0: tests, the CLI
// and the web host use the Node build and are unaffected; only the desktop app needs this file.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const stageDir = join(root, 'native', 'electron', 'better-sqlite3')
const binding = join(stageDir, 'build', 'Release', 'better_sqlite3.node')
const WARNING =
  'Electron build of better-sqlite3 not staged: the desktop app will not open its database; tests and the web host are unaffected'

// `--require` (used by `npm run dist`): failing to stage is an error, not a warning.
const required = process.argv.includes('--require')

function warn(reason) {
  process.stderr.write(`${required ? 'error' : 'warning'}: ${WARNING} (${reason}).\n`)
  process.exit(required ? 1 : 0)
}

let electronVersion
let sqlitePackage
let prebuildBin
try {
  electronVersion = JSON.parse(
    readFileSync(require.resolve('electron/package.json'), 'utf8'),
  ).version
  sqlitePackage = require.resolve('better-sqlite3/package.json')
  prebuildBin = require.resolve('prebuild-install/bin.js')
} catch (error) {
  warn(`missing package: ${error.message.split('\n')[0]}`)
}

mkdirSync(stageDir, { recursive: true })
copyFileSync(sqlitePackage, join(stageDir, 'package.json'))
rmSync(join(stageDir, 'build'), { recursive: true, force: true })

// Not through npm/npx: they re-inject npm_config_nodedir, which makes native tools target Node's headers.
const env = { ...process.env }
for (const key of Object.keys(env)) if (/^npm_config_nodedir$/i.test(key)) delete env[key]
const result = spawnSync(
  process.execPath,
  [
    prebuildBin,
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--arch',
    process.arch,
    '--platform',
    process.platform,
  ],
  { cwd: stageDir, env, encoding: 'utf8', timeout: 120_000 },
)
if (result.status !== 0 || !existsSync(binding)) {
  const detail =
    `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').pop() ||
    `exit ${result.status}`
  warn(`prebuild-install for Electron ${electronVersion} failed: ${detail}`)
}

// Sanity check (STACK.md §5 step 2): plain Node must refuse to load an Electron-ABI binary.
try {
  require(binding)
  rmSync(join(stageDir, 'build'), { recursive: true, force: true })
  warn(
    'the staged file loads in plain Node, so it is a Node build, not an Electron one; removed it',
  )
} catch (error) {
  if (!/NODE_MODULE_VERSION/.test(String(error.message)))
    warn(`the staged file does not load: ${error.message}`)
}
process.stdout.write(`Staged better-sqlite3 for Electron ${electronVersion}: ${binding}\n`)
