/**
 * The built `lectern` CLI on temp libraries with real text files: the acceptance scenario of issue 2, bad input,
 * errors, and the library commands. Each test gets its own library folder.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp-library'
import { overwritePages, pageCount } from '../db/library-files'
import { BIN, ensureBuilt, REPO, runCli, runJson } from './run-cli'

const ARTICLE = join(REPO, 'tests', 'fixtures', 'cli', 'china-kenya-ties.txt')
const QUOTED_SENTENCE =
  'Kenyan officials said the railway had cut the time needed to move a container inland from about a day by road to under eight hours.'

type ImportJson = {
  imported: number
  duplicates: number
  failed: number
  results: { path: string; status: string; documentId?: number; title?: string; error?: string }[]
}

let root: { dir: string; cleanup: () => void }
let n = 0
/** A fresh library folder for one test. */
const library = (): string => join(root.dir, `library-${++n}`)

beforeAll(() => {
  ensureBuilt()
  root = tempDir('lectern-cli-')
})
afterAll(() => root.cleanup())

describe('lectern --help', () => {
  it('prints the commands and exits 0, through the bin script too', async () => {
    for (const script of [undefined, BIN]) {
      const result = await runCli(['--help'], { script })
      expect(result.code).toBe(0)
      for (const command of [
        'import',
        'search',
        'list',
        'show',
        'tag',
        'quote',
        'export',
        'check',
      ]) {
        expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'))
      }
    }
    const sub = await runCli(['search', '--help'])
    expect(sub.code).toBe(0)
    expect(sub.stdout).toContain('Usage: lectern [--library DIR] search QUERY')
  })
})

describe('the acceptance scenario (issue 2)', () => {
  it('imports the article, finds the phrase, tags, quotes and exports with a citation', async () => {
    const lib = library()
    const imported = await runJson<ImportJson>(['--library', lib, 'import', ARTICLE])
    expect(imported.code).toBe(0)
    expect(imported.json).toMatchObject({ imported: 1, duplicates: 0, failed: 0 })
    const result = imported.json.results[0]!
    expect(result).toMatchObject({ path: ARTICLE, status: 'imported' })
    const id = result.documentId!
    expect(id).toBeGreaterThan(0)

    const shown = await runJson<{
      title: string
      publishedAt: string
      text: string
      tags: string[]
    }>(['--library', lib, 'show', String(id)])
    expect(shown.json.publishedAt).toBe('2025-04-24')
    expect(shown.json.title).not.toMatch(/^date/i)
    expect(shown.json.title.length).toBeGreaterThan(10)
    expect(shown.json.text).toContain('Mombasa-Nairobi Railway')

    const found = await runJson<{
      total: number
      hits: { documentId: number; snippet: string; type: string; passages: { text: string }[] }[]
      suggestions: unknown[]
    }>(['--library', lib, 'search', '"Mombasa-Nairobi Railway"'])
    expect(found.code).toBe(0)
    expect(found.json.total).toBe(1)
    expect(found.json.hits[0]).toMatchObject({ documentId: id, type: 'document' })
    expect(found.json.hits[0]!.snippet).toContain('**Mombasa-Nairobi Railway**')
    expect(found.json.hits[0]!.passages.length).toBeGreaterThan(0)
    expect(Array.isArray(found.json.suggestions)).toBe(true)
    const human = await runCli(['--library', lib, 'search', '"Mombasa-Nairobi Railway"'])
    expect(human.stdout).toContain(`#${id}`)
    expect(human.stdout).toContain('**Mombasa-Nairobi Railway**')

    const tagged = await runJson(['--library', lib, 'tag', String(id), 'kenya', 'transport'])
    expect(tagged.json).toEqual({ changed: 2 })
    const tags = await runJson<{ tags: { name: string; documentCount: number }[] }>([
      '--library',
      lib,
      'tags',
    ])
    expect(tags.json.tags.map((t) => [t.name, t.documentCount])).toEqual([
      ['kenya', 1],
      ['transport', 1],
    ])
    const listed = await runJson<{ total: number; documents: { id: number; tags: string[] }[] }>([
      '--library',
      lib,
      'list',
      '--tag',
      'kenya',
    ])
    expect(listed.json).toMatchObject({
      total: 1,
      documents: [{ id, tags: ['kenya', 'transport'] }],
    })

    const quote = await runJson<{ id: number; documentId: number; text: string; tags: string[] }>([
      '--library',
      lib,
      'quote',
      String(id),
      '--text',
      QUOTED_SENTENCE,
      '--tag',
      'railway',
      '--note',
      'Travel time claim',
      '--color',
      'green',
    ])
    expect(quote.code).toBe(0)
    expect(quote.json).toMatchObject({ documentId: id, text: QUOTED_SENTENCE, tags: ['railway'] })
    const quotes = await runJson<{ total: number; quotes: { id: number }[] }>([
      '--library',
      lib,
      'quotes',
      '--tag',
      'railway',
    ])
    expect(quotes.json.total).toBe(1)
    expect(quotes.json.quotes[0]!.id).toBe(quote.json.id)

    const exported = await runCli([
      '--library',
      lib,
      'export',
      '--quotes',
      String(quote.json.id),
      '--format',
      'md',
    ])
    expect(exported.code).toBe(0)
    expect(exported.stdout).toContain('under eight hours')
    expect(exported.stdout).toMatch(/2025/)
    expect(exported.stdout).toContain(shown.json.title.slice(0, 20))

    const out = join(root.dir, `kenya-${n}.md`)
    const saved = await runJson<{ path: string; bytes: number }>([
      '--library',
      lib,
      'export',
      '--tag',
      'railway',
      '--format',
      'md',
      '--out',
      out,
    ])
    expect(saved.json.path).toBe(out)
    expect(readFileSync(out, 'utf8')).toContain('under eight hours')
    const again = await runCli(['--library', lib, 'export', '--tag', 'railway', '--out', out])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/^lectern: .*(exists|overwrite)/m)

    const check = await runJson(['--library', lib, 'check'])
    expect(check).toMatchObject({ code: 0, json: { ok: true, problems: [] } })
  }, 90_000) // 13 CLI processes in a row: ~20 s alone, over 30 s on a loaded 2-core machine
})

