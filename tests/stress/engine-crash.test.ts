/**
 * Crash safety, long loop (issue 7 §1): a 4,000-file CLI import SIGKILLed at many random moments; after every
 * kill the library must be whole, and a final run must finish the rest with no duplicates.
 * Set LECTERN_CRASH_SEED to repeat a run, LECTERN_CRASH_KILLS to change the number of kills.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectLibraryWhole,
  importAndKill,
  seeded,
  writeCorpus,
} from '../integration/cli/crash-helpers'
import { ensureBuilt, runJson } from '../integration/cli/run-cli'
import { tempDir } from '../support/temp-library'

const FILES = 4000
const KILLS = Number(process.env.LECTERN_CRASH_KILLS ?? 12)

let root: ReturnType<typeof tempDir>
beforeAll(() => {
  ensureBuilt()
  root = tempDir('lectern-crash-stress-')
})
afterAll(() => root.cleanup())

describe(`${FILES}-file import killed ${KILLS} times`, () => {
  it('is whole after every kill and completes without duplicates', async () => {
    const seed = Number(process.env.LECTERN_CRASH_SEED ?? Date.now() % 1_000_000)
    const random = seeded(seed)
    const corpus = join(root.dir, 'corpus')
    const library = join(root.dir, 'library')
    writeCorpus(corpus, FILES)
    const progress: number[] = []
    let kills = 0
    for (let k = 0; k < KILLS; k++) {
      const { killed } = await importAndKill(library, corpus, Math.floor(random() * 1500))
      const present = await expectLibraryWhole(library)
      progress.push(present.size)
      if (killed) kills++
      if (present.size === FILES) break
    }
    process.stdout.write(
      `[engine crash] seed ${seed}: ${kills} kills, documents after each: ${progress.join(', ')}\n`,
    )
    expect(kills).toBeGreaterThan(0)
    const before = progress[progress.length - 1] ?? 0
    const rerun = await runJson<{ imported: number; duplicates: number; failed: number }>(
      ['--library', library, 'import', corpus],
      { timeoutMs: 20 * 60_000 },
    )
    expect(rerun.code).toBe(0)
    expect(rerun.json).toMatchObject({ imported: FILES - before, duplicates: before, failed: 0 })
    expect((await expectLibraryWhole(library)).size).toBe(FILES)
  })
})
