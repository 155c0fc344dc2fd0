import { describe, expect, it } from 'vitest'
import { buildEpub } from '../../../scripts/gen-hostile-fixtures'
import { toFailure } from '../../../src/main/importers/errors'
import { extractBytes } from '../../../src/main/importers/extract'
import { extractEpub } from '../../../src/main/importers/extractors/epub'
import { extractMarkdown } from '../../../src/main/importers/extractors/markdown'

const limits = { maxFileBytes: 1e8, maxZipBytes: 1e8, maxZipEntries: 1000 }

describe('deeply nested documents never reach a DOM', () => {
  it('an EPUB chapter of 100,000 nested divs is kept as flat paragraphs, quickly', async () => {
    const epub = await buildEpub({
      chapters: [
        { name: 'ok.xhtml', html: '<h1>Normal chapter</h1><p>Normal text.</p>' },
        {
          name: 'deep.xhtml',
          html: `${'<div>'.repeat(100_000)}<p>Deep text survives.</p>${'</div>'.repeat(100_000)}`,
        },
      ],
    })
    const started = performance.now()
    const doc = await extractEpub({ bytes: epub, path: 'deep.epub', limits })
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(doc.text).toContain('Normal text.')
    expect(doc.text).toContain('Deep text survives.')
    expect(doc.warnings.join(' ')).toMatch(/deep\.xhtml is nested more than 500 levels/)
  })

  it('Markdown with thousands of nested quotes falls back to plain text with a warning', async () => {
    const source = `# Quotes\n\n${'>'.repeat(5000)} the innermost quote\n`
    const doc = await extractMarkdown({ bytes: Buffer.from(source), path: 'q.md', limits })
    expect(doc.html).toBeNull()
    expect(doc.text).toContain('the innermost quote')
    expect(doc.warnings).toContain('Markdown could not be rendered; shown as plain text')
  })
})

describe('failures carry the detected format', () => {
  it('a damaged PDF reports format pdf', async () => {
    const error = await extractBytes(Buffer.from('%PDF-1.7\n garbage'), 'x.pdf', limits).catch(
      (e: unknown) => e,
    )
    expect(toFailure(error)).toMatchObject({ format: 'pdf', reason: expect.stringMatching(/PDF/) })
  })
})
