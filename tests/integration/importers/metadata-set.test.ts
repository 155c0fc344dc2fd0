/**
 * Issue 13's measured goal, on 46 real documents of every format with hand-written expectations
 * (tests/fixtures/metadata-set): titles ≥ 95 %, authors ≥ 80 %, dates ≥ 85 % with no wrong date. Runs the real
 * extractors on the real files. Per-document table: `npx tsx scripts/metadata-set.ts`.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractFile } from '../../../src/main/importers/extract'
import {
  loadExpectations,
  METADATA_SET,
  scoreOne,
  summarise,
  type Verdict,
} from '../../support/metadata-score'

const limits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxZipBytes: 256 * 1024 * 1024,
  maxZipEntries: 10_000,
}

describe('metadata measured set', () => {
  it('meets the goals: titles ≥ 95 %, authors ≥ 80 %, dates ≥ 85 % and 0 wrong dates', async () => {
    const expectations = loadExpectations()
    expect(expectations.length).toBeGreaterThanOrEqual(40)
    const verdicts: Verdict[] = []
    for (const expected of expectations) {
      const file = await extractFile(join(METADATA_SET, expected.file), limits)
      verdicts.push(
        scoreOne(expected, {
          title: file.title,
          authors: file.authors,
          publishedAt: file.publishedAt,
        }),
      )
      // Every field that was filled says where it came from.
      expect(file.provenance.title, expected.file).toBeDefined()
      if (file.publishedAt) expect(file.provenance.publishedAt, expected.file).toBeDefined()
      if (expected.guessedTitle)
        expect(file.provenance.title?.origin, expected.file).toBe('guessed')
    }
    const s = summarise(verdicts)
    const failures = verdicts
      .filter((v) => !v.title || !v.authors || v.date === 'wrong')
      .map((v) => `${v.file}: ${JSON.stringify(v.got)}`)
    expect(s.wrongDates, failures.join('\n')).toBe(0)
    expect(s.titles, failures.join('\n')).toBeGreaterThanOrEqual(95)
    expect(s.authors, failures.join('\n')).toBeGreaterThanOrEqual(80)
    expect(s.dates, failures.join('\n')).toBeGreaterThanOrEqual(85)
  }, 180_000)
})
