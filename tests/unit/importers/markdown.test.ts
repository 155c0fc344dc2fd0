import { describe, expect, it } from 'vitest'
import { extractMarkdown, splitFrontMatter } from '../../../src/main/importers/extractors/markdown'
import { extractText } from '../../../src/main/importers/extractors/text'

const limits = { maxFileBytes: 1e8, maxZipBytes: 1e8, maxZipEntries: 1000 }
const md = (source: string, path = 'notes.md') =>
  extractMarkdown({ bytes: Buffer.from(source, 'utf8'), path, limits })

describe('Markdown', () => {
  it('reads front matter: title, authors, date, tags, source and url', async () => {
    const doc = await md(`---
title: "Field notes: the harbour"
authors: [Ada Lovelace, Charles Babbage]
date: 2024-11-05
tags: harbour, field-notes
source: Personal notebook
url: https://example.org/notes/harbour
lang: en_GB
---

# A heading that is not the title

Body text with *emphasis* and a [link](https://example.org).
`)
    expect(doc).toMatchObject({
      title: 'Field notes: the harbour',
      authors: ['Ada Lovelace', 'Charles Babbage'],
      publishedAt: '2024-11-05',
      tags: ['harbour', 'field-notes'],
      source: 'Personal notebook',
      url: 'https://example.org/notes/harbour',
      language: 'en-GB',
      citationType: 'webpage',
    })
    expect(doc.text).toBe('A heading that is not the title\n\nBody text with emphasis and a link.')
    expect(doc.html).toContain('<em>emphasis</em>')
    expect(doc.html).toContain('<a href="https://example.org" rel="noopener noreferrer">link</a>')
  })

  it('takes the title from the first heading, the date from a date line, and sanitizes raw HTML', async () => {
    const doc = await md(
      '# Meeting notes\n\nPublished: March 3, 2011\n\nWe met. <img src=x onerror=alert(1)><script>alert(2)</script>\n',
    )
    expect(doc.title).toBe('Meeting notes')
    expect(doc.publishedAt).toBe('2011-03-03')
    expect(doc.html).not.toMatch(/onerror|<script/)
  })

  it('bad YAML is a warning, not a failure; YAML alias bombs are refused', async () => {
    const bad = await md('---\ntitle: [unclosed\n---\n\nBody survives.\n')
    expect(bad.text).toBe('Body survives.')
    expect(bad.warnings[0]).toMatch(/front matter ignored/)
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      )
    const started = performance.now()
    const split = splitFrontMatter(`---\n${bomb.join('\n')}\n---\nbody`)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(split.data).toEqual({})
    expect(split.warning).toMatch(/front matter ignored/)
  })

  it('plain text files keep Markdown-looking text as it is', async () => {
    const doc = await extractText({
      bytes: Buffer.from('# Not a heading here\n\nbody'),
      path: 'a.txt',
      limits,
    })
    expect(doc.text).toBe('# Not a heading here\n\nbody')
    expect(doc.html).toBeNull()
  })
})
