/**
 * Measure metadata extraction on the hand-labelled set in tests/fixtures/metadata-set: prints one line per document
 * (✓/✗ per field, what was extracted) and the totals. `npx tsx scripts/metadata-set.ts [--json]`.
 */
import { join } from 'node:path'
import { extractFile } from '../src/main/importers/extract'
import {
  loadExpectations,
  METADATA_SET,
  scoreOne,
  summarise,
  type Verdict,
} from '../tests/support/metadata-score'

const limits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxZipBytes: 500 * 1024 * 1024,
  maxZipEntries: 10_000,
}

async function main(): Promise<void> {
  const verdicts: Verdict[] = []
  for (const expected of loadExpectations()) {
    const file = await extractFile(join(METADATA_SET, expected.file), limits)
    verdicts.push(
      scoreOne(expected, {
        title: file.title,
        authors: file.authors,
        publishedAt: file.publishedAt,
      }),
    )
  }
  const summary = summarise(verdicts)
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(summary, null, 2))
    return
  }
  const mark = (ok: boolean): string => (ok ? '✓' : '✗')
  for (const v of verdicts)
    console.log(
      `${mark(v.title)}${mark(v.authors)}${v.date === 'right' ? '✓' : v.date === 'wrong' ? '!' : '·'} ${v.file.padEnd(44)} ${JSON.stringify(v.got.title).slice(0, 70)} | ${v.got.authors.join('; ').slice(0, 50)} | ${v.got.publishedAt ?? '—'}`,
    )
  console.log(
    `\n${summary.count} documents: titles ${summary.titles} %, authors ${summary.authors} %, dates ${summary.dates} % (${summary.wrongDates} wrong)`,
  )
}

void main()
