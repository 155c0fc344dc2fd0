/**
 * Issue #11 defect 4: a quote made from "find the same statement elsewhere" must be the source's words: the final
 * period included when the match ends a sentence, and a plain-text file's hard line break and indentation shown
 * and exported as one space (offsets still exact). Compare ignores whitespace and typographic quote style unless
 * asked, so the same statement is 100 % the same.
 */
import type { DocumentId } from '@shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call } from '../../../src/main/api/dispatch'
import { insertDocument } from '../../golden/corpus'
import { tempBackend } from '../../support/temp-library'

let lib: ReturnType<typeof tempBackend>
afterEach(async () => {
  await lib.dispose()
})

const meta = (title: string, source: string) => ({
  title,
  authors: ['Debian Project'],
  publishedAt: '2024-06-10',
  source,
  url: null,
  citationType: 'webpage' as const,
  accessedAt: null,
})

// Wording from the Debian FAQ (debian-faq, DFSG-free): the same statement in a web page and a hard-wrapped text.
const STATEMENT =
  'The Debian Project is an association of individuals who have made common cause to create a free operating system like Debian GNU/Linux.'
const WRAPPED =
  'About Debian\n\nThe Debian Project is an association of individuals who have made common cause to create a free operating system like\n    Debian GNU/Linux. This operating system is called Debian.\n'
const CURLY = `It’s said: “${STATEMENT}”`

let web: DocumentId
let text: DocumentId
beforeEach(() => {
  lib = tempBackend()
  web = insertDocument(
    lib.context.db,
    meta('What is Debian?', 'debian.org'),
    `Intro.\n\n${STATEMENT} More follows.`,
  )
  text = insertDocument(lib.context.db, meta('The Debian FAQ (text)', 'debian-faq'), WRAPPED)
  insertDocument(lib.context.db, meta('Curly quotes', 'elsewhere'), `${CURLY}\n\nThe end.`)
})

describe('quotes from similar passages', () => {
  it('ends at the sentence end, shows one space for a hard line break, keeps exact offsets', async () => {
    const quote = await call(lib.context, 'quotes.create', { documentId: web, text: STATEMENT })
    const { passages } = await call(lib.context, 'compare.similar', { quoteId: quote.id })
    const passage = passages.find((p) => p.documentId === text)
    expect(passage).toBeDefined()
    if (!passage) return
    expect(passage.text).toBe(STATEMENT)
    expect(WRAPPED.slice(passage.start, passage.end)).toBe(
      'The Debian Project is an association of individuals who have made common cause to create a free operating system like\n    Debian GNU/Linux.',
    )
    expect(passage.score).toBe(1)

    const made = await call(lib.context, 'quotes.create', {
      documentId: text,
      start: passage.start,
      end: passage.end,
    })
    const compared = await call(lib.context, 'compare.quotes', { quoteIds: [quote.id, made.id] })
    expect(compared.columns[1]?.similarity).toBe(1)
    expect(compared.columns[1]?.text).toBe(STATEMENT)
    expect(compared.columns[1]?.diff.every((s) => s.kind === 'same')).toBe(true)
    // Asked for, the exact characters count.
    const strict = await call(lib.context, 'compare.quotes', {
      quoteIds: [quote.id, made.id],
      strict: true,
    })
    expect(strict.columns[1]?.text).toBe(WRAPPED.slice(passage.start, passage.end))

    for (const format of ['md', 'txt', 'html', 'csv', 'json'] as const) {
      const out = await call(lib.context, 'export.render', {
        selection: { quoteIds: [made.id] },
        format,
        style: 'apa',
      })
      expect(out.content, format).toContain('operating system like Debian GNU/Linux.')
      expect(out.content, format).not.toMatch(/like\s*\n\s*Debian/)
    }
    // The W3C selector stays the exact characters of the source (it must match the text to anchor).
    const w3c = await call(lib.context, 'export.render', {
      selection: { quoteIds: [made.id] },
      format: 'w3c',
      style: 'apa',
    })
    expect(w3c.content).toContain(JSON.stringify('like\n    Debian').slice(1, -1))
  })

  it('compare ignores typographic quote style unless asked', async () => {
    const plain = await call(lib.context, 'quotes.create', {
      documentId: web,
      text: STATEMENT,
    })
    const curlyDoc = lib.context.db
      .prepare("SELECT id FROM documents WHERE title = 'Curly quotes'")
      .get() as { id: DocumentId }
    const curly = await call(lib.context, 'quotes.create', {
      documentId: curlyDoc.id,
      text: 'It’s said: “The Debian Project',
    })
    const straight = insertDocument(
      lib.context.db,
      meta('Straight quotes', 'other'),
      'It\'s said: "The Debian Project is here.',
    )
    const other = await call(lib.context, 'quotes.create', {
      documentId: straight,
      text: 'It\'s said: "The Debian Project',
    })
    const loose = await call(lib.context, 'compare.quotes', { quoteIds: [curly.id, other.id] })
    expect(loose.columns[1]?.similarity).toBe(1)
    const strict = await call(lib.context, 'compare.quotes', {
      quoteIds: [curly.id, other.id],
      strict: true,
    })
    expect(strict.columns[1]?.similarity).toBeLessThan(1)
    expect(plain.exact).toBe(STATEMENT)
  })
})
