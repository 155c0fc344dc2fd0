/**
 * Crash safety, long loop (issue 7 §1): a 4,000-file CLI import SIGKILLed at many random moments; after every
 * kill the library must be whole, and a final run must finish the rest with no duplicates.
 * Set LECTERN_CRASH_SEED to repeat a run, LECTERN_CRASH_KILLS to change the number of kills.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectLibraryWhole,
  expectQuotesWhole,
  exportAndKill,
  importAndKill,
  midImport,
  quoteAndKill,
  seeded,
  writeCorpus,
} from '../integration/cli/crash-helpers'
import { ensureBuilt, runCli, runJson } from '../integration/cli/run-cli'
import { openBackend, prose } from '../integration/db/library-files'
import { insertDocument } from '../integration/library/seed'
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
      const { killed } = await importAndKill(library, corpus, midImport(random, FILES))
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

describe(`quote creation and export killed ${KILLS} times each`, () => {
  it('keeps every acknowledged quote whole and never leaves a partial export', async () => {
    const seed = Number(process.env.LECTERN_CRASH_SEED ?? Date.now() % 1_000_000)
    const random = seeded(seed)
    const library = join(root.dir, 'quotes-library')
    const setup = openBackend(library)
    insertDocument(setup.context.db, { title: 'Long report', text: prose(7, 200_000) })
    await setup.close()
    let acknowledged = 0
    for (let k = 0; k < KILLS; k++) {
      acknowledged = await quoteAndKill(
        library,
        acknowledged + 10 + Math.floor(random() * 40),
        Math.floor(random() * 300),
      )
      expect(await expectQuotesWhole(library, acknowledged)).toBeGreaterThanOrEqual(acknowledged)
    }
    const exports = join(root.dir, 'exports')
    mkdirSync(exports)
    const reference = join(exports, 'reference.md')
    expect((await runCli(['--library', library, 'export', '--all', '--out', reference])).code).toBe(
      0,
    )
    const expected = readFileSync(reference, 'utf8')
    let interrupted = 0
    for (let k = 0; k < KILLS; k++) {
      const out = join(exports, `killed-${k}.md`)
      const { killed, code, stderr } = await exportAndKill(
        library,
        out,
        100 + Math.floor(random() * 1500),
      )
      if (killed) interrupted++
      if (existsSync(out)) expect(readFileSync(out, 'utf8')).toBe(expected)
      else expect(killed, `export exited ${code}: ${stderr}`).toBe(true)
    }
    process.stdout.write(
      `[engine crash] seed ${seed}: ${acknowledged} quotes acknowledged across ${KILLS} kills; ${interrupted} of ${KILLS} exports killed before finishing\n`,
    )
  })
})
