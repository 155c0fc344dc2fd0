/**
 * Recoll (Xapian) indexing the same files, as the import benchmark's outside baseline (scripts/bench/import.ts).
 * Not part of `npm test` nor of CI: where `recollindex` is absent (`apt-get install recollcmd`), the benchmark says
 * so and skips the line.
 *
 * Configuration, in a throw-away folder per run (`recollindex -c DIR -z`): `topdirs` = the benchmark's folder;
 * `indexstemminglanguages = english` (Recoll's default, written out: it builds an English stem expansion database at
 * the end, as Lectern keeps English stem pairs); `noaspell = 1`: Recoll's default also builds an aspell spelling
 * dictionary after indexing, which Lectern does not do at import (its "did you mean" reads the index later), and
 * that pass added 17 s to 71 s on the 3,467 .txt files (2026-12-06, load ~12), so leaving it out makes Recoll faster,
 * not slower. Everything else is Recoll's default: threads autoconfigured from the CPUs, `idxflushmb = 50`, plain
 * text read by Recoll itself (no external filter). Timed wall-clock from start to exit, like Lectern's import.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** `recollindex`'s package version, or null when it is not installed. */
export function recollVersion(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v recollindex'], { encoding: 'utf8' })
  if (which.status !== 0 || !which.stdout.trim()) return null
  // `recollcmd\t1.34.3-1` on Debian; recollindex itself has no version flag.
  const pkg = spawnSync('dpkg-query', ['-W', 'recollcmd'], { encoding: 'utf8' })
  const version = pkg.status === 0 ? pkg.stdout.trim().split('\t')[1] : undefined
  return version || 'unknown version'
}

/** `cpuSeconds`: recollindex's user + system CPU (all its threads), from /usr/bin/time; null where that is absent. */
export type RecollRun = { seconds: number; files: number; cpuSeconds: number | null }

const TIME = '/usr/bin/time'

/** Index `dir` from scratch with recollindex; throws unless every file was indexed without error. */
export function recollRun(dir: string, expectedFiles: number): RecollRun {
  const config = mkdtempSync(join(tmpdir(), 'lectern-bench-recoll-'))
  try {
    writeFileSync(
      join(config, 'recoll.conf'),
      `topdirs = ${dir}\nindexstemminglanguages = english\nnoaspell = 1\nloglevel = 1\n`,
    )
    const cpuFile = join(config, 'cpu.txt')
    const timed = existsSync(TIME)
    const started = performance.now()
    const run = timed
      ? spawnSync(TIME, ['-f', '%U %S', '-o', cpuFile, 'recollindex', '-c', config, '-z'], {
          encoding: 'utf8',
        })
      : spawnSync('recollindex', ['-c', config, '-z'], { encoding: 'utf8' })
    const seconds = (performance.now() - started) / 1000
    if (run.status !== 0)
      throw new Error(`recollindex exited ${run.status}: ${run.stderr.slice(-500)}`)
    // idxstatus.txt: `docsdone`, `fileerrors`, … (the top folder counts as one document).
    const status = Object.fromEntries(
      readFileSync(join(config, 'idxstatus.txt'), 'utf8')
        .split('\n')
        .map((line) => line.split(' = '))
        .filter((kv) => kv.length === 2),
    ) as Record<string, string>
    const done = Number(status.docsdone)
    if (Number(status.fileerrors) !== 0 || done < expectedFiles)
      throw new Error(
        `recollindex indexed ${done} of ${expectedFiles} files, ${status.fileerrors} errors`,
      )
    const cpu = timed ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number) : []
    const cpuSeconds = cpu.length === 2 ? (cpu[0] ?? 0) + (cpu[1] ?? 0) : null
    return { seconds, files: expectedFiles, cpuSeconds }
  } finally {
    rmSync(config, { recursive: true, force: true })
  }
}
