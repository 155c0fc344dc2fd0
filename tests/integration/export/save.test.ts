/** export.save: atomic, never overwrites unasked, sanitised names that stay inside the folder, clear failures. */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import type { DocumentId, QuoteId } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { safeFileName } from '../../../src/main/export/file-names'
import { seedGoldenLibrary } from '../../golden/corpus'
import { tempBackend, tempDir } from '../../support/temp-library'

let lib: ReturnType<typeof tempBackend>
let quoteId: QuoteId
let out: ReturnType<typeof tempDir>

beforeAll(async () => {
  lib = tempBackend()
  const ids = seedGoldenLibrary(lib.context.db)
  quoteId = (
    await call(lib.context, 'quotes.create', {
      documentId: ids.davie as DocumentId,
      text: 'you have a President who is fighting for you every single day',
    })
  ).id
  out = tempDir('lectern-export-')
})
afterAll(async () => {
  await lib.dispose()
  out.cleanup()
})

const save = (
  path: string,
  extra: { fileName?: string; overwrite?: boolean; format?: 'md' | 'docx' } = {},
  backend = lib,
) =>
  call(backend.context, 'export.save', {
    selection: { quoteIds: [quoteId] },
    format: extra.format ?? 'md',
    style: 'apa',
    path,
    ...(extra.fileName !== undefined ? { fileName: extra.fileName } : {}),
    ...(extra.overwrite !== undefined ? { overwrite: extra.overwrite } : {}),
  })

