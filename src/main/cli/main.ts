/**
 * Entry of the `lectern` command (built to out/main/cli.js; bin/lectern.cjs runs it). See cli.ts for the commands.
 */
import { runCli } from './cli'

void runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() },
  { mainDir: __dirname },
).then((code) => {
  // Let stdout drain (it may be a pipe), then leave even if a library handle lingers.
  process.exitCode = code
  process.stdout.write('', () => process.exit(code))
})
