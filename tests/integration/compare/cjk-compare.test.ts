/**
 * Compare and "find the same statement elsewhere" on Chinese: a real sentence from Debian Reference (Chinese
 * translation, tests/fixtures/documents/debian; GPL-2.0-or-later) and a report that changes one word of it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentId } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { insertDocument } from '../../golden/corpus'
import { tempBackend } from '../../support/temp-library'

let lib: ReturnType<typeof tempBackend>
const FIXTURE = join(__dirname, '../../fixtures/documents/debian/debian-reference-intro.zh-cn.txt')
// The paragraph as a reader sees it: hard wraps between Chinese characters are layout.
const SOURCE = readFileSync(FIXTURE, 'utf8').replace(
  /(?<=\p{Script=Han})\n\s*(?=\p{Script=Han})/gu,
  '',
)
const SENTENCE =
  'Debian 项目是一个由个人组成的团体，该团体的成员均把创建一个自由操作系统作为共同事业。'
const REPORTED = SENTENCE.replace('共同事业', '共同目标')

const meta = (title: string) => ({
  title,
  authors: [],
  publishedAt: '2023-02-04',
  source: null,
  url: null,
  citationType: 'book' as const,
  accessedAt: null,
})

let original: DocumentId
let report: DocumentId

beforeAll(() => {
  lib = tempBackend()
  expect(SOURCE).toContain(SENTENCE)
  original = insertDocument(lib.context.db, meta('Debian 参考手册'), SOURCE)
  report = insertDocument(lib.context.db, meta('报道'), `据报道，${REPORTED}该项目已有三十年历史。`)
})
afterAll(async () => {
  await lib.dispose()
})

describe('Chinese quotes', () => {
  it('marks one changed word in compare, not the whole clause', async () => {
    const a = await call(lib.context, 'quotes.create', { documentId: original, text: SENTENCE })
    const b = await call(lib.context, 'quotes.create', { documentId: report, text: REPORTED })
    const c = await call(lib.context, 'compare.quotes', { quoteIds: [a.id, b.id] })
    const changed = (c.columns[1]?.diff ?? []).filter((s) => s.kind !== 'same').map((s) => s.text)
    expect(changed.sort()).toEqual(['事业', '目标'].sort())
    expect(c.columns[1]?.similarity).toBeGreaterThan(0.8)
  })

  it('finds the same statement in another document', async () => {
    const a = await call(lib.context, 'quotes.create', { documentId: original, text: SENTENCE })
    const found = await call(lib.context, 'compare.similar', { quoteId: a.id })
    const passage = found.passages.find((p) => p.documentId === report)
    expect(passage).toBeDefined()
    expect(passage?.text).toContain('自由操作系统作为共同')
    expect(passage?.score).toBeGreaterThan(0.8)
  })
})