describe('export.save', () => {
  it('writes the rendered export to a file path and reports its size', async () => {
    const target = join(out.dir, 'basket.md')
    const result = await save(target)
    expect(result).toEqual({ path: target, bytes: readFileSync(target).length })
    const text = readFileSync(target, 'utf8')
    expect(text).toContain('you have a President who is fighting for you every single day')
    expect(text).toContain('(Obama, 2012, para. 5)')
    expect(text).toContain(
      'Obama, M. (2012, October 22). *Remarks by the First Lady to Overflow Crowd',
    )
  })

  it('never overwrites without overwrite: true (conflict), and replaces with it', async () => {
    const target = join(out.dir, 'existing.md')
    writeFileSync(target, 'my precious notes')
    await expect(save(target)).rejects.toMatchObject({
      code: 'conflict',
      message: '“existing.md” already exists. Save again with overwrite to replace it.',
    })
    expect(readFileSync(target, 'utf8')).toBe('my precious notes')
    await save(target, { overwrite: true })
    expect(readFileSync(target, 'utf8')).toContain('fighting for you')
  })

  it('names the file in a folder with the default name, or a sanitised one', async () => {
    const folder = join(out.dir, 'named')
    mkdirSync(folder)
    const byDefault = await save(folder)
    expect(relative(folder, byDefault.path)).toMatch(/^Selected quotes \d{4}-\d{2}-\d{2}\.md$/)
    const docx = await save(folder, { fileName: 'Fighting words', format: 'docx' })
    expect(docx.path).toBe(join(folder, 'Fighting words.docx'))
    expect(readFileSync(docx.path).subarray(0, 2).toString()).toBe('PK')
  })

  it.each([
    ['../../../etc/passwd'],
    ['..'],
    ['.'],
    ['CON'],
    ['con.md'],
    ['a/b\\c:d*?"<>|'],
    ['é'.repeat(150)], // 300 bytes of UTF-8
    [''],
    ['   '],
    ['evil\u0000.md'],
    ['\u0001\u001f'],
    ['trailing dots...'],
  ])('file name %j stays inside the chosen folder', async (fileName) => {
    const folder = join(out.dir, `names-${Math.random().toString(36).slice(2)}`)
    mkdirSync(folder)
    const { path } = await save(folder, { fileName })
    const rel = relative(folder, path)
    expect(rel.startsWith('..')).toBe(false)
    expect(rel).not.toContain('/')
    expect(rel).not.toContain('\\')
    expect(rel.endsWith('.md')).toBe(true)
    expect(Buffer.byteLength(rel)).toBeLessThanOrEqual(255)
    expect(rel).not.toMatch(/[\u0000-\u001f<>:"|?*]/)
    expect(readdirSync(folder)).toEqual([rel])
  })

  it('sanitises names predictably', () => {
    expect(safeFileName('../../../etc/passwd', 'md')).toBe('etc-passwd.md')
    expect(safeFileName('..', 'md')).toBe('lectern-export.md')
    expect(safeFileName('CON', 'md')).toBe('lectern-export.md')
    expect(safeFileName('a/b\\c:d*?"<>|', 'md')).toBe('a-b-cd.md')
    expect(safeFileName('', 'md')).toBe('lectern-export.md')
    expect(safeFileName('report.md', 'md')).toBe('report.md')
    const long = safeFileName('é'.repeat(150), 'md')
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255)
    expect(long).toBe(`${'é'.repeat(118)}.md`) // 240 bytes at most: the atomic temp name adds up to 11
  })

  it('an unwritable folder gives a clear error and leaves no file, partial or temporary', async () => {
    // /sys refuses new files even to root (tests run as root in CI); a chmod-ed folder covers other users.
    if (existsSync('/sys')) {
      await expect(save('/sys/lectern-export-test.md')).rejects.toMatchObject({
        code: 'invalid_args',
        message:
          'Cannot save “/sys/lectern-export-test.md”: permission denied. Nothing was written.',
      })
      expect(readdirSync('/sys').some((n) => n.startsWith('lectern-export-test'))).toBe(false)
    }
    const locked = join(out.dir, 'locked')
    mkdirSync(locked)
    chmodSync(locked, 0o555)
    try {
      if (process.getuid?.() !== 0) {
        await expect(save(join(locked, 'x.md'))).rejects.toMatchObject({ code: 'invalid_args' })
      }
    } finally {
      chmodSync(locked, 0o755)
    }
    if (process.getuid?.() !== 0) expect(readdirSync(locked)).toEqual([])
    // A name the file system refuses (too long for any file system here) is refused cleanly too.
    const tooLong = join(out.dir, `${'x'.repeat(300)}.md`)
    await expect(save(tooLong)).rejects.toMatchObject({
      code: 'invalid_args',
      message: expect.stringContaining('Nothing was written.'),
    })
    expect(readdirSync(out.dir).some((n) => n.startsWith('xxxx'))).toBe(false)
  })

  it('refuses a missing folder, a folder as target, and a file name without a folder', async () => {
    await expect(save(join(out.dir, 'missing', 'x.md'))).rejects.toMatchObject({
      code: 'invalid_args',
      message: `The folder “${join(out.dir, 'missing')}” does not exist.`,
    })
    await expect(save(join(out.dir, 'nofolder'), { fileName: 'x' })).rejects.toMatchObject({
      code: 'invalid_args',
      message: `There is no folder at “${join(out.dir, 'nofolder')}”.`,
    })
  })

  it('zero quotes: a clear message and no file', async () => {
    const target = join(out.dir, 'empty.md')
    await expect(
      call(lib.context, 'export.save', {
        selection: { tag: 'no-such-tag' },
        format: 'md',
        path: target,
      }),
    ).rejects.toMatchObject({
      code: 'invalid_args',
      message: 'There is nothing to export: no quote carries the tag “no-such-tag”.',
    })
    expect(existsSync(target)).toBe(false)
  })

  it('with export roots, only writes inside them (symlinks resolved)', async () => {
    const roots = tempDir('lectern-roots-')
    const allowed = join(roots.dir, 'allowed')
    const elsewhere = join(roots.dir, 'elsewhere')
    mkdirSync(allowed)
    mkdirSync(elsewhere)
    symlinkSync(elsewhere, join(allowed, 'escape'))
    const hosted = tempBackend({ libraryDir: join(roots.dir, 'lib'), exportRoots: [allowed] })
    try {
      const ids = seedGoldenLibrary(hosted.context.db)
      const q = await call(hosted.context, 'quotes.create', {
        documentId: ids.davie as DocumentId,
        text: 'every vote is going to count',
      })
      const saveTo = (path: string) =>
        call(hosted.context, 'export.save', {
          selection: { quoteIds: [q.id] },
          format: 'txt',
          path,
        })
      expect((await saveTo(join(allowed, 'ok.txt'))).path).toBe(join(allowed, 'ok.txt'))
      await expect(saveTo(join(elsewhere, 'no.txt'))).rejects.toMatchObject({
        code: 'invalid_args',
        message: `Exports can only be saved inside: ${allowed}.`,
      })
      await expect(saveTo(join(allowed, 'escape', 'no.txt'))).rejects.toMatchObject({
        code: 'invalid_args',
      })
      expect(readdirSync(elsewhere)).toEqual([])
    } finally {
      await hosted.dispose()
      roots.cleanup()
    }
  })
})
