/** Real library files on disk for backup and corruption tests. */
import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { type Backend, createBackend } from '../../../src/main/compose/create-backend'
import { createMemoryLogger } from '../../../src/main/platform/logger'
import { tempDir } from '../../support/temp-library'
import { insertDocument } from '../library/seed'

export type OpenOptions = Parameters<typeof createBackend>[0]

/** A backend with automatic backups off unless asked for (tests make them explicitly). */
export function openBackend(libraryDir: string, options: Partial<OpenOptions> = {}): Backend {
  return createBackend({
    libraryDir,
    log: createMemoryLogger(),
    ...options,
    backups: { autoIntervalHours: null, ...options.backups },
    limits: { workers: 0, ...options.limits },
  })
}

const WORDS =
  'railway freight harbour corridor minister agreement trade investment port capital'.split(' ')

/** Paragraphs of varied words, about `bytes` long, different for every seed. */
export function prose(seed: number, bytes = 2000): string {
  const words: string[] = []
  let n = seed * 7919
  let length = 0
  while (length < bytes) {
    n = (n * 1103515245 + 12345) % 2147483648
    const word = `${WORDS[n % WORDS.length]}${n % 97}`
    words.push(word)
    length += word.length + 1
  }
  return `${words.join(' ')}.`
}

/** Insert `count` documents into an open backend. */
export function addDocuments(backend: Backend, count: number, from = 0, bytes = 2000): void {
  const db = backend.context.db
  db.transaction(() => {
    for (let i = from; i < from + count; i++) {
      insertDocument(db, { title: `Document ${i}`, text: prose(i + 1, bytes), source: 'Seed' })
    }
  })()
}

/** Create a library with `count` documents and close it cleanly. Returns the database file path. */
export async function populatedLibrary(libraryDir: string, count: number): Promise<string> {
  const backend = openBackend(libraryDir)
  addDocuments(backend, count)
  const file = backend.context.databaseFile
  await backend.close()
  return file
}

export const PAGE_SIZE = 4096

export function pageCount(file: string): number {
  return Math.floor(statSync(file).size / PAGE_SIZE)
}

/** Overwrite whole pages (1-based numbers) with deterministic garbage. */
export function overwritePages(file: string, pages: number[]): void {
  const fd = openSync(file, 'r+')
  try {
    for (const page of pages) {
      const junk = Buffer.alloc(PAGE_SIZE)
      for (let i = 0; i < PAGE_SIZE; i++) junk[i] = (page * 31 + i * 17) % 251
      writeSync(fd, junk, 0, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    }
  } finally {
    closeSync(fd)
  }
}

export function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(100)
    readSync(fd, header, 0, 100, 0)
    return header
  } finally {
    closeSync(fd)
  }
}

export const countDocuments = (backend: Backend): number =>
  (backend.context.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n

export const backupsDir = (libraryDir: string): string => join(libraryDir, 'backups')

/**
 * Per-test temp libraries: `library()` gives a fresh library folder; `cleanups` runs (newest first) after each test,
 * so tests can register backends to close and children to kill.
 */
export function tempLibraries(): {
  library: () => string
  cleanups: (() => void | Promise<void>)[]
} {
  const cleanups: (() => void | Promise<void>)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })
  const library = (): string => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    return join(dir, 'library')
  }
  return { library, cleanups }
}
