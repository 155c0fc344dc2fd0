/**
 * Thai word search on a real text (issue #14's measured goal, extended to Thai): APT's Thai translation (apt 2.6.1,
 * /usr/share/locale/th/LC_MESSAGES/apt.mo, every message holding Thai; tests/fixtures/SOURCES.md), one message per
 * paragraph. Thai is written without spaces between words: the index splits it with ICU's dictionary
 * (src/main/text/scripts.ts), so the reference is an independent scan for each sampled word: paragraphs where it
 * occurs at word boundaries of the paragraph's own segmentation (recall must be 100 %), and precision is measured
 * against a plain substring scan (≥ 95 %).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DocumentId,
  MARK_END,
  MARK_START,
  type SearchResult,
} from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { insertDocument } from './library-fixture'

const TH = join(__dirname, '../../fixtures/documents/debian/apt-messages.th.txt')
const THAI = /[\u0e00-\u0e7f]/u

type Backend = ReturnType<typeof tempBackend>
let library: Backend
let paragraphs: { id: DocumentId; text: string }[] = []

beforeAll(() => {
  library = tempBackend()
  for (const block of readFileSync(TH, 'utf8').split(/\n\s*\n/)) {
    if (!THAI.test(block)) continue
    const id = insertDocument(library.context.db, { title: 'ข้อความ', text: block, language: 'th' })
    paragraphs.push({ id, text: block })
  }
}, 120_000)

afterAll(async () => {
  await library?.dispose()
  paragraphs = []
})

async function everyHit(query: string): Promise<SearchResult['hits']> {
  const hits: SearchResult['hits'] = []
  for (let offset = 0; ; offset += 500) {
    const r = await library.dispatch('search.query', {
      query,
      limit: 500,
      offset,
      includeQuotes: false,
    })
    if (!r.ok) throw new Error(r.error.message)
    const page = (r.value as SearchResult).hits
    hits.push(...page)
    if (page.length < 500) break
  }
  return hits
}

const spread = <T>(items: T[], n: number): T[] =>
  Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T)

const segmenter = new Intl.Segmenter('th', { granularity: 'word' })
const wordsOf = (text: string): string[] =>
  [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment)

describe('Thai words inside running text (APT’s Thai messages)', () => {
  it('finds every paragraph holding each of 50 sampled words (recall 100 %, precision ≥ 95 %)', async () => {
    const words = new Set<string>()
    for (const p of paragraphs) {
      for (const w of wordsOf(p.text)) if (/^[\u0e00-\u0e7f]{2,}$/u.test(w)) words.add(w)
    }
    const sample = spread([...words].sort(), 50)
    expect(new Set(sample).size).toBe(50)
    let wanted = 0
    let found = 0
    let returned = 0
    let substring = 0
    const missed: string[] = []
    for (const word of sample) {
      const asWord = paragraphs.filter((p) => wordsOf(p.text).includes(word)).map((p) => p.id)
      const inText = new Set(paragraphs.filter((p) => p.text.includes(word)).map((p) => p.id))
      const hits = new Set((await everyHit(word)).map((h) => h.documentId))
      wanted += asWord.length
      returned += hits.size
      substring += [...hits].filter((id) => inText.has(id)).length
      for (const id of asWord) {
        if (hits.has(id)) found++
        else missed.push(word)
      }
    }
    const recall = found / wanted
    const precision = substring / returned
    console.log(
      `Thai recall ${(recall * 100).toFixed(1)} % (${found}/${wanted} paragraphs), precision ${(precision * 100).toFixed(1)} % (${substring}/${returned} hits hold the word)`,
    )
    expect(missed).toEqual([])
    expect(precision).toBeGreaterThanOrEqual(0.95)
  })

  it('finds 20 phrases copied from the text, and marks a searched word', async () => {
    const candidates = paragraphs.flatMap((p) =>
      (p.text.match(/[\u0e00-\u0e7f]{10,}/gu) ?? []).map((run) => ({ id: p.id, phrase: run })),
    )
    const picked = spread(candidates, 20)
    const notFound: string[] = []
    for (const { id, phrase } of picked) {
      const hits = await everyHit(`"${phrase}"`)
      if (!hits.some((h) => h.documentId === id)) notFound.push(phrase)
    }
    expect(notFound).toEqual([])
    const hit = (await everyHit('แพกเกจ'))[0]
    expect(hit?.passages[0]?.text).toContain(`${MARK_START}แพกเกจ${MARK_END}`)
  })
})
