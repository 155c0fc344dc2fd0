import { describe, expect, it } from 'vitest'
import { BILLION_LAUGHS, buildDocx, buildEpub } from '../../../scripts/gen-hostile-fixtures'
import { ImportError } from '../../../src/main/importers/errors'
import { extractDocx } from '../../../src/main/importers/extractors/docx'
import { extractEpub, resolveHref, stripDoctype } from '../../../src/main/importers/extractors/epub'
import { surveyZip } from '../../../src/main/importers/zip-guard'

const limits = { maxFileBytes: 1e8, maxZipBytes: 4 * 1024 * 1024, maxZipEntries: 50 }

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ImportError) return error
    throw error
  }
  throw new Error('expected an ImportError')
}

describe('surveyZip (the bounded pre-pass)', () => {
  it('counts real inflated bytes and names the limit of a zip bomb', async () => {
    const bomb = await buildEpub({
      extraEntries: [{ name: 'OEBPS/pad.xhtml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) }],
    })
    expect(bomb.length).toBeLessThan(100 * 1024) // small file, big inflation
    const error = await failure(surveyZip(bomb, 'EPUB', limits))
    expect(error.limit).toBe('maxZipBytes')
    expect(error.message).toMatch(/inflates past the 4 MB limit .*maxZipBytes/)
  })

  it('refuses too many entries before inflating anything', async () => {
    const many = await buildEpub({
      extraEntries: Array.from({ length: 60 }, (_v, i) => ({ name: `OEBPS/f${i}.txt`, data: 'x' })),
    })
    const error = await failure(surveyZip(many, 'EPUB', limits))
    expect(error.limit).toBe('maxZipEntries')
    expect(error.message).toMatch(/entries, over the 50 entry limit \(maxZipEntries\)/)
  })

  it.each([
    ['../../evil.xhtml', /unsafe entry name/],
    ['/etc/evil', /unsafe entry name/],
    ['OEBPS\\..\\..\\evil', /unsafe entry name/],
  ])('rejects the entry name %s', async (name, expected) => {
    const epub = await buildEpub({ extraEntries: [{ name, data: 'x' }] })
    expect((await failure(surveyZip(epub, 'EPUB', limits))).message).toMatch(expected)
  })

  it('rejects nested archives in EPUB, by name and by content', async () => {
    const inner = await buildDocx(['inner'])
    const byName = await buildEpub({ extraEntries: [{ name: 'OEBPS/inner.zip', data: inner }] })
    const byContent = await buildEpub({
      extraEntries: [{ name: 'OEBPS/innocent.bin', data: inner }],
    })
    expect((await failure(surveyZip(byName, 'EPUB', limits))).message).toMatch(
      /contains another archive/,
    )
    expect((await failure(surveyZip(byContent, 'EPUB', limits))).message).toMatch(
      /contains another archive/,
    )
  })

  it('allows (but never opens) Office embeddings in DOCX', async () => {
    const docx = await buildDocx(['Text with an embedded sheet.'], {
      extraEntries: [{ name: 'word/embeddings/sheet1.xlsx', data: await buildDocx(['sheet']) }],
    })
    const survey = await surveyZip(docx, 'DOCX', limits)
    expect(survey.names).toContain('word/embeddings/sheet1.xlsx')
  })
})

describe('XML entities are never expanded', () => {
  it('EPUB with billion laughs and an external entity: imported, nothing expanded, fast', async () => {
    const epub = await buildEpub({
      title: 'Laughs &lol9;',
      opfPrologue: BILLION_LAUGHS.replace('lolz', 'package'),
      chapters: [{ name: 'c.xhtml', html: '<p>Before &lol9; after &xxe; end.</p>' }],
    })
    const started = performance.now()
    const doc = await extractEpub({ bytes: epub, path: 'laughs.epub', limits })
    expect(performance.now() - started).toBeLessThan(5000)
    expect(doc.text).not.toMatch(/(lol){3}/)
    expect(doc.text).not.toContain('root:')
    expect(doc.title).not.toMatch(/(lol){3}/)
    expect(doc.warnings).toContain('XML entity declarations were ignored (never expanded)')
  })

  it('DOCX that declares entities is rejected with a clear reason', async () => {
    const docx = await buildDocx(['Entity &lol9; here.'], {
      prologue: BILLION_LAUGHS.replace('lolz', 'w:document'),
    })
    const error = await failure(extractDocx({ bytes: docx, path: 'laughs.docx', limits }))
    expect(error.message).toMatch(/declares entities/)
  })

  it('stripDoctype removes the internal subset; resolveHref refuses escapes', () => {
    expect(stripDoctype(`<?xml version="1.0"?>${BILLION_LAUGHS}<root/>`)).toBe(
      '<?xml version="1.0"?><root/>',
    )
    expect(resolveHref('OEBPS', 'text/ch1.xhtml#s2')).toEqual({
      path: 'OEBPS/text/ch1.xhtml',
      fragment: 's2',
    })
    expect(resolveHref('OEBPS', '../../etc/passwd')).toBeNull()
    expect(resolveHref('OEBPS', 'https://example.org/x')).toBeNull()
    expect(resolveHref('', 'a%20b.xhtml')).toEqual({ path: 'a b.xhtml', fragment: '' })
  })
})
