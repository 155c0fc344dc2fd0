/** `lectern check --metadata`: the check before citing, through the real built CLI on a real library. */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METADATA_SET } from '../../support/metadata-score'
import { tempDir } from '../../support/temp-library'
import { ensureBuilt, runCli, runJson } from './run-cli'

let root: ReturnType<typeof tempDir>
beforeAll(() => {
  ensureBuilt()
  root = tempDir('lectern-cli-meta-')
})
afterAll(() => root.cleanup())

describe('lectern check --metadata', () => {
  it('lists documents with missing or guessed fields, and not the ones a person corrected', async () => {
    const lib = join(root.dir, 'library')
    const input = join(root.dir, 'input')
    mkdirSync(input)
    copyFileSync(join(METADATA_SET, 'git-maintain-git.txt'), join(input, 'mail.txt'))
    writeFileSync(
      join(input, 'news.txt'),
      'The minister said on Tuesday that the railway would open next year. Officials gave no reason.\n',
    )
    expect((await runCli(['--library', lib, 'import', input])).code).toBe(0)
    type Review = {
      documents: { id: number; title: string; problems: { field: string; kind: string }[] }[]
    }
    const review = await runJson<Review>(['--library', lib, 'check', '--metadata'])
    expect(review.code).toBe(0)
    const news = review.json.documents.find((d) => d.title.startsWith('The minister said'))
    expect(news?.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', kind: 'guessed' }),
        expect.objectContaining({ field: 'authors', kind: 'missing' }),
        expect.objectContaining({ field: 'publishedAt', kind: 'missing' }),
      ]),
    )
    // The e-mail has a title, an author and a date from its headers: nothing to check.
    expect(review.json.documents.some((d) => d.title === 'How to maintain Git')).toBe(false)
    const human = await runCli(['--library', lib, 'check', '--metadata'])
    expect(human.stdout).toMatch(/1 document\(s\) to check before citing/)
    expect(human.stdout).toMatch(/title guessed \(first sentence/)
  }, 120_000)
})
