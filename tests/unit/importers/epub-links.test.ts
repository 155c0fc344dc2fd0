import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractBytes } from '../../../src/main/importers/extract'

const EPUB = join(
  __dirname,
  '..',
  '..',
  'fixtures',
  'documents',
  'debian',
  'developers-reference.epub',
)
const LIMITS = { maxFileBytes: 50e6, maxZipBytes: 50e6, maxZipEntries: 5000 }

describe('EPUB links inside the book', () => {
  it('become anchors of the one document, each naming an element that exists', async () => {
    const doc = await extractBytes(
      new Uint8Array(readFileSync(EPUB)),
      'developers-reference.epub',
      LIMITS,
    )
    const html = doc.html ?? ''
    const hrefs = [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((match) => match[1] ?? '')
    const internal = hrefs.filter((href) => href.startsWith('#'))
    // The book's table of contents and cross-references: hundreds of them (before: none kept an href).
    expect(internal.length).toBeGreaterThan(300)
    const ids = new Set([...html.matchAll(/\bid="([^"]*)"/g)].map((match) => match[1]))
    expect(internal.filter((href) => !ids.has(href.slice(1)))).toEqual([])
    // Nothing points at another file any more, nor carries the placeholder.
    expect(hrefs.filter((href) => /\.x?html/i.test(href) && !/^https?:/i.test(href))).toEqual([])
    expect(html).not.toContain('\u2063')
  })
})
