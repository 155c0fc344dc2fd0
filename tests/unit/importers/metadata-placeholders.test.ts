/**
 * The rules behind tests/integration/importers/metadata-fidelity.test.ts, on the values real files carry:
 * placeholders where a name belongs, formula lines where a title belongs, generic file names, repeated bylines.
 */
import { describe, expect, it } from 'vitest'
import { extractBytes } from '../../../src/main/importers/extract'
import { blankDocument, fileTitle } from '../../../src/main/importers/extractors/common'
import {
  keepSignedAnonymous,
  placeholderName,
  splitAuthors,
} from '../../../src/main/importers/metadata/authors'
import { finishMetadata, formulaLine } from '../../../src/main/importers/metadata/finish'
import { applyPdfMetadata } from '../../../src/main/importers/metadata/pdf-first-page'
import { setField } from '../../../src/main/importers/metadata/provenance'
import { isOneOfAuthors, sourceBesideAuthors } from '../../../src/shared/byline'

describe('placeholder names', () => {
  it('refuses template fields in any brackets, case or language', () => {
    for (const placeholder of [
      ' [FAMILY Given]', // debian-reference.ja.pdf's Info Author, as stored
      '[Author]',
      '<author>',
      '{{author}}',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder as a template writes it
      '${AUTHOR}',
      '@AUTHOR@',
      '$Author$',
      'Your Name',
      'Author Name',
      'Firstname Lastname',
      'FirstName LastName',
      'First Last',
      'Name Surname',
      'Author 1',
      'Second Author',
      'Insert author name here',
      'Anonymous Author(s)',
      'Unknown',
      'Vorname Nachname',
      'Nom Prénom',
    ])
      expect(splitAuthors(placeholder), placeholder).toEqual([])
    expect(placeholderName('[FAMILY Given]')).toBe(true)
  })

  it('keeps real names that share a word with a template', () => {
    for (const name of [
      'Osamu Aoki',
      'Osamu Aoki (青木 修)',
      'Robert Given',
      'Jean-Luc Nom',
      'The Last Poets',
      'John Doe',
      "Developer's Reference Team",
      'Anonymous',
    ])
      expect(splitAuthors(name), name).toEqual([name])
  })

  it('a PDF whose Info and title page carry "[FAMILY Given]" gets no author (debian-reference.ja.pdf)', () => {
    const doc = blankDocument('pdf', '/usr/share/debian-reference/debian-reference.ja.pdf')
    applyPdfMetadata(
      doc,
      {
        title: 'Debian リファレンス',
        author: ' [FAMILY Given]',
        creationDate: null,
        xmpDate: null,
      },
      [],
      'Debian リファレンス\n\ni\n\nDebian リファレンス\n[FAMILY Given]\n',
    )
    expect(doc.title).toBe('Debian リファレンス')
    expect(doc.authors).toEqual([])
  })

  it('"Anonymous" is kept where the work is signed so, dropped from file properties alone', () => {
    const signed = 'A Letter to the Editor\n\nby Anonymous\n\nSir, the railway …'
    expect(keepSignedAnonymous(['Anonymous'], signed)).toEqual(['Anonymous'])
    expect(keepSignedAnonymous(['Anonymous'], 'A Letter\n\nSir, the railway …')).toEqual([])
    const doc = blankDocument('docx', '/x/letter.docx')
    setField(doc, 'authors', ['Anonymous'], { origin: 'embedded', confidence: 0.7 })
    doc.text =
      'A Letter to the Editor\n\nSir, the railway between the port and the capital is late again.\n'
    finishMetadata(doc, 'letter')
    expect(doc.authors).toEqual([])
    expect(doc.provenance.authors).toBeUndefined()
    const typed = blankDocument('docx', '/x/letter.docx')
    setField(typed, 'authors', ['Anonymous'], { origin: 'user', confidence: 1 })
    typed.text = doc.text
    finishMetadata(typed, 'letter')
    expect(typed.authors).toEqual(['Anonymous'])
  })
})

describe('formula lines', () => {
  it('an equation as linear text is no title; a title with one symbol is', () => {
    for (const line of [
      'bcd̂ efg̃ Ȧ Ȧť Ǎ ί',
      '(x+a)^n=∑_(k=1)^n ∫_(t_1)^(t_2) (n¦k)(f(x))^k a^(n-k)dx',
      'ℵ_0<2^(ℵ_0)<2^(2^(ℵ_0))',
      'x^α e^(βx^γ e^(δx^ϵ))',
    ])
      expect(formulaLine(line), line).toBe(true)
    for (const title of [
      'C++ Primer',
      'C++',
      'E = mc²',
      'The √2 Story',
      'Report 2023 — Part 2',
      'À la recherche du temps perdu',
      'A to Z',
      'Debian リファレンス',
      'Home | Node.js',
    ])
      expect(formulaLine(title), title).toBe(false)
  })
})

describe('a text opening with a formula line', () => {
  it("is titled by its file name, not by the formula run into the next lines (pip's docs requirements.txt)", async () => {
    // /usr/share/doc/python3-pip/requirements.txt (python3-pip, Debian 12), its first lines.
    const text = 'sphinx ~= 4.2, != 4.4.0\ntowncrier\nfuro\nmyst_parser\nsphinx-copybutton\n'
    const file = await extractBytes(
      new TextEncoder().encode(text),
      '/usr/share/doc/python3-pip/requirements.txt',
      { maxFileBytes: 1 << 20, maxZipBytes: 1 << 20, maxZipEntries: 10 },
    )
    expect(file.title).toBe('requirements')
    expect(file.provenance.title).toMatchObject({ origin: 'filename' })
  })
})

describe('generic file names', () => {
  it('take the folder they are in, past storage folders, never an upload batch', () => {
    expect(fileTitle('/usr/share/doc/libmpfr6/README')).toBe('libmpfr6 README')
    expect(fileTitle('/usr/share/doc/python3-doc/html/index.html')).toBe('python3-doc index')
    expect(fileTitle('/home/ana/thesis/main.pdf')).toBe('thesis main')
    expect(fileTitle('/home/ana/Downloads/paper (1).pdf')).toBe('ana paper (1)')
    expect(fileTitle('/srv/talks/Document1.docx')).toBe('talks Document1')
    expect(fileTitle('/lib/incoming/0b6b1a52-3c1e-4a4e-9b5e-2f8a1c3d4e5f/README.txt')).toBe(
      'README',
    )
    expect(fileTitle('/lib/incoming/0b6b1a52-3c1e-4a4e-9b5e-2f8a1c3d4e5f/mpfr/README')).toBe(
      'mpfr README',
    )
    expect(fileTitle('README')).toBe('README')
    expect(fileTitle('/x/test-word-latinmodern_math.docx')).toBe('test-word-latinmodern math')
    expect(fileTitle('/x/readme-notes/installing-lectern.md')).toBe('installing-lectern')
  })
})

describe('a byline names each party once', () => {
  it('a source equal to an author is not shown beside it', () => {
    const team = ["Developer's Reference Team"]
    expect(sourceBesideAuthors("Developer's Reference Team", team)).toBeNull()
    expect(sourceBesideAuthors('Developer’s reference team', team)).toBeNull()
    expect(sourceBesideAuthors('The Guardian', ['Guardian'])).toBeNull()
    expect(sourceBesideAuthors('Debian Project', team)).toBe('Debian Project')
    expect(sourceBesideAuthors(null, team)).toBeNull()
    expect(isOneOfAuthors('', [''])).toBe(false)
  })
})
