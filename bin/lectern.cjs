#!/usr/bin/env node
'use strict'
// The `lectern` command: runs the built CLI (npm run build makes out/main/cli.js).
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('lectern: not built yet: run `npm run build` in the Lectern folder first\n')
  process.exit(1)
}
require(cli)