describe('bad input', () => {
  it('reports a second import of the same file as a duplicate', async () => {
    const lib = library()
    expect((await runJson<ImportJson>(['--library', lib, 'import', ARTICLE])).json.imported).toBe(1)
    const second = await runJson<ImportJson>(['--library', lib, 'import', ARTICLE])
    expect(second.code).toBe(0)
    expect(second.json).toMatchObject({ imported: 0, duplicates: 1, failed: 0 })
    expect(second.json.results[0]!.status).toBe('duplicate')
  })

  it('gives an unreadable path one clear line on stderr and exit status 2', async () => {
    const lib = library()
    const missing = join(root.dir, 'no-such-dir', 'x.pdf')
    const human = await runCli(['--library', lib, 'import', missing])
    expect(human.code).toBe(2)
    const lines = human.stderr.trim().split('\n')
    expect(lines.some((l) => l.startsWith('lectern: ') && l.includes(missing))).toBe(true)
    expect(human.stderr).toMatch(/no such file|not found|does not exist/i)
    const json = await runJson<ImportJson>(['--library', lib, 'import', missing])
    expect(json.code).toBe(2)
    expect(json.json).toMatchObject({ imported: 0, failed: 1 })
    expect(json.json.results[0]).toMatchObject({ path: missing, status: 'failed' })
    expect(json.json.results[0]!.error).toBeTruthy()
  })

  it('imports every good file of a mixed folder and explains each bad one', async () => {
    const lib = library()
    const folder = join(root.dir, `mixed-${n}`)
    mkdirSync(join(folder, 'nested'), { recursive: true })
    copyFileSync(ARTICLE, join(folder, 'article.txt'))
    writeFileSync(
      join(folder, 'nested', 'notes.md'),
      '# Field notes\n\nThe harbour cranes were repainted in March.\n',
    )
    writeFileSync(join(folder, 'empty.txt'), '')
    writeFileSync(
      join(folder, 'binary.txt'),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)),
    )
    writeFileSync(join(folder, '.hidden.txt'), 'hidden files are skipped\n')
    symlinkSync(join(folder, 'gone.txt'), join(folder, 'dangling.txt'))
    const result = await runJson<ImportJson>(['--library', lib, 'import', folder])
    expect(result.code).toBe(2)
    const byName = new Map(result.json.results.map((r) => [r.path.split('/').pop(), r]))
    expect(byName.get('article.txt')?.status).toBe('imported')
    expect(byName.get('notes.md')?.status).toBe('imported')
    expect(byName.get('notes.md')?.title).toBe('Field notes')
    for (const bad of ['empty.txt', 'binary.txt']) {
      expect(byName.get(bad)?.status, bad).toBe('failed')
      expect(byName.get(bad)?.error, bad).toMatch(/\w{4,}/)
    }
    expect(byName.has('.hidden.txt')).toBe(false)
    expect(result.json.imported).toBe(2)
    const listed = await runJson<{ total: number }>(['--library', lib, 'list'])
    expect(listed.json.total).toBe(2)
    const check = await runJson(['--library', lib, 'check'])
    expect(check.json).toEqual({ ok: true, problems: [] })
  })

  it('refuses a quote whose passage is not in the document', async () => {
    const lib = library()
    const id = (await runJson<ImportJson>(['--library', lib, 'import', ARTICLE])).json.results[0]!
      .documentId!
    const result = await runCli([
      '--library',
      lib,
      'quote',
      String(id),
      '--text',
      'This sentence appears nowhere in the article.',
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^lectern: .+/)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })
})

