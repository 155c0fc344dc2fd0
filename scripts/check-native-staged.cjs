// electron-builder `beforePack` hook: refuse to package without the Electron-ABI better-sqlite3 staged by
// `npm run native:electron` (a package without it cannot open any library).
const { existsSync } = require('node:fs')
const { join } = require('node:path')

exports.default = async function checkNativeStaged() {
  const binding = join(
    __dirname,
    '..',
    'native',
    'electron',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  )
  if (!existsSync(binding))
    throw new Error(
      `Electron build of better-sqlite3 not staged (${binding}): run npm run native:electron first.`,
    )
}
