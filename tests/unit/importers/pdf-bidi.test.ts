/**
 * Right-to-left PDF lines from printed (visual) order to reading order: lines as pdf.js's items give them, left to
 * right, from the Persian and Hebrew PDFs of tests/fixtures/pdf-text (there end to end in pdf-fidelity.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { isRtlPage, logicalLine } from '../../../src/main/importers/extractors/pdf-bidi'

/** A word as printed right to left: its letters left to right. */
const printed = (word: string): string => [...word].reverse().join('')

describe('right-to-left PDF lines in reading order', () => {
  it('reads a Persian line right to left, its Latin words kept whole and in place', () => {
    // "برای BibTeX در زی پرشین" printed: the last word at the left, each word's letters left to right.
    const visual = `${printed('پرشین')} ${printed('زی')} ${printed('در')} BibTeX ${printed('برای')}`
    expect(logicalLine(visual, true)).toBe('برای BibTeX در زی پرشین')
  })

  it('mirrors back brackets printed mirrored, and keeps a command whole with its backslash', () => {
    // "(نسخه ۲) عبارت \usepackage{verbatim} را": the opening parenthesis is printed as ")" at the right.
    const visual = `${printed('را')} \\usepackage{verbatim} ${printed('عبارت')} (۲ ${printed('نسخه')})`
    expect(logicalLine(visual, true)).toBe('(نسخه ۲) عبارت \\usepackage{verbatim} را')
  })

  it('keeps a run of Latin words in its printed order ("(BibTeX Style)", not "(Style BibTeX)")', () => {
    const visual = `bst ${printed('پسوند')} ${printed('با')} (BibTeX Style) ${printed('سبک')}`
    expect(logicalLine(visual, true)).toBe('سبک (BibTeX Style) با پسوند bst')
  })

  it('keeps a Latin word’s own brackets with it, and the sentence’s period outside', () => {
    // sexam_wexam_doc_ar.pdf: "… البيئة subparts والأمر \subpart[note]." printed with its period at the left.
    const visual = `.\\subpart[note] ${printed('والأمر')} subparts ${printed('البيئة')}`
    expect(logicalLine(visual, true)).toBe('البيئة subparts والأمر \\subpart[note].')
  })

  it('reads a Quran verse on an English page right to left, its number at its end as printed', () => {
    // quran-doc.pdf (texlive-lang-arabic): the verse number in ornate parentheses printed at the line's left.
    expect(logicalLine('﴾١﴿َ كَردَصَ كَل حَرشَن مَلَٔا', false)).toBe('أَلَم نَشرَح لَك َصَدرَك َ﴿١﴾')
  })

  it('puts a Hebrew letter’s points back after it (printed before it, to its left)', () => {
    // "אֱלֹהִים": each point is printed before (left of) its letter.
    expect(logicalLine('םיִהֹלֱא', false)).toBe('אֱלֹהִים')
  })

  it('leaves lines without right-to-left letters alone, and a Hebrew word in an English line in its place', () => {
    expect(logicalLine('the result will be (x) [y]', true)).toBe('the result will be (x) [y]')
    expect(logicalLine(`will become ${printed('מלך')}. Sometimes`, false)).toBe(
      'will become מלך. Sometimes',
    )
  })

  it('tells a page set right to left by its letters', () => {
    expect(isRtlPage(['راهنمای استفاده از', 'BibTeX'])).toBe(true)
    expect(isRtlPage(['The input will have as result the ouput', 'אבגד'])).toBe(false)
    expect(isRtlPage(['no right-to-left text at all'])).toBe(false)
  })
})
