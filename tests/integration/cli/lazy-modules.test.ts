/**
 * Cold start (issue 5: process start to first results ≤ 500 ms): the built CLI must not load the export, citation,
 * compare or importer stacks to answer a search. They cost ~160 ms of require at every start when they were eager
 * (scripts/bench/cold-start.ts measures it). A preloaded hook records every package the process requires; the
 * export run shows the hook sees lazily loaded packages too, so the search assertions can fail.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp-library'
import { ensureBuilt, REPO, runCli } from './run-cli'

const ARTICLE = join(REPO, 'tests', 'fixtures', 'cli', 'china-kenya-ties.txt')
const QUOTED =
  'Kenyan officials said the railway had cut the time needed to move a container inland from about a day by road to under eight hours.'

/** Packages only export, citations, compare and the importers need. */
const HEAVY = [
  'docx',
  '@citation-js/core',
  '@citation-js/plugin-csl',
  '@citation-js/plugin-bibtex',
  '@citation-js/plugin-ris',
  'linkedom',
  'diff',
  'jsdom',
  'dompurify',
  'pdfjs-dist',
  'mammoth',
  'jszip',
  'marked',
  '@mozilla/readability',
]

const HOOK = `
const Module = require('node:module')
const { writeFileSync } = require('node:fs')
const seen = new Set()
const load = Module._load
Module._load = function (request, ...rest) {
  if (!request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:')) {
    seen.add(request.split('/').slice(0, request.startsWith('@') ? 2 : 1).join('/'))
  }
  return load.call(this, request, ...rest)
}
process.on('exit', () => writeFileSync(process.env.LECTERN_TEST_LOADED, JSON.stringify([...seen])))
`

let root: { dir: string; cleanup: () => void }
let hook: string
let library: string

/** Run the built CLI with the hook preloaded; the packages it required. */
async function packagesLoaded(args: string[]): Promise<string[]> {
  const out = join(root.dir, 'loaded.json')
  writeFileSync(out, '[]')
  const result = await runCli(['--library', library, ...args], {
    env: { NODE_OPTIONS: `--require ${hook}`, LECTERN_TEST_LOADED: out },
  })
  expect(result.code, result.stderr).toBe(0)
  return JSON.parse(readFileSync(out, 'utf8')) as string[]
}

beforeAll(async () => {
  ensureBuilt()
  root = tempDir('lectern-lazy-')
  hook = join(root.dir, 'hook.cjs')
  writeFileSync(hook, HOOK)
  library = join(root.dir, 'library')
  expect((await runCli(['--library', library, 'import', ARTICLE])).code).toBe(0)
  expect((await runCli(['--library', library, 'quote', '1', '--text', QUOTED])).code).toBe(0)
})
afterAll(() => root.cleanup())

describe('lectern search loads only what a search needs', () => {
  it('answers without the export, citation, compare or importer packages', async () => {
    const loaded = await packagesLoaded(['search', 'railway', '--json'])
    expect(loaded).toContain('zod')
    expect(loaded).toContain('better-sqlite3')
    expect(loaded.filter((p) => HEAVY.includes(p))).toEqual([])
  })

  it('loads the export stack on demand: a DOCX export with citations still works', async () => {
    const loaded = await packagesLoaded([
      'export',
      '--all',
      '--format',
      'docx',
      '--out',
      join(root.dir, 'q.docx'),
    ])
    expect(loaded).toEqual(expect.arrayContaining(['docx', '@citation-js/core']))
    expect(readFileSync(join(root.dir, 'q.docx')).subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('loads the compare stack on demand', async () => {
    const loaded = await packagesLoaded(['similar', '1', '--json'])
    expect(loaded).toContain('diff')
  })
})
