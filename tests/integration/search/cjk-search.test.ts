/**
 * Word search in Chinese and Japanese on real texts (tests/fixtures/documents/debian: Debian's project history in
 * Japanese, Debian Reference's introduction in Chinese; licences in tests/fixtures/SOURCES.md), imported through the
 * real pipeline into a real library. The measured goal of issue #14: for 50 words sampled from the texts, search
 * finds every paragraph a brute-force scan finds (recall 100 %, precision ≥ 95 %); 20 phrases copied from the texts
 * are found.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/main/db/connection'
import {
  type DocumentId,
  type InDocumentResult,
  MARK_END,
  MARK_START,
  type SearchResult,
} from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { expectLibraryIntact, importViaApi } from '../importers/helpers'
import { insertDocument } from './library-fixture'

const FIXTURES = join(__dirname, '../../fixtures/documents/debian')
const JA = join(FIXTURES, 'project-history.ja.txt')
const ZH = join(FIXTURES, 'debian-reference-intro.zh-cn.txt')

type Backend = ReturnType<typeof tempBackend>
let backend: Backend
let db: Db
let ja: DocumentId
let zh: DocumentId

async function search(b: Backend, query: string, limit = 50): Promise<SearchResult> {
  const r = await b.dispatch('search.query', { query, limit, includeQuotes: false })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as SearchResult
}

/** The text as a reader sees it: a hard wrap between two CJK characters is layout, not a space. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々'
const unwrap = (text: string): string =>
  text.replace(new RegExp(`(?<=[${CJK}])[ \\t]*\\n[ \\t\\u00a0\\u3000]*(?=[${CJK}])`, 'gu'), '')

function occurrences(text: string, word: string): number {
  let n = 0
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) n++
  return n
}

beforeAll(async () => {
  backend = tempBackend()
  db = backend.context.db
  const report = await importViaApi(backend, [JA, ZH])
  expect(report.failed).toBe(0)
  const id = (path: string) => report.results.find((r) => r.path === path)?.documentId as DocumentId
  ja = id(JA)
  zh = id(ZH)
}, 120_000)

afterAll(async () => {
  await backend?.dispose()
})

describe('Chinese and Japanese words inside running text', () => {
  it('finds ニューヨーク and 歴史, and marks the word searched, not the clause', async () => {
    for (const word of ['ニューヨーク', '歴史']) {
      const result = await search(backend, word)
      expect(result.hits.map((h) => h.documentId)).toContain(ja)
      const hit = result.hits.find((h) => h.documentId === ja)
      const marked = (hit?.passages ?? []).map((p) => p.text).join(' ')
      expect(marked).toContain(`${MARK_START}${word}${MARK_END}`)
    }
    const zhHit = (await search(backend, '免责声明')).hits.find((h) => h.documentId === zh)
    expect(zhHit?.passages[0]?.text).toContain(`${MARK_START}免责声明${MARK_END}`)
  })

  it('reads through hard-wrapped lines: every ディストリビューション, and a phrase copied from the text', async () => {
    const text = readFileSync(JA, 'utf8')
    const expected = occurrences(unwrap(text), 'ディストリビューション')
    expect(expected).toBeGreaterThan(occurrences(text, 'ディストリビューション')) // some are wrapped
    const found = await backend.dispatch('search.inDocument', {
      documentId: ja,
      query: 'ディストリビューション',
      prefix: false,
    })
    if (!found.ok) throw new Error(found.error.message)
    expect((found.value as InDocumentResult).matches.length).toBe(expected)

    const phrase = await search(backend, '"ディストリビューションを使いつづける"')
    expect(phrase.hits.map((h) => h.documentId)).toEqual([ja])
    // The passage shows the wrapped word without a space in it.
    expect(phrase.hits[0]?.passages.map((p) => p.text).join(' ')).not.toMatch(
      /ディストリビューシ\s+ョン/,
    )
  })

  it('finds a single character, and a word in a title', async () => {
    expect((await search(backend, '史')).hits.map((h) => h.documentId)).toContain(ja)
    expect((await search(backend, 'title:小史')).hits.map((h) => h.documentId)).toEqual([ja])
  })

  it('detects the language of plain text that declares none: lang:ja and lang:zh work, provenance recorded', async () => {
    expect((await search(backend, 'lang:ja')).hits.map((h) => h.documentId)).toEqual([ja])
    expect((await search(backend, 'lang:zh')).hits.map((h) => h.documentId)).toEqual([zh])
    // Ids follow the order the import workers finish in, not the order the files were given.
    const languageOf = db.prepare('SELECT language, language_source FROM documents WHERE id = ?')
    expect(languageOf.get(ja)).toEqual({ language: 'ja', language_source: 'detected' })
    expect(languageOf.get(zh)).toEqual({ language: 'zh', language_source: 'detected' })
  })

  it('keeps the index consistent with its content (FTS5 integrity-check)', () => {
    expectLibraryIntact(db)
  })
})

describe('measured goal: recall and precision against a brute-force scan, phrases copied from the texts', () => {
  let paragraphs: { id: DocumentId; text: string }[] = []
  let library: Backend

  beforeAll(() => {
    library = tempBackend()
    for (const file of [JA, ZH]) {
      for (const block of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
        if (!new RegExp(`[${CJK}]`, 'u').test(block)) continue
        const id = insertDocument(library.context.db, { title: 'paragraph', text: block })
        paragraphs.push({ id, text: unwrap(block) })
      }
    }
  }, 120_000)

  afterAll(async () => {
    await library?.dispose()
    paragraphs = []
  })

  /** Deterministic picks spread over the list. */
  const spread = <T>(items: T[], n: number): T[] =>
    Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T)

  it('finds every paragraph holding each of 50 sampled words (recall 100 %, precision ≥ 95 %)', async () => {
    const segmenter = new Intl.Segmenter('ja', { granularity: 'word' })
    const words = new Set<string>()
    for (const p of paragraphs) {
      for (const s of segmenter.segment(p.text)) {
        if (
          s.isWordLike &&
          [...s.segment].length >= 2 &&
          new RegExp(`^[${CJK}]+$`, 'u').test(s.segment)
        )
          words.add(s.segment)
      }
    }
    const sample = spread([...words], 50)
    expect(new Set(sample).size).toBe(50)
    let wanted = 0
    let found = 0
    let returned = 0
    const missed: string[] = []
    for (const word of sample) {
      const brute = new Set(paragraphs.filter((p) => p.text.includes(word)).map((p) => p.id))
      const hits = new Set<DocumentId>()
      for (let offset = 0; ; offset += 500) {
        const r = await library.dispatch('search.query', {
          query: word,
          limit: 500,
          offset,
          includeQuotes: false,
        })
        if (!r.ok) throw new Error(r.error.message)
        const page = (r.value as SearchResult).hits
        for (const h of page) hits.add(h.documentId)
        if (page.length < 500) break
      }
      wanted += brute.size
      returned += hits.size
      for (const id of brute) {
        if (hits.has(id)) found++
        else missed.push(word)
      }
    }
    const recall = found / wanted
    const precision = found / returned
    console.log(
      `CJK recall ${(recall * 100).toFixed(1)} % (${found}/${wanted} paragraphs), precision ${(precision * 100).toFixed(1)} %`,
    )
    expect(missed).toEqual([])
    expect(precision).toBeGreaterThanOrEqual(0.95)
  })

  it('finds 20 phrases copied from the texts', async () => {
    const candidates = paragraphs.flatMap((p) => {
      const runs = p.text.match(new RegExp(`[${CJK}、，]{8,}`, 'gu')) ?? []
      return runs.map((run) => ({
        id: p.id,
        phrase: run.slice(1, 1 + Math.min(14, run.length - 2)),
      }))
    })
    const picked = spread(candidates, 20)
    const notFound: string[] = []
    for (const { id, phrase } of picked) {
      const hits = (await search(library, `"${phrase}"`, 500)).hits.map((h) => h.documentId)
      if (!hits.includes(id)) notFound.push(phrase)
    }
    expect(notFound).toEqual([])
  })
})
