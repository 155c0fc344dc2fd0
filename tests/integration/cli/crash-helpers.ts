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
 * Start `lectern import corpus`, wait until it has committed `killAt(before)` documents (the caller picks a random
 * point mid-import), then SIGKILL it at once. Waiting on progress rather than on a clock keeps the kill inside the
 * import however fast the machine imports. Resolves with whether the kill landed before the import finished.
 */
/** A kill point between the next document and 80 % of what remains, so every kill lands mid-import. */
export function midImport(random: () => number, total: number): (before: number) => number {
  return (before) => before + 1 + Math.floor(random() * Math.max(1, (total - before) * 0.8))
}

export async function importAndKill(
  library: string,
  corpus: string,
  killAt: (before: number) => number,
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
  const target = Math.max(before + 1, killAt(before))
  const deadline = Date.now() + 120_000
  while (!finished && documentCount(file) < target && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5))
  }
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
      expect(
        (logged.get(doc.id) as { n: number }).n,
        `import-log row of ${doc.id}`,
      ).toBeGreaterThan(0)
    }
    return seen
  } finally {
    await backend.close()
  }
}

/** Quote marker parsing, matching quote-writer.ts. */
const QUOTE_MARKER = /qmark(\d+)x/

/**
 * Run quote-writer.ts on `library` and SIGKILL it once `afterQuotes` quotes have been acknowledged (plus whatever
 * it manages in `extraMs`). Resolves with the number of acknowledged quotes.
 */
export async function quoteAndKill(
  library: string,
  afterQuotes: number,
  extraMs: number,
): Promise<number> {
  // tsx's loader in this very process, not tsx's CLI: the CLI runs the script in a grandchild that a SIGKILL of the
  // child never reaches, so the writer went on creating quotes after the test (and the whole suite) had finished.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'tests', 'integration', 'cli', 'quote-writer.ts'), library],
    {
      cwd: REPO,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(REPO, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let acknowledged = 0
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d
  })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  await new Promise<void>((resolve) => {
    let buffer = ''
    let killing = false
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      buffer += d
      for (const line of buffer.split('\n').slice(0, -1)) {
        const ok = /^ok (\d+)$/.exec(line)
        if (ok) acknowledged = Number(ok[1]) + 1
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1)
      if (!killing && acknowledged >= afterQuotes) {
        killing = true
        setTimeout(() => {
          child.kill('SIGKILL')
          resolve()
        }, extraMs)
      }
    })
    void exited.then(() => resolve())
  })
  await exited
  if (acknowledged < afterQuotes) throw new Error(`quote writer stopped early: ${stderr}`)
  return acknowledged
}

/**
 * After a kill during quote creation: the library is whole, every acknowledged quote is there, and each quote is
 * complete (its text matches its offsets, its FTS row and its tag link exist).
 */
export async function expectQuotesWhole(library: string, acknowledged: number): Promise<number> {
  const backend = openBackend(library)
  try {
    expect(backend.context.corrupt).toBeNull()
    const db = backend.context.db
    expect(checkDatabase(db, { mode: 'full', fts: true })).toEqual([])
    const text = (db.prepare('SELECT text FROM documents WHERE id = 1').get() as { text: string })
      .text
    const quotes = db
      .prepare('SELECT id, exact, start_offset AS start, end_offset AS end, note FROM quotes')
      .all() as { id: number; exact: string; start: number; end: number; note: string }[]
    const fts = db.prepare('SELECT rowid AS id FROM quotes_fts WHERE quotes_fts MATCH ?')
    const tagged = db.prepare(
      'SELECT t.name FROM quote_tags qt JOIN tags t ON t.id = qt.tag_id WHERE qt.quote_id = ?',
    )
    const seen = new Set<number>()
    for (const quote of quotes) {
      const i = Number(QUOTE_MARKER.exec(quote.note)?.[1])
      expect(Number.isInteger(i), `quote ${quote.id} has its note`).toBe(true)
      expect(seen.has(i)).toBe(false)
      seen.add(i)
      expect(text.slice(quote.start, quote.end)).toBe(quote.exact)
      expect(fts.all(`qmark${i}x`)).toEqual([{ id: quote.id }])
      expect(tagged.all(quote.id)).toEqual([{ name: `crash-${i % 7}` }])
    }
    for (let i = 0; i < acknowledged; i++)
      expect(seen.has(i), `acknowledged quote ${i} kept`).toBe(true)
    return quotes.length
  } finally {
    await backend.close()
  }
}

/**
 * Start `lectern export --all --out FILE` and SIGKILL it after `delayMs`. Resolves with whether it was killed
 * before it finished, and what it said when it was not.
 */
export async function exportAndKill(
  library: string,
  out: string,
  delayMs: number,
): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    [CLI, '--library', library, 'export', '--all', '--format', 'md', '--out', out, '--overwrite'],
    {
      cwd: REPO,
      env: { ...process.env, LECTERN_LIBRARY: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
  const { code, signal } = await exited
  clearTimeout(timer)
  return { killed: signal === 'SIGKILL', code, stderr }
}
