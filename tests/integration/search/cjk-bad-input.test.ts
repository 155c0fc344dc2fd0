/**
 * Bad and unusual input in scripts without spaces, imported through the real pipeline: full-width ASCII, half-width
 * katakana, emoji and ZWJ sequences, mixed scripts, and a 5-million-character Japanese text — all import within the
 * default limits and stay searchable.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DocumentId,
  MARK_END,
  MARK_START,
  type SearchResult,
} from '../../../src/shared/contract'
import { tempBackend } from '../../support/temp-library'
import { expectLibraryIntact, importViaApi } from '../importers/helpers'

type Backend = ReturnType<typeof tempBackend>
let backend: Backend
const ids: Record<string, DocumentId> = {}

const FILES: Record<string, string> = {
  'fullwidth.txt': '報告書\n\n型番ＡＢＣ１２３の出荷は、２０２５年に始まりました。',
  'halfwidth.txt': 'ﾃﾞｰﾀ\n\nｶﾀｶﾅで書かれたﾃﾞｰﾀﾍﾞｰｽの記録です。',
  'emoji.txt': '家族の写真\n\n家族 👨‍👩‍👧‍👦 の写真と 🇯🇵 の旗、そして 👍🏽 の絵文字。',
  'mixed-ja.txt': 'リリース\n\nDebian GNU/Linuxカーネル6.1をリリースしました。',
  'mixed-zh.txt': '新闻\n\n2025年4月24日，中国和肯尼亚同意加强关系，蒙内铁路运营5周年。',
}

async function search(query: string): Promise<SearchResult> {
  const r = await backend.dispatch('search.query', { query, limit: 50, includeQuotes: false })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as SearchResult
}
const found = async (query: string): Promise<DocumentId[]> =>
  (await search(query)).hits.map((h) => h.documentId)

beforeAll(async () => {
  backend = tempBackend()
  const paths = Object.entries(FILES).map(([name, text]) => {
    const path = join(backend.dir, name)
    writeFileSync(path, text)
    return path
  })
  const report = await importViaApi(backend, paths)
  expect(report.failed).toBe(0)
  for (const r of report.results)
    ids[r.path.split('/').pop() as string] = r.documentId as DocumentId
}, 120_000)

afterAll(async () => {
  await backend?.dispose()
})

describe('unusual characters in CJK text', () => {
  it('folds full-width ASCII: abc123 finds ＡＢＣ１２３ and marks it', async () => {
    expect(await found('abc123')).toEqual([ids['fullwidth.txt']])
    expect(await found('ＡＢＣ１２３')).toEqual([ids['fullwidth.txt']])
    expect(await found('2025')).toContain(ids['fullwidth.txt'])
    const passage = (await search('abc123')).hits[0]?.passages[0]?.text
    expect(passage).toContain(`${MARK_START}ＡＢＣ１２３${MARK_END}`)
  })

  it('finds half-width katakana with full-width queries and the other way round', async () => {
    expect(await found('データベース')).toEqual([ids['halfwidth.txt']])
    expect(await found('ｶﾀｶﾅ')).toEqual([ids['halfwidth.txt']])
  })

  it('imports emoji and ZWJ sequences and still finds the words around them', async () => {
    expect(await found('写真')).toEqual([ids['emoji.txt']])
    expect(await found('"の旗"')).toEqual([ids['emoji.txt']])
  })

  it('finds Latin words and numbers inside Japanese and Chinese', async () => {
    expect(await found('linux カーネル')).toEqual([ids['mixed-ja.txt']])
    expect(await found('肯尼亚 2025')).toEqual([ids['mixed-zh.txt']])
    expect(await found('"蒙内铁路"')).toEqual([ids['mixed-zh.txt']])
  })

  it('imports a 5-million-character Japanese text within the limits and finds a word at its end', async () => {
    const base = readFileSync(
      join(__dirname, '../../fixtures/documents/debian/project-history.ja.txt'),
      'utf8',
    )
    let text = ''
    while (text.length < 5_000_000) text += base
    text += '\n\n最後の段落には龘靐という珍しい字がある。\n'
    const path = join(backend.dir, 'huge.ja.txt')
    writeFileSync(path, text)
    const started = performance.now()
    const report = await importViaApi(backend, [path])
    const seconds = (performance.now() - started) / 1000
    console.log(`5,000,000-character Japanese text imported in ${seconds.toFixed(1)} s`)
    expect(report.results[0]?.status).toBe('imported')
    const id = report.results[0]?.documentId
    expect(await found('龘靐')).toEqual([id])
    expect(await found('ニューヨーク')).toContain(id)
    expectLibraryIntact(backend.context.db)
  }, 300_000)
})
