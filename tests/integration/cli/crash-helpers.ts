/**
 * Crash-safety harness (issue 7 §1): start a large import in a child process (the built CLI), SIGKILL it at a
 * random moment while documents are being written, then reopen the library and check that everything committed
 * is whole. Shared by the quick run in `npm test` and the long loop in tests/stress/engine-crash.test.ts.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect } from 'vitest'
import { checkDatabase } from '../../../src/main/db/integrity'
import { openBackend, prose } from '../db/library-files'
import { CLI, REPO } from './run-cli'

/** The unique word planted in file `i`: lets each document be traced to its file, in the text and the FTS index. */
export const markerOf = (i: number): string => `mk${i}zq`

/** A folder of `count` small, distinct text files. */
export function writeCorpus(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true })
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `part-${Math.floor(i / 500)}`)
    if (i % 500 === 0) mkdirSync(folder, { recursive: true })
    writeFileSync(
      join(folder, `note-${i}.txt`),
      `Field note ${i}\n\nObserved ${markerOf(i)} near the harbour. ${prose(i + 1, 300)}\n`,
    )
  }
}

/** A small deterministic generator, so a failing run can be repeated from its seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function documentCount(file: string): number {
  if (!existsSync(file)) return 0
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true })
    try {
      return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n
    } finally {
      db.close()
    }
  } catch {
    return 0 // not created yet, or mid-creation
  }
}

/**
 * Start `lectern import corpus`, wait until it has committed at least one more document than `before`, let it run
 * `extraMs` longer, then SIGKILL it. Resolves with the exit signal, or null if the import finished first.
 */
export async function importAndKill(
  library: string,
  corpus: string,
  extraMs: number,
): Promise<{ killed: boolean; before: number }> {
  const file = join(library, 'library.sqlite')
  const before = documentCount(file)
  const child = spawn(process.execPath, [CLI, '--library', library, 'import', corpus, '--json'], {
    cwd: REPO,
    env: { ...process.env, LECTERN_LIBRARY: '' },
    stdio: ['ignore', 'ignore', 'ignore'],
  })
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  )
  let finished = false
  void exited.then(() => {
    finished = true
  })
  const deadline = Date.now() + 60_000
  while (!finished && documentCount(file) <= before && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25))
  }
  if (!finished) await new Promise((r) => setTimeout(r, extraMs))
  if (!finished) child.kill('SIGKILL')
  const signal = await exited
  return { killed: signal === 'SIGKILL', before }
}

/**
 * Reopen the library the way the app does (the unclean-shutdown path runs the full check) and assert it is whole:
 * integrity_check and the FTS rank-1 checks pass, and every document has its text, its FTS row and its
 * import-log row, each traceable to exactly one file. Returns the markers present.
 */
export async function expectLibraryWhole(library: string): Promise<Set<number>> {
  const backend = openBackend(library)
  try {
    expect(backend.context.corrupt).toBeNull()
    const db = backend.context.db
    expect(checkDatabase(db, { mode: 'full', fts: true })).toEqual([])
    const docs = db.prepare('SELECT id, text, word_count FROM documents').all() as {
      id: number
      text: string
      word_count: number
    }[]
    const seen = new Set<number>()
    const fts = db.prepare('SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ?')
    const logged = db.prepare(
      "SELECT count(*) AS n FROM import_log WHERE document_id = ? AND status IN ('imported', 'updated')",
    )
    for (const doc of docs) {
      const marker = /mk(\d+)zq/.exec(doc.text)
      expect(marker, `document ${doc.id} has its text`).not.toBeNull()
      const i = Number(marker![1])
      expect(seen.has(i), `file ${i} imported once`).toBe(false)
      seen.add(i)
      expect(doc.word_count).toBeGreaterThan(10)
      expect(fts.all(markerOf(i))).toEqual([{ id: doc.id }])
      expect((logged.get(doc.id) as { n: number }).n, `import-log row of ${doc.id}`).toBeGreaterThan(0)
    }
    return seen
  } finally {
    await backend.close()
  }
}
