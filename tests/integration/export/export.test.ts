/**
 * Export behaviour beyond the goldens: formats parse back with independent parsers, the Web Annotation export has the
 * model's required fields, hostile text stays text (HTML, Markdown, CSV), and bad input gets clear messages.
 */

import { parse as parseBibtex } from '@retorquere/bibtex-parser'
import type { DocumentId, QuoteId } from '@shared/contract'
import { parse as parseRis } from 'astrocite-ris'
import { marked } from 'marked'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { CITATION_STYLES } from '../../../src/main/citations/csl-engine'
import { csvField } from '../../../src/main/export/escape'
import { EXPORT_FORMATS } from '../../../src/main/export/render-export'
import { insertDocument, seedGoldenLibrary } from '../../golden/corpus'
import { tempBackend } from '../../support/temp-library'

let lib: ReturnType<typeof tempBackend>
let ids: Record<string, DocumentId>
let quoteIds: QuoteId[]
let hostileQuote: QuoteId

const HOSTILE_TITLE =
  '<script>alert(1)</script> [click](javascript:alert(2)) =HYPERLINK("http://evil")'
const HOSTILE_TEXT =
  "=cmd|' /C calc'!A0 <img src=x onerror=alert(3)> **bold** [link](http://evil) # heading"

beforeAll(async () => {
  lib = tempBackend()
  ids = seedGoldenLibrary(lib.context.db)
  const make = async (doc: DocumentId | undefined, text: string, extra = {}) =>
    (await call(lib.context, 'quotes.create', { documentId: doc as DocumentId, text, ...extra })).id
  quoteIds = [
    await make(ids.davie, 'you have a President who is fighting for you every single day', {
      tags: ['campaign'],
      note: 'first',
    }),
    await make(
      ids.durango,
      "Your President wants to make sure that he's fighting every single day for you.",
      {
        tags: ['campaign'],
      },
    ),
    await make(ids['north-korea'], "North Korea's actions endanger the people of Northeast Asia"),
    await make(ids['ballet-gala'], "a child's first inspiration through the arts"),
  ]
  const hostileDoc = insertDocument(
    lib.context.db,
    {
      title: HOSTILE_TITLE,
      authors: ['@attacker', '-Mallory Evil'],
      publishedAt: '2024-01-02',
      source: '+Evil Corp',
      url: 'javascript:alert(4)',
      citationType: 'webpage',
      accessedAt: null,
    },
    `Intro paragraph.\n\n${HOSTILE_TEXT}\n\nOutro.`,
  )
  hostileQuote = await make(hostileDoc, HOSTILE_TEXT, {
    note: '-2+3 <b>note</b>',
    tags: ['@evil-tag'],
  })
})
afterAll(async () => {
  await lib.dispose()
})

const render = (
  format: (typeof EXPORT_FORMATS)[number],
  selection: object = { quoteIds },
  style?: string,
) =>
  call(lib.context, 'export.render', {
    selection: selection as { quoteIds: QuoteId[] },
    format,
    ...(style ? { style: style as 'apa' } : {}),
  })

