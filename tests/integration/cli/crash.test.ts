/**
 * Crash safety, quick run (the long loop is tests/stress/engine-crash.test.ts): SIGKILL a large CLI import twice at
 * random moments, check the library after each kill, then re-run the import to finish the rest without duplicates.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp-library'
import { openBackend, prose } from '../db/library-files'
import { insertDocument } from '../library/seed'
import {
  expectLibraryWhole,
  expectQuotesWhole,
  exportAndKill,
  importAndKill,
  midImport,
  quoteAndKill,
  seeded,
  writeCorpus,
} from './crash-helpers'
import { ensureBuilt, runCli, runJson } from './run-cli'

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
      const { killed } = await importAndKill(library, corpus, midImport(random, FILES))
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

describe('a killed quote writer and a killed export', () => {
  it('keeps every acknowledged quote whole, and never leaves a partial export file', async () => {
    const seed = Date.now() % 100_000
    const random = seeded(seed)
    const library = join(root.dir, 'quotes-library')
    const setup = openBackend(library)
    insertDocument(setup.context.db, { title: 'Long report', text: prose(99, 60_000) })
    await setup.close()

    const acknowledged = await quoteAndKill(
      library,
      20 + Math.floor(random() * 30),
      Math.floor(random() * 200),
    )
    // Nothing of the killed writer lives on (it once did, in a grandchild, writing quotes until the machine stopped).
    expect(processesNaming(library)).toEqual([])
    const kept = await expectQuotesWhole(library, acknowledged)
    expect(kept, `seed ${seed}`).toBeGreaterThanOrEqual(acknowledged)

    // A reference export, then exports killed at random moments: the target is absent or whole.
    const reference = join(root.dir, 'reference.md')
    const whole = await runCli([
      '--library',
      library,
      'export',
      '--all',
      '--format',
      'md',
      '--out',
      reference,
    ])
    expect(whole.code, whole.stderr).toBe(0)
    const expected = readFileSync(reference, 'utf8')
    const exports = join(root.dir, 'exports')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(exports)
    for (let k = 0; k < 3; k++) {
      const out = join(exports, `quotes-${k}.md`)
      const { killed, code, stderr } = await exportAndKill(
        library,
        out,
        150 + Math.floor(random() * 900),
      )
      if (existsSync(out))
        expect(readFileSync(out, 'utf8'), `seed ${seed}, export ${k}`).toBe(expected)
      else expect(killed, `export exited ${code}: ${stderr}`).toBe(true)
    }
    // Only whole exports carry the target's name; write-file-atomic's temp files are the only other possibility.
    for (const name of readdirSync(exports)) expect(name).toMatch(/^quotes-\d\.md(\.[0-9a-f]+)?$/)
  }, 120_000)
})

/** Pids of live processes whose command line names `path` (Linux /proc; elsewhere none are seen). */
function processesNaming(path: string): number[] {
  if (!existsSync('/proc')) return []
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(path))
        pids.push(Number(entry))
    } catch {
      // the process ended while we looked
    }
  }
  return pids
}
