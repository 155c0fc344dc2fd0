/**
 * Articles for seeded e2e libraries, made from the public-domain speeches in tests/fixtures/e2e (so the suite needs
 * no shared corpus): a date line, a blank line, the title, a blank line, then the text.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CorpusArticle } from './seed-library'
import { REPO_ROOT } from './web-host'

const FILES = [
  'speeches/toys-for-tots.txt',
  'speeches/congressional-service-event.txt',
  'thanksgiving-turkey-pardon.txt',
]

/** The fixture speeches as seedable articles. */
export function fixtureArticles(): CorpusArticle[] {
  return FILES.map((file) => {
    const raw = readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'e2e', file), 'utf8')
    const [dateLine = '', , title = file, , ...rest] = raw.split('\n')
    const date = new Date(`${dateLine.trim()} 12:00 UTC`)
    return {
      title: title.trim(),
      text: rest.join('\n').trim(),
      date: Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10),
      url: null,
      source: 'The White House',
      speaker: 'First Lady',
    }
  })
}

/**
 * One long plain-text document: the fixture speeches' paragraphs repeated until there are `paragraphs` of them, each
 * numbered ("[1234] ...") so a test can find any one of them.
 */
export function longArticle(paragraphs: number): CorpusArticle {
  const pool = fixtureArticles().flatMap((article) =>
    article.text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim()),
  )
  const out: string[] = []
  for (let i = 0; i < paragraphs; i++) out.push(`[${i + 1}] ${pool[i % pool.length]}`)
  return {
    title: 'Collected Remarks',
    text: out.join('\n\n'),
    date: '2013-12-31',
    url: null,
    source: 'The White House',
  }
}
