/**
 * The built `lectern search` offers "did you mean" words as the sources print them, in plain and JSON output:
 * the German and French Debian Manifesto (debian-history, tests/fixtures/SOURCES.md) imported by the CLI itself.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp-library'
import { ensureBuilt, REPO, runCli, runJson } from './run-cli'

const FIXTURES = join(REPO, 'tests', 'fixtures', 'documents', 'debian')

let root: { dir: string; cleanup: () => void }
let lib = ''

beforeAll(async () => {
  ensureBuilt()
  root = tempDir('lectern-cli-suggest-')
  lib = join(root.dir, 'library')
  const imported = await runJson<{ imported: number }>([
    '--library',
    lib,
    'import',
    join(FIXTURES, 'manifesto.de.html'),
    join(FIXTURES, 'manifesto.fr.html'),
  ])
  expect(imported.json.imported).toBe(2)
}, 120_000)
afterAll(() => root.cleanup())

describe('lectern search: did you mean', () => {
  it('prints the accented word, never the folded one', async () => {
    const plain = await runCli(['--library', lib, 'search', 'Unterstutzng'])
    expect(plain.code).toBe(0)
    expect(plain.stderr).toContain('Did you mean: Unterstützung')
    expect(plain.stderr).not.toMatch(/unterstutzung/i)

    const french = await runCli(['--library', lib, 'search', 'developement logiciel'])
    expect(french.stderr).toContain('Did you mean: développement logiciel')
  })

  it('gives the typed word, the printed replacement and a query that finds the document in --json', async () => {
    const found = await runJson<{
      suggestions: { word: string; replacement: string; query: string }[]
    }>(['--library', lib, 'search', 'Unterstutzng', '--json'])
    expect(found.json.suggestions[0]).toEqual({
      word: 'Unterstutzng',
      replacement: 'Unterstützung',
      query: 'Unterstützung',
    })
    const followed = await runJson<{ total: number; hits: { title: string }[] }>([
      '--library',
      lib,
      'search',
      found.json.suggestions[0]?.query ?? '',
      '--json',
    ])
    expect(followed.json.total).toBe(1)
  })
})
