/**
 * Metadata a researcher would cite wrongly, found by a new-user trial (round 7) on real Debian documents: a template
 * placeholder stored as the author, an equation as the title, ten rows called "README", a byline naming the same
 * team twice. Each runs the real extractors on the real file.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentId } from '@shared/contract'
import { describe, expect, it } from 'vitest'
import { formatCitations } from '../../../src/main/citations/csl-engine'
import { toCslItem } from '../../../src/main/citations/csl-item'
import { extractBytes, extractFile } from '../../../src/main/importers/extract'
import { sourceBesideAuthors } from '../../../src/shared/byline'

const DEBIAN = join(__dirname, '..', '..', 'fixtures', 'documents', 'debian')
const limits = { maxFileBytes: 1 << 26, maxZipBytes: 1 << 27, maxZipEntries: 10_000 }
const UPLOAD_BATCH = '/lib/incoming/0b6b1a52-3c1e-4a4e-9b5e-2f8a1c3d4e5f'

describe('template placeholders are no authors', () => {
  it('debian-reference.ja\'s title page byline "[FAMILY Given]" is not stored as its author', async () => {
    const file = await extractFile(join(DEBIAN, 'debian-reference-index.ja.html'), limits)
    expect(file.title).toBe('Debian リファレンス')
    expect(file.authors).toEqual([])
    expect(file.provenance.authors).toBeUndefined()
    // The copyright line names Osamu Aoki; it is not read as a byline.
    expect(file.text).toContain('Osamu Aoki')
  })
})

describe('a title that is no words', () => {
  it('a DOCX opening with an equation is titled by its file name, marked guessed', async () => {
    const file = await extractFile(join(DEBIAN, 'test-word-latinmodern_math.docx'), limits)
    // Its first line is the first equation as linear text: "bcd̂ efg̃ Ȧ Ȧť Ǎ ί".
    expect(file.text).toMatch(/^bcd\u0302 efg\u0303 /)
    expect(file.title).toBe('test word latinmodern math')
    expect(file.provenance.title).toMatchObject({ origin: 'filename' })
    expect(file.authors).toEqual(['Jacko'])
  })

  it('the same equation as the first line of a plain text or a Markdown file is no title either', async () => {
    const body =
      'The Latin Modern Math font is tested with these equations, which Word lays out with its own engine.'
    for (const name of ['equations.txt', 'equations.md']) {
      const file = await extractBytes(
        new TextEncoder().encode(`bcd̂ efg̃ Ȧ Ȧť Ǎ ί\n\n${body}\n`),
        `/docs/${name}`,
        limits,
      )
      expect(file.title, name).not.toContain('Ȧ')
    }
  })
})

describe('generic file names', () => {
  const readme = readFileSync(join(DEBIAN, 'libmpfr6', 'README'))

  it("a README with no title in it is titled with its folder's name, marked guessed (GNU MPFR)", async () => {
    const file = await extractFile(join(DEBIAN, 'libmpfr6', 'README'), limits)
    expect(file.title).toBe('libmpfr6 README')
    expect(file.provenance.title).toMatchObject({ origin: 'filename' })
  })

  it('a browser upload: a picked file has no folder (its batch id is none), a picked folder names it', async () => {
    const single = await extractBytes(readme, `${UPLOAD_BATCH}/README`, limits)
    expect(single.title).toBe('README')
    const folder = await extractBytes(readme, `${UPLOAD_BATCH}/libmpfr6/README`, limits)
    expect(folder.title).toBe('libmpfr6 README')
  })

  it('storage folders ("html", "doc") are skipped; a name that is no generic name stays as it is', async () => {
    const index = await extractBytes(readme, '/usr/share/doc/libmpfr6/html/index.txt', limits)
    expect(index.title).toBe('libmpfr6 index')
    const named = await extractBytes(readme, '/usr/share/doc/libmpfr6/mpfr-notes.txt', limits)
    expect(named.title).toBe('mpfr-notes')
  })
})

describe('an author who is also the publisher', () => {
  it('is shown and cited once (developers-reference.epub); the stored fields keep both', async () => {
    const file = await extractFile(join(DEBIAN, 'developers-reference.epub'), limits)
    expect(file.authors).toEqual(["Developer's Reference Team"])
    expect(file.publisher).toBe("Developer's Reference Team")
    expect(file.source).toBe("Developer's Reference Team")
    expect(sourceBesideAuthors(file.source, file.authors)).toBeNull()

    const item = toCslItem({
      id: 1 as DocumentId,
      title: file.title,
      authors: file.authors,
      publishedAt: '2023-03-06',
      source: file.source,
      url: null,
      language: file.language,
      citationType: 'book',
      containerTitle: null,
      publisher: file.publisher,
      doi: null,
      accessedAt: null,
      contentHash: file.contentHash,
    })
    expect(item.publisher).toBeUndefined()
    const { references } = formatCitations(
      [item],
      [{ itemId: item.id, locator: null }],
      'apa',
      'text',
    )
    const reference = references[0]?.text ?? ''
    expect(reference).toMatch(
      /^Developer.s Reference Team\. \(2023\)\. Debian Developer.s Reference\.$/,
    )
  })
})

const TEXLIVE = join(__dirname, '..', '..', 'fixtures', 'documents', 'texlive')

describe('dates the document prints (APA: the date of the version read)', () => {
  it('hyph-utf8.pdf: "Latest editorial change: 16 Mars 2018" beats "Main description: June 2011"', async () => {
    const file = await extractFile(join(TEXLIVE, 'hyph-utf8.pdf'), limits)
    expect(file.publishedAt).toBe('2018-03-16')
    expect(file.provenance.publishedAt).toMatchObject({ origin: 'text' })
    expect(file.provenance.publishedAt?.detail).toContain('Latest editorial change')
    expect(file.provenance.publishedAt?.confidence).toBeGreaterThanOrEqual(0.5) // printed, not guessed
  })

  it('debian-reference.ja.pdf: the day printed on page ii (behind a cover with no text) is its date', async () => {
    // Pages 1–3 of the book, Info kept: CreationDate 2023-02-04 11:59:01, page ii prints "(2023-02-04 11:59:01 UTC)".
    const file = await extractFile(join(DEBIAN, 'debian-reference.ja-front.pdf'), limits)
    expect(file.publishedAt).toBe('2023-02-04')
    expect(file.provenance.publishedAt).toMatchObject({
      origin: 'text',
      detail: 'printed on the first pages, the day the PDF was made',
    })
    expect(file.authors).toEqual([]) // "[FAMILY Given]"; the copyright line is no byline
  })

  it("a version's date in a long paragraph: the same book's excerpt without Info, and its text edition", async () => {
    const pdf = await extractFile(join(DEBIAN, 'debian-reference.ja-excerpt.pdf'), limits)
    expect(pdf.publishedAt).toBe('2023-02-04')
    expect(pdf.provenance.publishedAt?.detail).toContain('第 2.100 版')
    const txt = await extractFile(join(DEBIAN, 'developers-reference-head.fr.txt'), limits)
    // "Ceci est la version "12.18", publiée le "2023-03-06", du guide…", 37 lines under the title.
    expect(txt.publishedAt).toBe('2023-03-06')
  })

  it('a DocBook title page keeps its legal notice in the text, and the date in it is the edition date', async () => {
    const file = await extractFile(join(DEBIAN, 'debian-reference-index.ja.html'), limits)
    expect(file.text).toContain('本 Debian リファレンス (第2.100版) (2023-02-04 11:59:01 UTC)')
    expect(file.text).toContain('[FAMILY Given]') // the byline as printed, though no author
    expect(file.publishedAt).toBe('2023-02-04')
    expect(file.authors).toEqual([])
  })

  it("DocBook's pubdate is the date; the title page's bylines and edition stay in the text", async () => {
    const guide = await extractFile(join(DEBIAN, 'maint-guide-index.en.html'), limits)
    expect(guide.publishedAt).toBe('2022-10-08')
    expect(guide.provenance.publishedAt?.detail).toContain('DocBook pubdate')
    expect(guide.authors).toEqual(['Josip Rodin', 'Osamu Aoki'])
    expect(guide.text).toMatch(
      /^Debian New Maintainers' Guide\n\nJosip Rodin\n\noriginal contents\s<joy-mg@debian.org>\n/,
    )
    expect(guide.text).toContain('2022-10-08 03:52:48 UTC')
    // bzip2's one-page manual: Readability picked the chapters and left the whole title page out.
    const manual = await extractFile(join(DEBIAN, 'bzip2-manual.html'), limits)
    expect(manual.text).toMatch(
      /^bzip2 and libbzip2, version 1\.0\.8\n\nA program and library for data compression\n\nJulian Seward\n/,
    )
    expect(manual.text).toContain('Version 1.0.8 of 13 July 2019')
    expect(manual.publishedAt).toBe('2019-07-13')
  })
})

describe('authors the document prints', () => {
  it('hyph-utf8.pdf: "Maintainers of the hyph-utf8 package…:" over "• Mojca Miklavec, Arthur Reutenauer"', async () => {
    const file = await extractFile(join(TEXLIVE, 'hyph-utf8.pdf'), limits)
    // Not the next bullet, "With contributions by Khaled Hosny, …": contributors are no authors.
    expect(file.authors).toEqual(['Mojca Miklavec', 'Arthur Reutenauer'])
    expect(file.provenance.authors).toMatchObject({ origin: 'text', detail: 'maintainers line' })
  })

  it('developers-reference.fr.txt: the name and e-mail under the title, the address wrapped at its hyphen', async () => {
    const file = await extractFile(join(DEBIAN, 'developers-reference-head.fr.txt'), limits)
    expect(file.title).toBe('Guide de référence pour Debian')
    expect(file.authors).toEqual(['Équipe du guide de référence pour Debian'])
    // The copyright lines below it name seven people: none is taken for an author.
    expect(file.authors).not.toContain('Holger Levsen')
  })
})