describe('round trips through independent parsers', () => {
  it('BibTeX parses back (@retorquere/bibtex-parser) to the same fields, with unique keys', async () => {
    const { content } = await render('bibtex')
    const library = parseBibtex(content)
    expect(library.errors).toEqual([])
    const keys = library.entries.map((e) => e.key)
    expect(new Set(keys).size).toBe(keys.length)
    const davie = library.entries.find((e) => e.fields.title?.includes('Davie'))
    expect(davie?.type).toBe('misc')
    // LaTeX reads the transcript's "--" as an en dash, and so does the parser: same title, typeset.
    expect(davie?.fields.title).toBe('Remarks by the First Lady to Overflow Crowd – Davie, Florida')
    expect(davie?.fields.author).toEqual([{ lastName: 'Obama', firstName: 'Michelle' }])
    expect(davie?.fields.year).toBe('2012')
    expect(davie?.fields.url).toBe(
      'http://www.whitehouse.gov/the-press-office/2012/10/22/remarks-first-lady-overflow-crowd-davie-florida',
    )
    expect(davie?.fields.publisher).toEqual(['The White House']) // the parser lists publishers
    expect(davie?.fields.annote).toContain(
      'you have a President who is fighting for you every single day',
    )
    const org = library.entries.find((e) => e.fields.title?.includes('North Korea'))
    expect(org?.fields.author).toEqual([{ name: 'The White House' }])
    expect(org?.fields.year).toBeUndefined()
  })

  it('RIS parses back (astrocite-ris) to the same fields', async () => {
    const { content } = await render('ris')
    expect(
      content.split('\r\n').every((line) => line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line)),
    ).toBe(true)
    const items = parseRis(content)
    expect(items).toHaveLength(4)
    const davie = items.find((i) => String(i.title).includes('Davie'))
    expect(davie).toMatchObject({
      id: `doc-${ids.davie}`,
      title: 'Remarks by the First Lady to Overflow Crowd -- Davie, Florida',
      author: [{ family: 'Obama', given: 'Michelle' }],
      publisher: 'The White House',
      URL: 'http://www.whitehouse.gov/the-press-office/2012/10/22/remarks-first-lady-overflow-crowd-davie-florida',
    })
    expect(String(davie?.issued?.['date-parts']?.[0]?.[0])).toBe('2012')
    expect(String(davie?.note)).toContain('fighting for you every single day')
  })

  it('CSL-JSON parses back to the same fields', async () => {
    const { content, mime } = await render('csl-json')
    expect(mime).toContain('csl+json')
    const items = JSON.parse(content) as Record<string, unknown>[]
    expect(items.map((i) => i.id)).toEqual([
      `doc-${ids.davie}`,
      `doc-${ids.durango}`,
      `doc-${ids['north-korea']}`,
      `doc-${ids['ballet-gala']}`,
    ])
    expect(items[0]).toEqual({
      id: `doc-${ids.davie}`,
      type: 'speech',
      title: 'Remarks by the First Lady to Overflow Crowd -- Davie, Florida',
      author: [{ given: 'Michelle', family: 'Obama' }],
      issued: { 'date-parts': [[2012, 10, 22]] },
      publisher: 'The White House',
      URL: 'http://www.whitehouse.gov/the-press-office/2012/10/22/remarks-first-lady-overflow-crowd-davie-florida',
      language: 'en',
      accessed: { 'date-parts': [[2025, 4, 24]] },
      'citation-key': 'obama2012remarks', // issue 13: lower-case author-year-word, stored once assigned
    })
    // Organisation as author; nothing at all known but the title.
    expect(items[2]).toMatchObject({ author: [{ literal: 'The White House' }] })
    expect(items[2]).not.toHaveProperty('issued')
    expect(items[3]).not.toHaveProperty('author')
  })
})

describe('W3C Web Annotation', () => {
  it('has the model’s required fields and both selectors', async () => {
    const { content, mime } = await render('w3c')
    expect(mime).toContain('ld+json')
    const collection = JSON.parse(content)
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    expect(collection.total).toBe(4)
    expect(collection.first.type).toBe('AnnotationPage')
    const items = collection.first.items as Record<string, unknown>[]
    expect(items).toHaveLength(4)
    const annotationIds = new Set<string>()
    for (const a of items) {
      // Required: exactly one IRI id, type Annotation, at least one target.
      expect(a.id).toMatch(/^urn:uuid:/)
      annotationIds.add(a.id as string)
      expect(a.type).toBe('Annotation')
      const target = a.target as { source: string; selector: Record<string, unknown>[] }
      expect(typeof target.source).toBe('string')
      const quote = target.selector.find((s) => s.type === 'TextQuoteSelector')
      const position = target.selector.find((s) => s.type === 'TextPositionSelector')
      expect(typeof quote?.exact).toBe('string')
      expect(Number.isInteger(position?.start)).toBe(true)
      expect(Number.isInteger(position?.end)).toBe(true)
      expect(position?.end as number).toBeGreaterThan(position?.start as number)
      for (const body of ([] as Record<string, unknown>[]).concat((a.body ?? []) as never)) {
        expect(body.type).toBe('TextualBody')
        expect(typeof body.value).toBe('string')
      }
    }
    expect(annotationIds.size).toBe(4)
    const first = items[0] as { motivation: string; body: { purpose: string; value: string }[] }
    expect(first.motivation).toBe('commenting')
    expect(first.body).toEqual([
      { type: 'TextualBody', value: 'first', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'campaign', purpose: 'tagging' },
    ])
  })
})

