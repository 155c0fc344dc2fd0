/**
 * The CLI's `export --format` and `--style` choices are the export and citation modules' own lists, not copies
 * that drift when a format or style is added.
 */
import { describe, expect, it } from 'vitest'
import { CITATION_STYLES } from '../../../src/main/citations/styles'
import { FORMATS, STYLES } from '../../../src/main/cli/commands/quote-commands'
import { EXPORT_FORMATS } from '../../../src/main/export/file-formats'

describe('CLI format and style lists', () => {
  it('are the export and citation modules’ lists themselves', () => {
    expect(FORMATS).toBe(EXPORT_FORMATS)
    expect(STYLES).toBe(CITATION_STYLES)
  })
})
