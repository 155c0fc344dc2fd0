import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DOCUMENT_PART_PREFIX } from '@shared/contract'
import { describe, expect, it } from 'vitest'
import { extractBytes } from '../../../src/main/importers/extract'

// Own-work fixture (tests/fixtures/e2e/SOURCES.md): one figure referenced as `../images/gradient%20figure.png`.
const EPUB = join(__dirname, '..', '..', 'fixtures', 'e2e', 'figure-chapter.epub')
const LIMITS = { maxFileBytes: 50e6, maxZipBytes: 50e6, maxZipEntries: 5000 }

describe('EPUB images', () => {
  it('name their entry inside the original; remote images keep no source', async () => {
    const doc = await extractBytes(
      new Uint8Array(readFileSync(EPUB)),
      'figure-chapter.epub',
      LIMITS,
    )
    const sources = [...(doc.html ?? '').matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)].map((m) => m[1])
    // Before: no image kept a src (the sanitiser turned every one into a placeholder).
    expect(sources).toEqual([`${DOCUMENT_PART_PREFIX}OEBPS/images/gradient figure.png`])
    expect(doc.html).toContain('data-blocked-src="https://example.invalid/remote.png"')
  })
})

describe('DOCX images', () => {
  it('name their entry inside the original', async () => {
    const file = join(__dirname, '..', '..', 'fixtures', 'e2e', 'figure-paragraph.docx')
    const doc = await extractBytes(
      new Uint8Array(readFileSync(file)),
      'figure-paragraph.docx',
      LIMITS,
    )
    const images = [...(doc.html ?? '').matchAll(/<img\b[^>]*>/g)].map((m) => m[0])
    // Before: an empty src, dropped by the sanitiser (alt text only).
    expect(images).toHaveLength(1)
    expect(images[0]).toContain(`src="${DOCUMENT_PART_PREFIX}word/media/figure1.png"`)
    expect(images[0]).toContain('alt="A green-blue gradient, 120 by 60 pixels"')
  })
})