describe('hostile text stays text', () => {
  it('HTML escapes quote, title, note and tags; only our own tags appear', async () => {
    const { content } = await render('html', { quoteIds: [hostileQuote] })
    expect(content).not.toContain('<script>')
    expect(content).not.toContain('<img')
    expect(content).not.toContain('<b>note</b>')
    expect(content).toContain('&lt;img src=x onerror=alert(3)&gt;')
    expect(content).toContain('&lt;b&gt;note&lt;/b&gt;')
    const tags = new Set([...content.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]))
    for (const tag of tags) {
      expect([
        'html',
        'head',
        'meta',
        'title',
        'style',
        'body',
        'h1',
        'h2',
        'p',
        'blockquote',
        'div',
        'i',
        'b',
        'sup',
        'span',
        'ol',
        'li',
        'a',
      ]).toContain(tag)
    }
    expect(content).not.toMatch(/href="javascript/i)
  })

  it('Markdown renders (marked) to the same text: no links, emphasis, headings or raw HTML', async () => {
    const { content } = await render('md', { quoteIds: [hostileQuote] })
    const html = await marked.parse(content)
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    // Link syntax is escaped; GFM still autolinks a bare http URL, visibly, as the text it is. Nothing else links.
    for (const m of html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)) {
      expect(m[1]).toMatch(/^http:\/\/evil/)
      expect(decodeURI(m[1] as string)).toBe(m[2])
    }
    expect(html).not.toContain('href="javascript')
    expect(html).not.toContain('<strong>bold</strong>')
    expect(html).not.toContain('<h1>heading')
    expect(html.replace(/<[^>]+>/g, '')).toContain('**bold** [link](http://evil) # heading')
  })

  it('CSV neutralises formula cells (=, +, -, @, tab, CR, NUL) and quotes per RFC 4180', async () => {
    const { content } = await render('csv', { quoteIds: [hostileQuote] })
    expect(content.startsWith('\uFEFFquote_id,')).toBe(true)
    expect(content.endsWith('\r\n')).toBe(true)
    const cells = parseCsv(content.slice(1))
    const [header, row] = cells
    const record = Object.fromEntries((header ?? []).map((h, i) => [h, row?.[i]]))
    expect(record.quote).toBe(`'${HOSTILE_TEXT}`)
    expect(record.note).toBe("'-2+3 <b>note</b>")
    expect(record.tags).toBe("'@evil-tag")
    expect(record.authors).toBe("'@attacker; -Mallory Evil")
    expect(record.source).toBe("'+Evil Corp")
    expect(record.title).toBe(`${HOSTILE_TITLE}`) // starts with "<": harmless, kept as is
    for (const cell of row ?? []) expect(cell).not.toMatch(/^[=+\-@\t\r\u0000]/)
  })

  it('csvField covers every dangerous first character and RFC 4180 quoting', () => {
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('-1')).toBe("'-1")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('\t=1')).toBe("'\t=1")
    expect(csvField('\r=1')).toBe(`"'\r=1"`)
    expect(csvField('\u0000x')).toBe("'\u0000x")
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"')
    expect(csvField('plain')).toBe('plain')
    expect(csvField(-3)).toBe('-3')
    expect(csvField(null)).toBe('')
  })
})

