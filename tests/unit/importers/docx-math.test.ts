/**
 * Equations in Word documents (Office Math) are kept: the stored text has each one as linear text in place, the
 * display HTML has it as MathML. Before, mammoth dropped them: the Latin Modern test file failed with "no text in
 * the DOCX" and "where x=2 holds" was stored as "where holds".
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { extractDocx } from '../../../src/main/importers/extractors/docx'
import { hostileMathDocx, INLINE_SENTENCE, inlineMathDocx } from '../../support/math-docx'

const limits = { maxFileBytes: 1e8, maxZipBytes: 1e8, maxZipEntries: 1000 }
const LM_MATH = join(__dirname, '../../fixtures/documents/debian/test-word-latinmodern_math.docx')

const extract = (bytes: Uint8Array, path: string) => extractDocx({ bytes, path, limits })

describe('DOCX equations', () => {
  it('imports the Latin Modern Math Word test file, its words and equations in reading order', async () => {
    const doc = await extract(new Uint8Array(readFileSync(LM_MATH)), LM_MATH)
    const lines = doc.text.split('\n').filter(Boolean)
    expect(lines).toHaveLength(11) // 11 paragraphs, one equation (or display block) each
    // The words set inside equations (Polish "siedem" and "pięć" under braces, accented bcd and efg).
    expect(doc.text).toContain('Siedém')
    expect(doc.text).toContain('pięć')
    expect(lines[0]).toMatch(/^bcd\u0302 efg\u0303 /)
    // Word's linear format: grouping parentheses only around parts of more than one symbol.
    expect(lines).toContain('(x+a)^n=∑_(k=1)^n ∫_(t_1)^(t_2) (n¦k)(f(x))^k a^(n-k)dx')
    expect(lines).toContain('(1+x)^n=1+nx/(1!)+(n(n-1)x^2)/(2!)+…')
    expect(lines).toContain('ℵ_0<2^(ℵ_0)<2^(2^(ℵ_0))')
    expect(lines.at(-1)).toMatch(/\]\^\(1\/2\)=√π$/)
    // The reader gets MathML: display equations as blocks, with their linear text for the text map.
    expect(doc.html?.match(/<math\b/g)).toHaveLength(11)
    expect(doc.html?.match(/<math [^>]*display="block"/g)).toHaveLength(9)
    expect(doc.html).toContain('alttext="ℵ_0&lt;2^(ℵ_0)&lt;2^(2^(ℵ_0))"')
    expect(doc.html).toContain(
      '<mfrac><mrow><mi>n</mi><mi>x</mi></mrow><mrow><mn>1</mn><mo>!</mo></mrow></mfrac>',
    )
    expect(doc.html).toContain('<msqrt>')
    // Bold runs (vectors) show bold: Chromium ignores mathvariant="bold", so the letters are math bold ones; the
    // stored text keeps the letters as typed.
    expect(doc.html).toContain('<mi mathvariant="normal">𝐅</mi>')
    expect(doc.text).toContain('∮_C F⋅ⅆr=∫_S ∇×F⋅ⅆS')
    // Word centres the paragraphs (<w:jc w:val="center"/>), the inline ones (accents, the brace line) included.
    expect(doc.html).toMatch(/<p class="centred"><math data-eq="0"/)
    expect(doc.html).toMatch(/<p class="centred"><math data-eq="4"/)
    expect(doc.warnings).toEqual([])
  })

  it('keeps an inline equation inside its sentence, words and spaces around it as they were', async () => {
    const doc = await extract(new Uint8Array(await inlineMathDocx()), 'bounds.docx')
    expect(doc.text).toContain(INLINE_SENTENCE)
    expect(doc.text).toContain(
      'Its mean is (a+b)/2, and the squares add up to ∑_(k=1)^n (x_k)^2 in every case we measured.',
    )
    // Inline in the paragraph's HTML, not a block of its own.
    expect(doc.html).toMatch(
      /<p>The bound is tight where <math data-eq="0" alttext="x=2"><mi>x<\/mi><mo>=<\/mo><mn>2<\/mn><\/math> holds/,
    )
    expect(doc.title).toBe('Bounds on admissible solutions')
  })

  it('writes markup inside equations as text, and no link, script or event attribute reaches the HTML', async () => {
    const doc = await extract(new Uint8Array(await hostileMathDocx('quillmath')), 'hostile.docx')
    expect(doc.text).toContain('<img src=x onerror="top.__pwned=1">')
    expect(doc.text).toContain('linked')
    const html = doc.html ?? ''
    const math = html.slice(html.indexOf('<math'), html.indexOf('</math>'))
    // Markup typed into an equation is characters of it (operators and letters), never elements.
    expect(math).toContain('<mo>&lt;</mo><mi>i</mi><mi>m</mi><mi>g</mi>')
    // DOMPurify drops an alttext holding "</script": the stored text above has the equation all the same.
    expect(doc.text).toContain(
      '"><script>top.__pwned=1</script>(<svg onload=top.__pwned=1>)/2linked',
    )
    expect(math).not.toMatch(
      /<(?!\/?(?:math|mi|mn|mo|mtext|mspace|mrow|mfrac|msqrt|mroot|msub|msup|msubsup|munder|mover|munderover|mtable|mtr|mtd)\b)/,
    )
    const tags = math.match(/<[^>]+>/g) ?? []
    expect(tags.filter((tag) => /\shref=|\son\w+=|javascript:/i.test(tag))).toEqual([])
    expect(html).not.toMatch(/<(?:script|img|svg)\b/i)
  })

  it('reads an equation nested 20,000 levels deep without running out of stack: structure to a depth, then text', async () => {
    const zip = await JSZip.loadAsync(await inlineMathDocx())
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    const deep = `${'<m:d><m:e>'.repeat(20_000)}<m:r><m:t>deepest</m:t></m:r>${'</m:e></m:d>'.repeat(20_000)}`
    zip.file('word/document.xml', xml.replace('<m:r><m:t>x=2</m:t></m:r>', deep))
    const bytes = await zip.generateAsync({ type: 'uint8array' })
    const started = performance.now()
    const doc = await extract(bytes, 'deep.docx')
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(doc.text).toMatch(/The bound is tight where \(+deepest\)+ holds/)
    expect(doc.text).toContain('Its mean is (a+b)/2')
  }, 30_000)
})
