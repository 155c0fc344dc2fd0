/**
 * One plain-text import for profiling (not a benchmark: scripts/bench.mjs runs only top-level files):
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/bench/support/profile-import.ts DIR [WORKERS]
 *
 * then `node scripts/bench/support/top-self.mjs /tmp/prof/*.cpuprofile` lists each thread's top self-time functions.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createBackend } from '../../../src/main/compose/create-backend'
import { emptyTimings, runImport } from '../../../src/main/importers/pipeline'
import { createMemoryLogger } from '../../../src/main/platform/logger'

async function main(): Promise<void> {
  const input = process.argv[2]
  if (!input) throw new Error('usage: profile-import.ts DIR [WORKERS]')
  const workers = Number(process.argv[3] ?? 2)
  const dir = mkdtempSync(join(tmpdir(), 'lectern-profile-import-'))
  const backend = createBackend({
    libraryDir: join(dir, 'library'),
    log: createMemoryLogger(),
    limits: { workers },
    workerScript: resolve(__dirname, '..', '..', '..', 'out', 'main', 'import-worker.js'),
    checkAtOpen: 'skip',
  })
  const timings = emptyTimings()
  const cpu = process.cpuUsage()
  const started = performance.now()
  const report = await runImport(backend.context, { paths: [input], timings })
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
  process.stdout.write(
    `${report.imported} imported, ${report.failed} failed in ${seconds.toFixed(2)} s ` +
      `(${(report.results.length / seconds).toFixed(0)} files/s); main-thread writes ${(timings.writeMs / 1000).toFixed(2)} s ` +
      `in ${timings.writeGroups} groups; workers parse ${(timings.parseMs / 1000).toFixed(2)} s; ` +
      `process CPU (all threads) ${((used.user + used.system) / 1e6).toFixed(2)} s\n`,
  )
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
