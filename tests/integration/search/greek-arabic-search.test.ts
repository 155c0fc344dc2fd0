/**
 * Greek, Arabic and Persian search on real pages of the Debian Administrator's Handbook (tests/fixtures/documents/
 * debian/debian-handbook-*.html; GPL-2.0+ or CC-BY-SA-3.0, see tests/fixtures/SOURCES.md), imported through the real
 * pipeline. A Greek reader types without accents ("βιβλιο" for "βιβλίο"); an Arabic reader types a bare word ("نواة")
 * and expects its forms with the article (النواة) and its letter variants (ي/ی, ك/ک, أ/ا…). Whatever search finds,
 * passages and find-in-document must mark.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DocumentId,
  type InDocumentResult,
  MARK_END,
  MARK_START,
  type SearchResult,
} from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { importViaApi } from '../importers/helpers'

const DIR = join(__dirname, '../../fixtures/documents/debian')
const EL = join(DIR, 'debian-handbook-foreword.el.html')
const AR = join(DIR, 'debian-handbook-kernel-role.ar.html')
const FA = join(DIR, 'debian-handbook-kernel-role.fa.html')
/** A Persian PDF whose text layer is Arabic presentation forms ("ﺭاﻫﻨﻤﺎی" for "راهنمای"): XePersian's output. */
const FA_PDF = join(__dirname, '../../fixtures/pdf-text/persian-bib-userguide.pdf')

type Backend = ReturnType<typeof tempBackend>
let backend: Backend
const ids: Record<string, DocumentId> = {}
const texts: Record<string, string> = {}

async function search(query: string): Promise<SearchResult> {
  const r = await backend.dispatch('search.query', { query, limit: 50, includeQuotes: false })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as SearchResult
}

async function marked(doc: string, query: string): Promise<string[]> {
  const r = await backend.dispatch('search.inDocument', {
    documentId: ids[doc] as DocumentId,
    query,
    prefix: false,
  })
  if (!r.ok) throw new Error(r.error.message)
  const text = texts[doc] as string
  return (r.value as InDocumentResult).matches.map((m) => text.slice(m.start, m.end))
}

/** Whole words of `text` equal to one of `forms` (letters and marks around a word end it). */
const words = (text: string, forms: string[]) =>
  [...text.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => m[0]).filter((w) => forms.includes(w))

beforeAll(async () => {
  backend = tempBackend()
  for (const [name, file] of [
    ['el', EL],
    ['ar', AR],
    ['fa', FA],
    ['faPdf', FA_PDF],
  ] as const) {
    const report = await importViaApi(backend, [file])
    expect(report.failed).toBe(0)
    ids[name] = report.results[0]?.documentId as DocumentId
    const row = backend.context.db
      .prepare('SELECT text FROM documents WHERE id = ?')
      .get(ids[name]) as { text: string }
    texts[name] = row.text
  }
}, 120_000)

afterAll(async () => {
  await backend?.dispose()
})

describe('a PDF whose text is in Arabic presentation forms', () => {
  it('is stored as the letters a reader types, so a Persian word typed on a keyboard finds and marks it', async () => {
    const text = texts.faPdf as string
    expect(text).not.toMatch(/[\ufb50-\ufdff\ufe70-\ufefc]/u)
    expect((await search('راهنمای')).hits.map((h) => h.documentId)).toContain(ids.faPdf)
    const printed = words(text, ['راهنمای'])
    expect(printed.length).toBeGreaterThan(0)
    expect(await marked('faPdf', 'راهنمای')).toEqual(printed)
    // "بسم الله" as one phrase: a lam-alef or an Allah ligature unfolds in reading order.
    expect((await search('"بسم الله الرحمن الرحيم"')).hits.map((h) => h.documentId)).toContain(
      ids.faPdf,
    )
  })
})

describe('Greek without accents', () => {
  it('finds βιβλίο typed without tonos or in capitals, and marks every printed βιβλίο', async () => {
    const el = texts.el as string
    const printed = words(el, ['βιβλίο', 'Βιβλίο', 'ΒΙΒΛΊΟ', 'ΒΙΒΛΙΟ']).length
    expect(printed).toBeGreaterThan(0)
    expect(words(el, ['βιβλιο'])).toEqual([]) // the page prints it only with its accent
    for (const q of ['βιβλιο', 'ΒΙΒΛΙΟ', 'βιβλίο', 'ΒΙΒΛΊΟ']) {
      const hits = (await search(q)).hits
      expect(
        hits.map((h) => h.documentId),
        q,
      ).toContain(ids.el)
      expect(await marked('el', q), q).toHaveLength(printed)
    }
    const hit = (await search('εκδοση')).hits.find((h) => h.documentId === ids.el)
    expect(hit?.passages.map((p) => p.text).join(' ')).toContain(`${MARK_START}έκδοση${MARK_END}`)
  })
})

const ARTICLES = ['', 'ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و']

describe('Arabic bare words find their forms with the article and letter variants', () => {
  it('نواة finds النواة, and find-in-document marks every form the page prints', async () => {
    const ar = texts.ar as string
    const printed = words(
      ar,
      ARTICLES.map((a) => `${a}نواة`),
    )
    expect(printed).toContain('النواة')
    expect(await marked('ar', 'نواة')).toEqual(printed)
    expect((await search('نواة')).hits.map((h) => h.documentId)).toContain(ids.ar)
    const hit = (await search('نواة')).hits.find((h) => h.documentId === ids.ar)
    expect(hit?.passages.map((p) => p.text).join(' ')).toContain(`${MARK_START}النواة${MARK_END}`)
  })

  it('the article and conjunctions are dropped, not the letters of unrelated words', async () => {
    for (const word of ['تطبيقات', 'عمليات', 'ملفات', 'برمجيات']) {
      const printed = words(
        texts.ar as string,
        ARTICLES.map((a) => a + word),
      )
      expect(printed.length, word).toBeGreaterThan(0)
      expect(await marked('ar', word), word).toEqual(printed)
    }
    // A hamza alef is never the article: إن and أن are not الآن's "ان" nor an article's remainder.
    for (const f of await marked('ar', 'أن')) expect(['أن', 'إن', 'ان']).toContain(f)
  })

  it('Persian ی and ک and Arabic ي and ك find each other, and harakat do not split a word', async () => {
    const fa = texts.fa as string
    const printed = words(fa, ['یک', 'يك', 'یك', 'يک'])
    expect(printed.length).toBeGreaterThan(0)
    expect(await marked('fa', 'يك')).toEqual(printed) // typed with Arabic yeh and kaf
    expect(await marked('fa', 'یک')).toEqual(printed)
    expect(words(fa, ['کرنل']).length).toBeGreaterThan(0)
    expect((await search('كرنل')).hits.map((h) => h.documentId)).toContain(ids.fa)
    // A vowelled query finds the unvowelled text (the page prints مهام without harakat), and the reverse.
    expect(await marked('ar', 'مَهَامّ')).toEqual(await marked('ar', 'مهام'))
    expect(await marked('ar', 'مهام')).not.toEqual([])
  })
})
