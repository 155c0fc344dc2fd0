/**
 * Crash safety, quick run (the long loop is tests/stress/engine-crash.test.ts): SIGKILL a large CLI import twice at
 * random moments, check the library after each kill, then re-run the import to finish the rest without duplicates.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp-library'
import { expectLibraryWhole, importAndKill, seeded, writeCorpus } from './crash-helpers'
import { ensureBuilt, runJson } from './run-cli'

const FILES = 800
const KILLS = 2

let root: ReturnType<typeof tempDir>

beforeAll(() => {
  ensureBuilt()
  root = tempDir('lectern-crash-')
})
afterAll(() => root.cleanup())

describe('a killed import', () => {
  it('leaves only whole documents, and a re-run finishes the rest with no duplicates', async () => {
    const seed = Date.now() % 100_000
    const random = seeded(seed)
    const corpus = join(root.dir, 'corpus')
    const library = join(root.dir, 'library')
    writeCorpus(corpus, FILES)
    let killedAt = 0
    for (let k = 0; k < KILLS; k++) {
      const { killed } = await importAndKill(library, corpus, Math.floor(random() * 400))
      const present = await expectLibraryWhole(library)
      if (killed) {
        killedAt++
        expect(present.size, `seed ${seed}: progress was kept`).toBeGreaterThan(0)
      }
    }
    expect(killedAt, `seed ${seed}: the import was interrupted`).toBeGreaterThan(0)
    const before = (await expectLibraryWhole(library)).size
    const rerun = await runJson<{ imported: number; duplicates: number; failed: number }>(
      ['--library', library, 'import', corpus],
      { timeoutMs: 120_000 },
    )
    expect(rerun.code).toBe(0)
    expect(rerun.json.failed).toBe(0)
    expect(rerun.json.imported).toBe(FILES - before)
    expect(rerun.json.duplicates).toBe(before)
    const after = await expectLibraryWhole(library)
    expect(after.size).toBe(FILES)
  }, 120_000)
})
