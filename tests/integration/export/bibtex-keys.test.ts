/** Issue 13: BibTeX keys are readable, unique in the library, and kept once assigned (a real SQLite library). */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { spaceLocators } from '../../../src/main/citations/cite-quotes'
import { openDb } from '../../../src/main/db/connection'
import { validMonths } from '../../../src/main/export/formats/bibliographic'
import { ensureBibtexKeys } from '../../../src/main/export/stored-bibtex-keys'
import { tempDir } from '../../support/temp-library'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

describe('BibTeX keys', () => {
  it('author-year-firstword, a/b/c for clashes, and stable when more documents arrive', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = openDb(join(dir, 'library.sqlite'))
    const now = new Date().toISOString()
    const add = (title: string, authors: string[], date: string | null, hash: string): number =>
      Number(
        db
          .prepare(
            `INSERT INTO documents (title, authors, published_at, format, content_hash, text, word_count, imported_at, updated_at)
             VALUES (?, ?, ?, 'txt', ?, 'x', 1, ?, ?)`,
          )
          .run(title, JSON.stringify(authors), date, hash, now, now).lastInsertRowid,
      )
    const alice = add("Alice's Adventures in Wonderland", ['Lewis Carroll'], '1865', 'h1')
    const brief = add('A Brief History of Debian', [], null, 'h2')
    const first = ensureBibtexKeys(db, [alice, brief])
    expect(first.get(alice)).toBe('carroll1865alice')
    expect(first.get(brief)).toBe('anonndbrief')
    // A second Carroll 1865 "Alice…" gets a suffix; the first keeps its key in every later export.
    const other = add("Alice's Adventures Under Ground", ['Carroll, Lewis'], '1865', 'h3')
    const second = ensureBibtexKeys(db, [other, alice])
    expect(second.get(alice)).toBe('carroll1865alice')
    expect(second.get(other)).toBe('carroll1865alicea')
    db.close()
  })

  it('valid month fields and spaced locators', () => {
    expect(validMonths('@misc{k,\n\tmonth = {jan 13},\n}')).toBe(
      '@misc{k,\n\tmonth = jan,\n\tday = {13},\n}',
    )
    expect(validMonths('\tmonth = {aug},')).toBe('\tmonth = aug,')
    expect(spaceLocators('(Obama, para.17)')).toBe('(Obama, para. 17)')
    expect(spaceLocators('(Obama, p. 4)')).toBe('(Obama, p. 4)')
  })
})
