/**
 * Issue 4 "Bad input": every hostile or broken file ends as stated, the rest of the batch imports, and the library
 * passes integrity_check and the FTS rank-1 check afterwards.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ImportFileResult, ImportReport } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeHostileFixtures } from '../../../scripts/gen-hostile-fixtures'
import { tempBackend } from '../../support/temp-library'
import { documentRow, expectLibraryIntact, importViaApi, phraseSearch } from './helpers'

const MB = 1024 * 1024
const WHITEHOUSE = join(__dirname, '../../fixtures/documents/whitehouse')
const ODD_NAMES = [
  'with spaces in name.txt',
  `quotes ' and " here.txt`,
  'dollar $(touch pwned) `x`.txt',
  'Ελληνικά και 日本語 и кириллица.txt',
]

describe('bad input: each file ends as stated, the rest of the batch imports', () => {
  const backend = tempBackend({ limits: { maxZipBytes: 8 * MB, maxFileBytes: 50 * MB } })
  const input = join(backend.dir, 'input')
  let report: ImportReport
  const by = (name: string): ImportFileResult => {
    const found = report.results.find((r) => r.path === join(input, name))
    if (!found) throw new Error(`no result for ${name}`)
    return found
  }

  beforeAll(async () => {
    await writeHostileFixtures(input, { zipBombBytes: 12 * MB })
    copyFileSync(join(WHITEHOUSE, 'remarks-president-ebola.txt'), join(input, 'good-ebola.txt'))
    copyFileSync(join(WHITEHOUSE, 'first-lady-opm-visit.md'), join(input, 'good-opm.md'))
    for (const [i, name] of ODD_NAMES.entries())
      writeFileSync(
        join(input, name),
        `Odd name ${i}\n\nA file whose name is unusual, number ${i}, still imports.\n`,
      )
    writeFileSync(join(input, 'one-line.txt'), `${'word '.repeat(200_000)}end of the single line`) // 1 MB, one line
    writeFileSync(join(input, 'nul-bytes.txt'), 'Text with\u0000 NUL\u0000 bytes inside it.\n')
    mkdirSync(join(input, '.hidden-folder'))
    writeFileSync(join(input, '.hidden-folder', 'secret.txt'), 'hidden')
    writeFileSync(join(input, '.hidden.txt'), 'hidden')
    writeFileSync(join(input, 'Thumbs.db'), 'system')
    report = await importViaApi(backend, [input, join(backend.dir, 'does-not-exist.pdf')])
  }, 120_000)
  afterAll(() => backend.dispose())

  it.each([
    ['empty.txt', 'failed', /^empty file$/],
    ['zero-byte.pdf', 'failed', /^empty file$/],
    ['truncated.pdf', 'failed', /PDF/],
    ['random.txt', 'failed', /binary content, not text/],
    ['random.pdf', 'failed', /not a PDF \(no %PDF header\)/],
    ['random.epub', 'failed', /not a valid EPUB: the file is not a ZIP archive/],
    ['not-a-zip.docx', 'failed', /not a valid DOCX: the file is not a ZIP archive/],
    ['zip-bomb.epub', 'failed', /inflates past the 8 MB limit .*\(maxZipBytes/],
    ['zip-slip.epub', 'failed', /unsafe entry name/],
    ['zip-slip-backslash.epub', 'failed', /unsafe entry name/],
    ['zip-absolute.epub', 'failed', /unsafe entry name/],
    ['nested-archive.epub', 'failed', /contains another archive/],
    ['billion-laughs.docx', 'failed', /declares entities/],
    ['image.png', 'skipped', /unsupported file type: a PNG image/],
  ])('%s → %s (%s)', (name, status, reason) => {
    const result = by(name)
    expect(result.status).toBe(status)
    expect(result.error).toMatch(reason)
    expect(result.documentId).toBeUndefined()
  })

  it('an unreadable path fails with its reason', () => {
    const missing = report.results.find((r) => r.path.endsWith('does-not-exist.pdf'))
    expect(missing).toMatchObject({ status: 'failed', error: 'no such file or folder' })
  })

  it('a PDF with JavaScript actions imports and nothing runs', () => {
    const result = by('javascript-action.pdf')
    expect(result.status).toBe('imported')
    expect(documentRow(backend.context.db, result.documentId).text).toContain(
      'JavaScript open action that must never run',
    )
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined()
  })

  it('a PDF without a text layer imports with the scan warning', () => {
    const result = by('scanned.pdf')
    expect(result.status).toBe('imported')
    expect(result.warnings).toContain('no text layer (scanned?)')
  })

  it('billion laughs in an EPUB: imported, no entity expanded', () => {
    const result = by('billion-laughs.epub')
    expect(result.status).toBe('imported')
    const row = documentRow(backend.context.db, result.documentId)
    expect(row.text).not.toMatch(/(lol){3}/)
    expect(row.text).not.toContain('root:x')
  })

  it('hostile HTML imports with all of it inert and nothing remote', () => {
    const result = by('hostile.html')
    expect(result.status).toBe('imported')
    const row = documentRow(backend.context.db, result.documentId)
    expect(row.text).toContain('This paragraph about inert content must survive sanitizing intact.')
    const html = row.html ?? ''
    for (const pattern of [
      /<script/i,
      /\son\w+\s*=/i,
      /javascript:/i,
      /<iframe/i,
      /<meta/i,
      /<svg/i,
      /<style/i,
      /style=/i,
      /srcset/i,
      /url\(/i,
      /<link/i,
      /<base/i,
      /<form/i,
      /\s(?:src|poster|data)="?https?:/i,
    ])
      expect(html, String(pattern)).not.toMatch(pattern)
  })

  it('100,000 nested divs: imported as flat paragraphs with a warning', () => {
    const result = by('nested-divs.html')
    expect(result.status).toBe('imported')
    expect(result.warnings?.join(' ')).toMatch(/nested more than/)
    expect(documentRow(backend.context.db, result.documentId).text).toContain(
      'Text at the bottom of one hundred thousand nested divs.',
    )
  })

  it('odd file names import (spaces, quotes, $(), non-Latin) and nothing is executed', () => {
    for (const name of ODD_NAMES) expect(by(name).status).toBe('imported')
    expect(report.results.some((r) => r.path.includes('pwned') && r.status !== 'imported')).toBe(
      false,
    )
  })

  it('NUL bytes are stripped; a long single line imports', () => {
    expect(documentRow(backend.context.db, by('nul-bytes.txt').documentId).text).toBe(
      'Text with NUL bytes inside it.',
    )
    const line = documentRow(backend.context.db, by('one-line.txt').documentId)
    expect(line.text.endsWith('end of the single line')).toBe(true)
    // A run-on line without any sentence end is the only guessed title that is cut (issue 13).
    expect(line.title.length).toBeLessThanOrEqual(401)
  })

  it('the good files import; hidden and system files are not touched', () => {
    expect(by('good-ebola.txt').status).toBe('imported')
    expect(by('good-opm.md').status).toBe('imported')
    expect(report.results.some((r) => /hidden|Thumbs\.db/.test(r.path))).toBe(false)
    expect(phraseSearch(backend.context.db, 'the best way to protect Americans')).toHaveLength(1)
  })

  it('every file has one import_log row with its reason', () => {
    const log = backend.context.db
      .prepare('SELECT path, status, reason, size FROM import_log')
      .all() as {
      path: string
      status: string
      reason: string | null
    }[]
    expect(log).toHaveLength(report.results.length)
    expect(log.find((l) => l.path.endsWith('zip-bomb.epub'))?.reason).toMatch(/maxZipBytes/)
  })

  it('the library passes integrity_check and the FTS rank-1 check', () => {
    expectLibraryIntact(backend.context.db)
  })
})