describe('errors', () => {
  it('prints one line on stderr, or JSON with --json, and exits non-zero', async () => {
    const lib = library()
    const missing = await runCli(['--library', lib, 'show', '999'])
    expect(missing.code).toBe(1)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toBe('lectern: No document with id 999.\n')
    const json = await runCli(['--library', lib, 'show', '999', '--json'])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stderr)).toEqual({
      error: { code: 'not_found', message: 'No document with id 999.' },
    })
    const unknown = await runCli(['--library', lib, 'frobnicate'])
    expect(unknown).toMatchObject({
      code: 1,
      stderr: 'lectern: unknown command "frobnicate" (see lectern --help)\n',
    })
    const option = await runCli(['--library', lib, 'list', '--colour', 'red'])
    expect(option.code).toBe(1)
    expect(option.stderr).toMatch(
      /^lectern: Unknown option '--colour' \(see lectern list --help\)\n$/,
    )
    const badId = await runCli(['--library', lib, 'show', 'twelve'])
    expect(badId.stderr).toMatch(/^lectern: the document id must be a whole number/)
  })
})

describe('library commands', () => {
  it('uses LECTERN_LIBRARY, backs up, restores and reports info', async () => {
    const lib = library()
    const env = { LECTERN_LIBRARY: lib }
    expect((await runJson<ImportJson>(['import', ARTICLE], { env })).json.imported).toBe(1)
    const backup = await runJson<{ file: string; bytes: number }>(['backup'], { env })
    expect(backup.code).toBe(0)
    expect(backup.json.file.startsWith(join(lib, 'backups'))).toBe(true)
    const info = await runJson<{ libraryDir: string; documentCount: number; backups: unknown[] }>(
      ['info'],
      { env },
    )
    expect(info.json).toMatchObject({ libraryDir: lib, documentCount: 1 })
    expect(info.json.backups).toHaveLength(1)
    const restored = await runJson<{ file: string; documentCount: number }>(['restore'], { env })
    expect(restored.code).toBe(0)
    expect(restored.json).toMatchObject({ file: backup.json.file, documentCount: 1 })
  })
})

describe('a damaged library from the CLI', () => {
  it('warns, refuses writes with a clear line, and restores the newest good backup', async () => {
    const lib = library()
    const folder = join(root.dir, `many-${n}`)
    mkdirSync(folder)
    for (let i = 0; i < 60; i++) {
      writeFileSync(
        join(folder, `n${i}.txt`),
        `Note ${i}\n\n${'Harbour cranes moved containers all night. '.repeat(40)} unique${i}\n`,
      )
    }
    expect((await runJson<ImportJson>(['--library', lib, 'import', folder])).json.imported).toBe(60)
    expect((await runCli(['--library', lib, 'backup'])).code).toBe(0)
    const file = join(lib, 'library.sqlite')
    const pages = pageCount(file)
    overwritePages(file, [Math.floor(pages / 2), Math.floor(pages / 2) + 1])
    const tag = await runCli(['--library', lib, 'tag', '1', 'x'])
    expect(tag.code).toBe(1)
    expect(tag.stderr).toMatch(/^lectern: warning: the library is damaged/m)
    expect(tag.stderr).toMatch(/^lectern: The library is damaged and read-only .*lectern restore/m)
    const check = await runJson<{ ok: boolean; problems: string[] }>(['--library', lib, 'check'])
    expect(check.code).toBe(1)
    expect(check.json.ok).toBe(false)
    const restored = await runJson<{ documentCount: number }>(['--library', lib, 'restore'])
    expect(restored).toMatchObject({ code: 0, json: { documentCount: 60 } })
    expect((await runJson(['--library', lib, 'check'])).json).toEqual({ ok: true, problems: [] })
    expect((await runCli(['--library', lib, 'tag', '1', 'x'])).code).toBe(0)
  })
})

describe('lectern web', () => {
  it('prints the address first, serves the API with the token, and stops on Ctrl+C', async () => {
    const lib = library()
    const { spawn } = await import('node:child_process')
    const { CLI } = await import('./run-cli')
    const child = spawn(process.execPath, [CLI, '--library', lib, 'web', '--port', '0'], {
      cwd: REPO,
      env: { ...process.env, LECTERN_WEB_TOKEN: '' },
    })
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    )
    const firstLine = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d
        if (out.includes('\n')) resolve(out.split('\n')[0]!)
      })
      child.on('exit', () => reject(new Error(`web exited early: ${out}`)))
    })
    const match = /^Lectern is running at (http:\/\/127\.0\.0\.1:(\d+))\/\?token=(\S+)$/.exec(
      firstLine,
    )
    expect(match, firstLine).not.toBeNull()
    const [, origin, , token] = match!
    const response = await fetch(`${origin}/api/library.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Lectern-Token': token!, Origin: origin! },
      body: '{}',
    })
    const envelope = (await response.json()) as { ok: boolean; value: { libraryDir: string } }
    expect(envelope).toMatchObject({ ok: true, value: { libraryDir: lib } })
    child.kill('SIGINT')
    expect(await exited).toBe(0)
  })
})
