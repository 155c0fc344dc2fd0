/**
 * Joining wrapped lines never puts a space inside a Chinese or Japanese word: Debian's project history in Japanese
 * as a LaTeX-made PDF (tests/fixtures/documents/debian, GPL-2.0-or-later), checked against pdftotext (poppler) as an
 * oracle: every occurrence of a long katakana word that pdftotext sees, across line ends, is in our text unbroken.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { DocumentId } from '@shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinsWithoutSpace } from '../../../src/main/text/scripts'
import { tempBackend } from '../../support/temp-library'
import { documentRow, importViaApi } from './helpers'

const PDF = join(__dirname, '../../fixtures/documents/debian/project-history.ja.pdf')
let backend: ReturnType<typeof tempBackend>
let id: DocumentId

const occurrences = (text: string, word: string): number => text.split(word).length - 1

beforeAll(async () => {
  backend = tempBackend()
  const report = await importViaApi(backend, [PDF])
  id = report.results[0]?.documentId as DocumentId
}, 120_000)
afterAll(async () => {
  await backend?.dispose()
})

describe('wrapped lines in Japanese', () => {
  it('joins PDF lines without a space between two Japanese characters', () => {
    const text = documentRow(backend.context.db, id).text
    // The oracle: pdftotext's lines joined without whitespace between two CJK characters.
    const oracle = execFileSync('pdftotext', ['-enc', 'UTF-8', PDF, '-'], {
      encoding: 'utf8',
    }).replace(
      /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー])\s*\n\s*(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー])/gu,
      '',
    )
    for (const word of ['ディストリビューション', 'プロジェクト', 'ソフトウェア']) {
      expect(occurrences(oracle, word)).toBeGreaterThan(3)
      // At least as often: the oracle also loses a word split by a page break (its running head sits between the
      // halves; we join a sentence across the break, pdf-page-flow.test.ts).
      expect(occurrences(text, word)).toBeGreaterThanOrEqual(occurrences(oracle, word))
      expect(occurrences(text, word)).toBeLessThanOrEqual(occurrences(oracle, word) + 1)
    }
  })

  it('keeps the space for European text and CJK next to Latin', () => {
    expect(joinsWithoutSpace('ディストリビューシ', 'ョン')).toBe(true)
    expect(joinsWithoutSpace('設立されまし', 'た。')).toBe(true)
    expect(joinsWithoutSpace('the Debian', 'project')).toBe(false)
    expect(joinsWithoutSpace('Debian の', 'Linux')).toBe(false)
    expect(joinsWithoutSpace('ภาษา', 'ไทย')).toBe(true)
  })
})