describe('selections, styles and bad input', () => {
  it('every format renders; DOCX is base64 of a zip', async () => {
    for (const format of EXPORT_FORMATS) {
      const preview = await render(format)
      expect(preview.quoteCount).toBe(4)
      expect(preview.fileName).toMatch(/^Selected quotes \d{4}-\d{2}-\d{2}\./)
      if (format === 'docx') {
        expect(preview.encoding).toBe('base64')
        expect(Buffer.from(preview.content, 'base64').subarray(0, 2).toString()).toBe('PK')
      } else {
        expect(preview.encoding).toBe('utf8')
      }
    }
  })

  it('a tag, a document, a comparison set and all quotes are baskets', async () => {
    expect((await render('json', { tag: 'CAMPAIGN' })).quoteCount).toBe(2)
    expect((await render('json', { documentId: ids.davie })).quoteCount).toBe(1)
    expect((await render('json', { all: true })).quoteCount).toBe(5)
    const set = await call(lib.context, 'comparisons.save', {
      name: 'Fighting every day',
      quoteIds: [quoteIds[1], quoteIds[0]] as QuoteId[],
    })
    const fromSet = await render('json', { comparisonId: set.id })
    expect(JSON.parse(fromSet.content).quotes.map((q: { id: number }) => q.id)).toEqual([
      quoteIds[1],
      quoteIds[0],
    ])
    expect(fromSet.fileName).toMatch(/^Fighting every day /)
  })

  it('zero quotes is a clear invalid_args message for every kind of selection', async () => {
    const cases: [object, string][] = [
      [{ quoteIds: [] }, 'There is nothing to export: select at least one quote.'],
      [
        { tag: 'nothing-here' },
        'There is nothing to export: no quote carries the tag “nothing-here”.',
      ],
      [{ documentId: ids.racine }, 'There is nothing to export: that document has no quotes yet.'],
    ]
    for (const [selection, message] of cases) {
      await expect(render('md', selection)).rejects.toMatchObject({ code: 'invalid_args', message })
    }
    const empty = tempBackend()
    try {
      await expect(
        call(empty.context, 'export.render', { selection: { all: true }, format: 'md' }),
      ).rejects.toMatchObject({
        code: 'invalid_args',
        message: 'There is nothing to export: the library has no quotes yet.',
      })
    } finally {
      await empty.dispose()
    }
    await expect(render('md', { quoteIds: [999_999] })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('a document without author or date still gets a valid citation in every style', async () => {
    for (const style of CITATION_STYLES) {
      const { inText, reference } = await call(lib.context, 'export.cite', {
        quoteId: quoteIds[3] as QuoteId,
        style,
      })
      expect(inText.length).toBeGreaterThan(2) // Vancouver: "(2)"
      expect(reference).toContain(
        'Remarks by the First Lady at the American Ballet Opening Spring Gala',
      )
      expect(`${inText} ${reference}`).not.toMatch(/undefined|null|NaN/)
    }
    const apa = await call(lib.context, 'export.cite', {
      quoteId: quoteIds[3] as QuoteId,
      style: 'apa',
    })
    expect(apa.inText).toBe(
      '(Remarks by the First Lady at the American Ballet Opening Spring Gala, n.d., para. 4)',
    )
    expect(apa.referenceHtml).toBe(
      '<i>Remarks by the First Lady at the American Ballet Opening Spring Gala</i>. (n.d.).',
    )
    const org = await call(lib.context, 'export.cite', {
      quoteId: quoteIds[2] as QuoteId,
      style: 'apa',
    })
    expect(org.inText).toBe('(The White House, n.d., para. 5)')
    const harvard = await call(lib.context, 'export.cite', {
      quoteId: quoteIds[2] as QuoteId,
      style: 'harvard',
    })
    expect(harvard.inText).toBe('(The White House, no date, para. 5)')
  })

  it('the paragraph locator reads like (Xinhua, 2025, para. 9)', async () => {
    const xinhua = insertDocument(
      lib.context.db,
      {
        title: 'China, Kenya agree to strengthen ties',
        authors: [],
        publishedAt: '2025-04-24',
        source: 'Xinhua',
        url: null,
        citationType: 'article-newspaper',
        accessedAt: null,
      },
      Array.from(
        { length: 9 },
        (_, i) => `Paragraph ${i + 1} about the Mombasa-Nairobi Railway.`,
      ).join('\n\n'),
    )
    const q = await call(lib.context, 'quotes.create', {
      documentId: xinhua,
      text: 'Paragraph 9 about',
    })
    const cite = await call(lib.context, 'export.cite', { quoteId: q.id, style: 'apa' })
    expect(cite.inText).toBe('(Xinhua, 2025, para. 9)')
    expect(cite.reference).toBe('Xinhua. (2025, April 24). China, Kenya agree to strengthen ties.')
  })

  it('rejects unknown formats and styles through validation', async () => {
    await expect(render('pdf' as 'md')).rejects.toMatchObject({ code: 'invalid_args' })
    await expect(render('md', { quoteIds }, 'turabian')).rejects.toMatchObject({
      code: 'invalid_args',
    })
    await expect(render('md', { tag: 'x', all: true })).rejects.toMatchObject({
      code: 'invalid_args',
    })
  })
})

/** A strict RFC 4180 reader (test-side, independent of the writer). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  while (i < text.length) {
    const c = text[i] as string
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (c === '"') quoted = false
      else field += c
      i++
      continue
    }
    if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
    i++
  }
  return rows
}
